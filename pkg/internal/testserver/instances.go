package testserver

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

var (
	// One instance: "monitoring-api listening on http://127.0.0.1:4000".
	listeningOne = regexp.MustCompile(`listening on (http://[0-9.]+:[0-9]+)\s*$`)
	// Several: after a line per instance, "monitoring-api listening on
	// 3 instances: http://127.0.0.1:4000 http://127.0.0.1:4001 ...".
	listeningMany = regexp.MustCompile(`listening on ([0-9]+) instances: (.+)$`)
)

// listeningURLs reads the server's listening line: the one URL when one
// instance is wanted, else every URL from the summary line, only when it
// lists as many as wanted. It is nil for any other line.
func listeningURLs(line string, want int) []string {
	if want <= 1 {
		if m := listeningOne.FindStringSubmatch(line); m != nil {
			return []string{m[1]}
		}
		return nil
	}
	m := listeningMany.FindStringSubmatch(line)
	if m == nil {
		return nil
	}
	urls := strings.Fields(m[2])
	if n, err := strconv.Atoi(m[1]); err != nil || n != want || len(urls) != want {
		return nil
	}
	for _, u := range urls {
		if !listeningOne.MatchString("listening on " + u) {
			return nil
		}
	}
	return urls
}

func (s *Server) instanceURL(instance int) (string, error) {
	if instance < 0 || instance >= len(s.URLs) {
		return "", fmt.Errorf("no instance %d: the server runs %d", instance, len(s.URLs))
	}
	return s.URLs[instance], nil
}

// AddFaultAt injects a fault on one instance (0 is the first) and returns
// its id; the other instances answer as before.
func (s *Server) AddFaultAt(ctx context.Context, instance int, f Fault) (string, error) {
	base, err := s.instanceURL(instance)
	if err != nil {
		return "", err
	}
	var out struct {
		Fault struct {
			ID string `json:"id"`
		} `json:"fault"`
	}
	if err := s.adminAt(ctx, base, http.MethodPost, "/api/monitoring/admin/faults", f, &out); err != nil {
		return "", err
	}
	return out.Fault.ID, nil
}

// ClearFaultsAt removes every fault of one instance.
func (s *Server) ClearFaultsAt(ctx context.Context, instance int) error {
	base, err := s.instanceURL(instance)
	if err != nil {
		return err
	}
	return s.adminAt(ctx, base, http.MethodDelete, "/api/monitoring/admin/faults", nil, nil)
}

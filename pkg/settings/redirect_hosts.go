package settings

import (
	"encoding/json"
	"net"
	"strconv"
	"strings"
)

// JSONKeyAllowedRedirectHosts lists hosts (host or host:port) the
// upstream may redirect to with the API key. Without it only redirects
// to the data source URL's own origin are followed.
const JSONKeyAllowedRedirectHosts = "allowedRedirectHosts"

// hostList accepts a JSON list of strings or one comma-separated string
// (what a hand-written provisioning file may hold).
type hostList []string

func (h *hostList) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*h = splitHosts(one)
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return configErrorf("%s must be a list of host names, for example [\"api.example.com\", \"other.example:8443\"]", JSONKeyAllowedRedirectHosts)
	}
	*h = many
	return nil
}

func splitHosts(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// parseRedirectHosts normalises entries to lower-case "host" or
// "host:port" (IPv6 in brackets). A pasted URL is reduced to its host;
// a path, user info or a bad port is refused with the entry's position.
func parseRedirectHosts(in []string) ([]string, error) {
	out := make([]string, 0, len(in))
	for i, raw := range in {
		e := strings.ToLower(strings.TrimSpace(raw))
		if _, rest, ok := strings.Cut(e, "://"); ok {
			e = strings.TrimSuffix(rest, "/")
		}
		bad := func(why string) error {
			return configErrorf("%s[%d]: %q %s; give a host name or host:port, for example other.example:8443", JSONKeyAllowedRedirectHosts, i, raw, why)
		}
		switch {
		case e == "":
			return nil, bad("is empty")
		case strings.ContainsAny(e, "/?#@ \t"):
			return nil, bad("is not a host name (it has a path, user name or spaces)")
		}
		if host, port, err := net.SplitHostPort(e); err == nil {
			if p, perr := strconv.Atoi(port); perr != nil || p < 1 || p > 65535 || host == "" {
				return nil, bad("has no valid port")
			}
			e = net.JoinHostPort(host, port)
		} else if strings.Count(e, ":") > 1 && !strings.HasPrefix(e, "[") {
			e = "[" + e + "]" // a bare IPv6 address
		} else if strings.Contains(e, ":") && !strings.HasSuffix(e, "]") {
			return nil, bad("has no valid port")
		}
		out = append(out, e)
	}
	return out, nil
}

package provcheck

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// envRef is the ${NAME} form Grafana expands in provisioning files.
var envRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// ParseEnvFile reads a NAME=value file (provisioning/alerting/thresholds.env):
// blank lines and # comments are skipped, anything else must be NAME=value.
func ParseEnvFile(raw []byte) (map[string]string, error) {
	out := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, value, ok := strings.Cut(line, "=")
		if !ok || !envName.MatchString(name) {
			return nil, fmt.Errorf("line %d: %q is not NAME=value", n, line)
		}
		if _, dup := out[name]; dup {
			return nil, fmt.Errorf("line %d: %s is set twice", n, name)
		}
		out[name] = value
	}
	return out, sc.Err()
}

var envName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// ExpandEnv replaces ${NAME} with its value as Grafana does at startup.
// With strict, a reference to a name without a value is an error (Grafana
// would put an empty string there); otherwise it is left as it is.
func ExpandEnv(raw []byte, values map[string]string, strict bool) ([]byte, error) {
	missing := map[string]bool{}
	out := envRef.ReplaceAllFunc(raw, func(m []byte) []byte {
		name := string(envRef.FindSubmatch(m)[1])
		if v, ok := values[name]; ok {
			return []byte(v)
		}
		missing[name] = true
		return m
	})
	if strict && len(missing) > 0 {
		names := make([]string, 0, len(missing))
		for n := range missing {
			names = append(names, n)
		}
		sort.Strings(names)
		return nil, fmt.Errorf("%s used without a default in thresholds.env", strings.Join(names, ", "))
	}
	return out, nil
}

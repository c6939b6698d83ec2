package query

import (
	"context"
	"fmt"
	"strings"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// fillFromOtherFormats completes an auto query whose metric filter names
// metrics the negotiated format lacks: servers often publish a short JSON
// digest beside a full Prometheus registry (or the reverse). The other
// formats are read only then, and their answers are cached like any other.
func (r *Runner) fillFromOtherFormats(ctx context.Context, cats []string, q Query, have []series, tr *trace) []series {
	if q.Names.All() || (q.Format != FormatAuto && q.Format != "") {
		return have
	}
	missing := missingNames(q.Names, have)
	if len(missing) == 0 {
		return have
	}
	used := r.Client.MetricsFormat()
	if used == "" {
		used = FormatJSON
	}
	present := map[string]bool{}
	for _, s := range have {
		present[s.Name] = true
	}
	for _, f := range negotiationOrder {
		if f == used || len(missing) == 0 {
			continue
		}
		var found []series
		for _, c := range cats {
			m, err := r.fetchMetricsAs(ctx, metricsFetch{category: c, format: f}, tr)
			if err != nil {
				break // another format that does not read is no loss
			}
			for _, s := range snapshotSeries(m, q.Names) {
				if !present[s.Name] && matchesAny(missing, s.Name) {
					found = append(found, s)
				}
			}
		}
		if len(found) == 0 {
			continue
		}
		var names []string
		for _, s := range found {
			if !present[s.Name] {
				names = append(names, s.Name)
			}
		}
		for _, s := range found {
			present[s.Name] = true
		}
		have = append(have, found...)
		tr.notice(data.NoticeSeverityInfo, fmt.Sprintf("%s came from %s: the server's %s answer does not have %s.",
			strings.Join(names, ", "), FormatLabel(f), FormatName(used), pluralIs(len(names), "it", "them")))
		missing = missingNames(q.Names, have)
	}
	return have
}

// missingNames lists the filter's exact names no series has; a filter with
// wildcards counts as missing only when nothing matched it.
func missingNames(names Matcher, have []series) []Matcher {
	exact, ok := names.Exact()
	if !ok {
		if len(have) == 0 {
			return []Matcher{names}
		}
		return nil
	}
	var out []Matcher
	for _, n := range exact {
		m, err := NewMatcher(n)
		if err != nil {
			continue
		}
		found := false
		for _, s := range have {
			if m.Match(s.Name) {
				found = true
				break
			}
		}
		if !found {
			out = append(out, m)
		}
	}
	return out
}

func matchesAny(ms []Matcher, name string) bool {
	for _, m := range ms {
		if m.Match(name) {
			return true
		}
	}
	return false
}

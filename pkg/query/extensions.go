package query

import (
	"context"
	"fmt"
	"strings"

	"github.com/grafana/grafana-plugin-sdk-go/data"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/parse"
)

// extensions is what discovery found. A failed discovery (the server
// answers its capabilities path with an error or an unreadable body) is a
// notice and means "core contract only": optional parts are skipped, the
// query still answers.
func (r *Runner) extensions(ctx context.Context, tr *trace) client.Capabilities {
	caps := r.Client.Capabilities(ctx)
	if caps.Err != nil {
		tr.notice(data.NoticeSeverityInfo, "The server's optional extensions are unknown ("+caps.Err.Error()+"); only the core endpoints are used.")
		caps.Capabilities = parse.Capabilities{}
	}
	return caps
}

// isMissing reports whether an optional endpoint's failure means the
// server does not have it: unsupported, 404, or 400 for a parameter it
// does not know (an action it does not offer).
func isMissing(err error) bool {
	return client.IsKind(err, client.KindUnsupported) || client.IsKind(err, client.KindNotFound) || client.IsKind(err, client.KindBadRequest)
}

// maxNotes bounds the reader notes one notice lists.
const maxNotes = 5

// readerNotes turns what a tolerant reader skipped or assumed into one
// info notice, so a figure that is missing from a panel is explained.
func readerNotes(tr *trace, doc string, notes []string) {
	if len(notes) == 0 {
		return
	}
	more := ""
	if len(notes) > maxNotes {
		more = fmt.Sprintf("; and %d more", len(notes)-maxNotes)
		notes = notes[:maxNotes]
	}
	tr.notice(data.NoticeSeverityInfo, fmt.Sprintf("Reading the server's %s: %s%s.", doc, strings.Join(notes, "; "), more))
}

// figure is one number a document should carry: the series it becomes
// and the key the server would send it under.
type figure struct {
	series, key string
	has         bool
}

// missingFigures names the figures a query wants that the server's
// document lacks (absent or null), so an empty stat panel says why. A
// query that names the figures gets a warning; a query for everything an
// info notice.
func missingFigures(tr *trace, doc, path string, names Matcher, figs []figure) {
	var keys []string
	for _, f := range figs {
		if !f.has && names.Match(f.series) {
			keys = append(keys, f.key)
		}
	}
	if len(keys) == 0 {
		return
	}
	sev := data.NoticeSeverityWarning
	if names.All() {
		sev = data.NoticeSeverityInfo
	}
	tr.notice(sev, fmt.Sprintf("The server's %s (%s) has no value for %s, so %s empty.", doc, path, strings.Join(keys, ", "), pluralIs(len(keys), "that figure is", "those figures are")))
}

func pluralIs(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

package fleet

import (
	"net/url"

	"github.com/appmon/monitoring/pkg/settings"
)

// Noticer is a Source whose answer can be older than wanted; Notice says
// why in the user's words, or "" when the answer is current. The DNS
// source is one: a failed refresh keeps the instances it listed last.
type Noticer interface {
	Notice() string
}

// SourceOf is the Source of a data source's settings: one instance at
// the data source URL without fleet settings, the listed instances, or
// the instances a DNS name lists.
func SourceOf(base *url.URL, f *settings.Fleet, opts DNSOptions) Source {
	switch {
	case f == nil:
		return NewStatic([]*url.URL{base})
	case f.Discovery != nil:
		return NewDNS(*f.Discovery, opts)
	}
	return NewStatic(f.Instances)
}

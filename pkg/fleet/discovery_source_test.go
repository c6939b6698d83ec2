package fleet

import (
	"context"
	"net/url"
	"testing"

	"github.com/appmon/monitoring/pkg/settings"
)

func TestSourceOf(t *testing.T) {
	base, _ := url.Parse("http://lb:4000/app")
	a, _ := url.Parse("http://a:4000")
	b, _ := url.Parse("https://b")
	tests := []struct {
		name  string
		fleet *settings.Fleet
		want  string // the static targets; "dns" for a DNS source
	}{
		{"no fleet: the data source URL", nil, "lb:4000 http://lb:4000/app "},
		{"instances", &settings.Fleet{Instances: []*url.URL{a, b}}, "a:4000 http://a:4000 \nb:443 https://b "},
		{"discovery", &settings.Fleet{Discovery: &settings.Discovery{Name: "app.internal", Record: settings.RecordA, Port: 4000}}, "dns"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := SourceOf(base, tt.fleet, DNSOptions{})
			if _, isDNS := src.(*DNS); isDNS != (tt.want == "dns") {
				t.Fatalf("source %T for %+v", src, tt.fleet)
			}
			if tt.want == "dns" {
				if _, ok := src.(Noticer); !ok {
					t.Fatal("the DNS source gives no notice of a failed refresh")
				}
				return
			}
			targets, err := src.Targets(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if got := describe(targets); got != tt.want {
				t.Fatalf("targets %q, want %q", got, tt.want)
			}
		})
	}
}

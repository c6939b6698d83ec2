package query

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
	"github.com/grafana/grafana-plugin-sdk-go/live"

	"github.com/appmon/monitoring/pkg/internal/fakeapi"
)

func TestLivePathRoundTrip(t *testing.T) {
	tests := []struct {
		qtype, model, path string
	}{
		{"metrics", `{}`, "metrics/all"},
		{"metrics", `{"category":"api"}`, "metrics/api"},
		{"metrics", `{"category":"api,cache"}`, "metrics/api.cache"},
		{"metrics", `{"category":"api","metricName":"api.response_time.*"}`, "metrics/api/YXBpLnJlc3BvbnNlX3RpbWUuKg"},
		{"health", `{}`, "health"},
		{"health", `{"service":"database"}`, "health/ZGF0YWJhc2U"},
		{"uptime", `{}`, "uptime"},
		{"dashboard", `{}`, "dashboard"},
	}
	for _, tt := range tests {
		q := mustParse(t, tt.qtype, tt.model, time.Time{}, time.Time{})
		p, err := LivePath(q)
		if err != nil || p != tt.path {
			t.Fatalf("LivePath(%s %s) = %q, %v; want %q", tt.qtype, tt.model, p, err, tt.path)
		}
		ch := live.Channel{Scope: live.ScopeDatasource, Namespace: "uid", Path: p}
		if !ch.IsValid() {
			t.Fatalf("%q is not a valid live path", p)
		}
		back, err := ParseLivePath(p)
		if err != nil {
			t.Fatal(err)
		}
		if back.Type != q.Type || strings.Join(back.Categories, ",") != strings.Join(q.Categories, ",") ||
			back.Names.String() != q.Names.String() || back.Services.String() != q.Services.String() {
			t.Fatalf("round trip of %q: %+v", p, back)
		}
	}
	if _, err := LivePath(mustParse(t, "alerts", `{}`, time.Time{}, time.Time{})); err == nil {
		t.Fatal("alerts cannot stream")
	}
	for _, bad := range []string{"", "alerts", "metrics", "metrics/a/b/c", "metrics/api/!!", "health/x/y", "metrics/a b"} {
		if _, err := ParseLivePath(bad); err == nil {
			t.Errorf("ParseLivePath(%q) accepted", bad)
		}
	}
}

func TestLiveQueryReturnsWideFrameWithChannel(t *testing.T) {
	fake := fakeapi.New(t)
	fake.NoCapabilities = true
	r := newRunner(t, fake.URL)
	frames := run(t, r, mustParse(t, "metrics", `{"category":"api","live":true}`, time.Time{}, time.Time{}))
	if len(frames) != 1 {
		t.Fatalf("%d frames", len(frames))
	}
	f := frames[0]
	if f.Meta.Channel != "ds/dsuid/metrics/api" || f.Meta.Type != data.FrameTypeTimeSeriesWide {
		t.Fatalf("meta = %+v", f.Meta)
	}
	if len(f.Fields) != 6 || f.Rows() != 1 {
		t.Fatalf("fields = %d rows = %d", len(f.Fields), f.Rows())
	}
	assertAlertable(t, frames)

	hf, err := r.LiveFrame(context.Background(), mustParse(t, "health", `{"service":"cache"}`, time.Time{}, time.Time{}))
	if err != nil {
		t.Fatal(err)
	}
	if len(hf.Fields) != 3 {
		t.Fatalf("health live frame fields = %d", len(hf.Fields))
	}
}

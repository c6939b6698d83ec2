package redact

import (
	"regexp"
	"strings"
	"testing"
)

// benchText is a typical error sentence plus a 64 KiB body of JSON-ish
// text without a secret: the common case every output goes through.
var (
	benchSentence = "upstream returned 500 Internal Server Error for /api/monitoring/metrics after 3 attempts: database connection pool exhausted; check the monitoring API's logs"
	benchBody     = strings.Repeat(`{"name":"api.response_time.p95","value":123.4,"unit":"ms","category":"api"},`, 64<<10/76)
)

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		New(apiKey, adminKey)
	}
}

func BenchmarkStringSentence(b *testing.B) {
	r := New(apiKey, adminKey)
	b.SetBytes(int64(len(benchSentence)))
	b.ReportAllocs()
	for b.Loop() {
		r.String(benchSentence)
	}
}

func BenchmarkBytes64KiB(b *testing.B) {
	r := New(apiKey, adminKey)
	body := []byte(benchBody)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		r.Bytes(body)
	}
}

func BenchmarkBytes64KiBWithKey(b *testing.B) {
	r := New(apiKey, adminKey)
	body := []byte(benchBody[:len(benchBody)/2] + strings.ToUpper(apiKey[:10]) + benchBody[len(benchBody)/2:])
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		r.Bytes(body)
	}
}

// BenchmarkRegexpUnion64KiB is the alternative measured against: one
// case-insensitive alternation of every 8-character window.
func BenchmarkRegexpUnion64KiB(b *testing.B) {
	var alts []string
	for _, s := range []string{apiKey, adminKey} {
		for _, f := range forms(s) {
			for i := 0; i+MinRun <= len(f); i++ {
				alts = append(alts, regexp.QuoteMeta(f[i:i+MinRun]))
			}
		}
	}
	re := regexp.MustCompile("(?i)(?:" + strings.Join(alts, "|") + ")")
	body := []byte(benchBody)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		re.Match(body)
	}
}

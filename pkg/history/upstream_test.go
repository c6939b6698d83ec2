package history_test

import (
	"fmt"
	"hash/fnv"
	"math"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const minuteMs = int64(60_000)

// upstream is an in-process history server that behaves like the
// contract's: one value per series per minute, buckets aggregating the
// minutes they hold (mean, nulls skipped), gaps left out, a clock that
// tests move, a newest minute that is provisional until the next one is
// written, and restarts that rebuild history with other values from a
// later start.
type upstream struct {
	*httptest.Server

	mu            sync.Mutex
	now           int64 // server clock, unix ms
	era           int   // restarts so far; values depend on it
	oldest        int64 // first minute kept, unix ms
	retentionDays int
	// nullEvery and gapEvery make every n-th minute null or missing (0: never).
	nullEvery, gapEvery int64

	requests atomic.Int64
	bytes    atomic.Int64
}

func newUpstream(tb testing.TB, now time.Time, retentionDays int) *upstream {
	u := &upstream{now: now.UnixMilli(), retentionDays: retentionDays, nullEvery: 97, gapEvery: 53}
	u.oldest = floorMinute(u.now) - int64(retentionDays)*1440*minuteMs
	u.Server = httptest.NewServer(http.HandlerFunc(u.serve))
	tb.Cleanup(u.Close)
	return u
}

func floorMinute(ms int64) int64 { return ms - ((ms%minuteMs)+minuteMs)%minuteMs }

// Advance moves the server clock (clock jumps included).
func (u *upstream) Advance(d time.Duration) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.now += d.Milliseconds()
}

// Now is the server clock.
func (u *upstream) Now() time.Time {
	u.mu.Lock()
	defer u.mu.Unlock()
	return time.UnixMilli(u.now).UTC()
}

// Restart loses the history: the new era has other values and keeps
// only backfill of the past.
func (u *upstream) Restart(backfill time.Duration) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.era++
	u.oldest = floorMinute(u.now) - backfill.Milliseconds()
}

func (u *upstream) reset() { u.requests.Store(0); u.bytes.Store(0) }

var upstreamSeries = map[string][]map[string]string{
	"api.error_rate":        {nil, {"endpoint": "/api/orders"}, {"endpoint": "/api/tickets"}},
	"api.requests.rate":     {nil, {"endpoint": "/api/orders"}, {"endpoint": "/api/tickets"}},
	"api.response_time.p95": {nil, {"endpoint": "/api/orders"}},
	"uptime.percentage":     {nil},
}

var upstreamUnits = map[string][2]string{
	"api.error_rate":        {"%", "api"},
	"api.requests.rate":     {"req/s", "api"},
	"api.response_time.p95": {"ms", "api"},
	"uptime.percentage":     {"%", "availability"},
}

// minute is the value of a series at a minute (ok false: a gap; null).
func (u *upstream) minute(series string, m int64, latest int64) (v float64, null, ok bool) {
	if m < u.oldest || m > latest || m < latest-int64(u.retentionDays)*1440*minuteMs {
		return 0, false, false
	}
	x := mix(uint64(u.era)<<56 ^ seriesHash(series) ^ uint64(m/minuteMs)*0x9e3779b97f4a7c15)
	if u.gapEvery > 0 && x%uint64(u.gapEvery) == 0 {
		return 0, false, false
	}
	if u.nullEvery > 0 && (x>>8)%uint64(u.nullEvery) == 0 {
		return 0, true, true
	}
	v = float64(x%100000) / 1000
	if m == latest {
		v += 0.5 // provisional until the next minute is written
	}
	return v, false, true
}

func seriesHash(s string) uint64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte(s))
	return h.Sum64()
}

// mix is splitmix64's finaliser: a cheap, well spread hash of a minute.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

func (u *upstream) serve(w http.ResponseWriter, r *http.Request) {
	u.requests.Add(1)
	var body string
	status := http.StatusOK
	switch r.URL.Path {
	case "/api/monitoring/capabilities":
		body = fmt.Sprintf(`{"contract_version":"1.0","extensions":["metrics.history"],"retention":{"metrics_days":%d,"alerts_days":0,"incidents_days":0},"history_resolution_seconds":[60],"max_points_per_series":11000}`, u.retentionDays)
	case "/api/monitoring/metrics/history":
		status, body = u.history(r)
	default:
		status, body = http.StatusNotFound, `{"error":{"status":404,"code":"not_found","message":"no such endpoint"}}`
	}
	u.bytes.Add(int64(len(body)))
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

func (u *upstream) history(r *http.Request) (int, string) {
	q := r.URL.Query()
	from, err1 := strconv.ParseInt(q.Get("from"), 10, 64)
	to, err2 := strconv.ParseInt(q.Get("to"), 10, 64)
	step, err3 := strconv.ParseInt(q.Get("step"), 10, 64)
	labelSets, known := upstreamSeries[q.Get("name")]
	if err1 != nil || err2 != nil || err3 != nil || step < 60 || step%60 != 0 || from >= to || !known {
		return http.StatusBadRequest, `{"error":{"status":400,"code":"bad_request","message":"bad history request"}}`
	}
	stepMs := step * 1000
	if (to-from)/stepMs > 11000 || to-from > int64(u.retentionDays)*86_400_000 {
		return http.StatusBadRequest, `{"error":{"status":400,"code":"bad_request","message":"range too long"}}`
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	latest := floorMinute(u.now) - minuteMs // the newest complete minute
	name := q.Get("name")
	var b strings.Builder
	fmt.Fprintf(&b, `{"from":%q,"to":%q,"step":%d,"series":[`, time.UnixMilli(from).UTC().Format(time.RFC3339Nano), time.UnixMilli(to).UTC().Format(time.RFC3339Nano), step)
	for i, labels := range labelSets {
		if i > 0 {
			b.WriteByte(',')
		}
		unit := upstreamUnits[name]
		fmt.Fprintf(&b, `{"name":%q,"unit":%q,"category":%q,"labels":{`, name, unit[0], unit[1])
		id := name
		first := true
		for k, v := range labels {
			if !first {
				b.WriteByte(',')
			}
			first = false
			fmt.Fprintf(&b, "%q:%q", k, v)
			id += "/" + v
		}
		b.WriteString(`},"points":[`)
		n := 0
		for t := (from + stepMs - 1) / stepMs * stepMs; t < to; t += stepMs {
			sum, count, nulls := 0.0, 0, 0
			for m := t; m < t+stepMs; m += minuteMs {
				v, null, ok := u.minute(id, m, latest)
				switch {
				case !ok:
				case null:
					nulls++
				default:
					sum += v
					count++
				}
			}
			if count == 0 && nulls == 0 {
				continue
			}
			if n > 0 {
				b.WriteByte(',')
			}
			n++
			if count == 0 {
				fmt.Fprintf(&b, "[%d,null]", t)
			} else {
				b.WriteString("[" + strconv.FormatInt(t, 10) + "," + strconv.FormatFloat(math.Round(sum/float64(count)*1e6)/1e6, 'g', -1, 64) + "]")
			}
		}
		b.WriteString("]}")
	}
	b.WriteString("]}")
	return http.StatusOK, b.String()
}

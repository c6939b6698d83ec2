package parse

import "testing"

func TestDurationSeconds(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
	}{
		{"5d 14h 23m 45s", 5*86400 + 14*3600 + 23*60 + 45},
		{"1d 0h 0m 3s", 86403},
		{"14h23m", 14*3600 + 23*60},
		{"45s", 45},
		{"2 days, 3 hours and 4 minutes", 2*86400 + 3*3600 + 4*60},
		{"PT24H0M3S", 86403},
		{"P1DT2H", 86400 + 7200},
		{"PT0.5S", 0.5},
	} {
		got := DurationSeconds(tc.in)
		if got == nil || *got != tc.want {
			t.Errorf("%q: got %v, want %v", tc.in, got, tc.want)
		}
	}
	for _, bad := range []string{"", "soon", "P", "PT", "5 parsecs", "12", "up since Monday", "5d and then some"} {
		if got := DurationSeconds(bad); got != nil {
			t.Errorf("%q: got %v, want unknown", bad, *got)
		}
	}
}

// The endpoint description's own example gives its uptime only as text.
func TestParseUptimeReadsSecondsFromTheFormattedText(t *testing.T) {
	u, err := ParseUptime([]byte(`{"status":"healthy","uptime":{"formatted":"5d 14h 23m 45s","percentage":99.95}}`))
	if err != nil {
		t.Fatal(err)
	}
	if u.Seconds == nil || *u.Seconds != 5*86400+14*3600+23*60+45 {
		t.Fatalf("seconds: got %v", u.Seconds)
	}
	u, err = ParseUptime([]byte(`{"status":"UP","uptime":{"iso":"PT24H0M3S","human":"1d 0h 0m 3s"},"availability":99.9}`))
	if err != nil {
		t.Fatal(err)
	}
	if u.Seconds == nil || *u.Seconds != 86403 {
		t.Fatalf("seconds from a generic shape: got %v", u.Seconds)
	}
}

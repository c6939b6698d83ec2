package oncall

import (
	"strings"
	"testing"
	"time"
)

const weeklyAD = `"layers":[
	{"name":"primary","members":[{"name":"Engineer A","contact":"a@example.com"},{"name":"Engineer B"},{"name":"Engineer C"},{"name":"Engineer D"}],"start":"2025-01-06"},
	{"name":"secondary","members":[{"name":"Engineer B"},{"name":"Engineer C"},{"name":"Engineer D"},{"name":"Engineer A"}],"start":"2025-01-06"}]`

// The primary handoff on 2025-03-10 09:00 UTC moves A -> B; X covers from
// Sunday noon to Tuesday noon, straddling it.
func TestOverrideStraddlingAHandoff(t *testing.T) {
	s := mustParse(t, `{"oncall":{`+weeklyAD+`,"overrides":[
		{"layer":"primary","name":"Engineer X","contact":"x@example.com","start":"2025-03-09T12:00:00Z","end":"2025-03-11T12:00:00Z"}]}}`)
	p := layerOf(t, s, "primary")

	tl := s.Timeline(p, utc("2025-03-03T09:00:00Z"), utc("2025-03-17T09:00:00Z"))
	if len(tl) != 3 {
		t.Fatalf("timeline has %d shifts: %+v", len(tl), tl)
	}
	wantShift(t, tl[0], "Engineer A", "2025-03-03T09:00:00Z", "2025-03-09T12:00:00Z", false)
	wantShift(t, tl[1], "Engineer X", "2025-03-09T12:00:00Z", "2025-03-11T12:00:00Z", true)
	wantShift(t, tl[2], "Engineer B", "2025-03-11T12:00:00Z", "2025-03-17T09:00:00Z", false)

	tests := []struct {
		at, name, start, end string
		override             bool
	}{
		{"2025-03-09T11:59:59.999999999Z", "Engineer A", "2025-03-03T09:00:00Z", "2025-03-09T12:00:00Z", false},
		{"2025-03-09T12:00:00Z", "Engineer X", "2025-03-09T12:00:00Z", "2025-03-11T12:00:00Z", true},
		{"2025-03-10T08:59:59.999999999Z", "Engineer X", "2025-03-09T12:00:00Z", "2025-03-11T12:00:00Z", true},
		{"2025-03-10T09:00:00Z", "Engineer X", "2025-03-09T12:00:00Z", "2025-03-11T12:00:00Z", true},
		{"2025-03-11T12:00:00Z", "Engineer B", "2025-03-11T12:00:00Z", "2025-03-17T09:00:00Z", false},
	}
	for _, tc := range tests {
		sh, ok := s.At(p, utc(tc.at))
		if !ok {
			t.Fatalf("%s: nobody", tc.at)
		}
		wantShift(t, sh, tc.name, tc.start, tc.end, tc.override)
	}
	if sh, _ := s.At(p, utc("2025-03-10T09:00:00Z")); sh.Member.Contact != "x@example.com" {
		t.Errorf("override contact = %q", sh.Member.Contact)
	}
	// The secondary layer is untouched.
	sec, _ := s.At(layerOf(t, s, "secondary"), utc("2025-03-10T09:00:00Z"))
	wantShift(t, sec, "Engineer C", "2025-03-10T09:00:00Z", "2025-03-17T09:00:00Z", false)
}

func TestOverridesInsideAndOverEachOther(t *testing.T) {
	s := mustParse(t, `{"oncall":{`+weeklyAD+`,"overrides":[
		{"layer":"primary","name":"Engineer X","start":"2025-03-04T00:00:00Z","end":"2025-03-06T00:00:00Z"},
		{"layer":"primary","name":"Engineer Y","start":"2025-03-05T00:00:00Z","end":"2025-03-05T12:00:00Z"},
		{"layer":"primary","name":"Engineer Z","start":"2025-03-20T00:00:00","end":"2025-04-05T00:00"}]}}`)
	p := layerOf(t, s, "primary")
	tl := s.Timeline(p, utc("2025-03-03T09:00:00Z"), utc("2025-04-14T09:00:00Z"))
	want := []struct {
		name, start, end string
		override         bool
	}{
		{"Engineer A", "2025-03-03T09:00:00Z", "2025-03-04T00:00:00Z", false},
		{"Engineer X", "2025-03-04T00:00:00Z", "2025-03-05T00:00:00Z", true},
		{"Engineer Y", "2025-03-05T00:00:00Z", "2025-03-05T12:00:00Z", true}, // the later override wins
		{"Engineer X", "2025-03-05T12:00:00Z", "2025-03-06T00:00:00Z", true},
		{"Engineer A", "2025-03-06T00:00:00Z", "2025-03-10T09:00:00Z", false}, // the split shift resumes
		{"Engineer B", "2025-03-10T09:00:00Z", "2025-03-17T09:00:00Z", false},
		{"Engineer C", "2025-03-17T09:00:00Z", "2025-03-20T00:00:00Z", false},
		{"Engineer Z", "2025-03-20T00:00:00Z", "2025-04-05T00:00:00Z", true}, // covers whole weeks; local times in the layer zone (UTC)
		{"Engineer A", "2025-04-05T00:00:00Z", "2025-04-07T09:00:00Z", false},
		{"Engineer B", "2025-04-07T09:00:00Z", "2025-04-14T09:00:00Z", false},
	}
	if len(tl) != len(want) {
		t.Fatalf("timeline has %d shifts, want %d: %+v", len(tl), len(want), tl)
	}
	for i, w := range want {
		wantShift(t, tl[i], w.name, w.start, w.end, w.override)
	}
}

func TestEmptyLayer(t *testing.T) {
	s := mustParse(t, `{"oncall":{"layers":[{"name":"primary","members":[{"name":"A"}]},{"name":"backup","members":[]}],
		"overrides":[{"layer":"backup","name":"Helper","start":"2025-03-14T10:00:00Z","end":"2025-03-14T14:00:00Z"}]}}`)
	if len(s.Warnings) != 2 || s.Warnings[0] != "layer backup has no members" {
		t.Errorf("warnings = %v", s.Warnings)
	}
	at := utc("2025-03-14T09:00:00Z")
	now := s.Now(at)
	if now[0].Shift == nil || now[0].Shift.Member.Name != "A" {
		t.Errorf("primary = %+v", now[0])
	}
	if now[1].Shift != nil || now[1].Notice != "layer backup has no members" {
		t.Errorf("backup = %+v", now[1])
	}
	// An override still puts someone on call in an empty layer.
	if sh, ok := s.At(layerOf(t, s, "backup"), utc("2025-03-14T11:00:00Z")); !ok || sh.Member.Name != "Helper" || !sh.Override {
		t.Errorf("override in empty layer: %+v %v", sh, ok)
	}
	next := s.Next(layerOf(t, s, "backup"), at, 5)
	if len(next) != 1 || next[0].Member.Name != "Helper" {
		t.Errorf("next shifts of an empty layer = %+v", next)
	}
	if got := s.Next(layerOf(t, s, "backup"), utc("2025-03-15T00:00:00Z"), 5); len(got) != 0 {
		t.Errorf("no members, no overrides ahead: got %+v", got)
	}
}

func TestNextShifts(t *testing.T) {
	s := mustParse(t, `{"oncall":{`+weeklyAD+`,"overrides":[
		{"layer":"primary","name":"Engineer X","start":"2025-03-19T00:00:00Z","end":"2025-03-20T00:00:00Z"}]}}`)
	p := layerOf(t, s, "primary")
	got := s.Next(p, utc("2025-03-12T00:00:00Z"), 4)
	if len(got) != 4 {
		t.Fatalf("%d shifts", len(got))
	}
	wantShift(t, got[0], "Engineer B", "2025-03-10T09:00:00Z", "2025-03-17T09:00:00Z", false) // current first
	wantShift(t, got[1], "Engineer C", "2025-03-17T09:00:00Z", "2025-03-19T00:00:00Z", false)
	wantShift(t, got[2], "Engineer X", "2025-03-19T00:00:00Z", "2025-03-20T00:00:00Z", true)
	wantShift(t, got[3], "Engineer C", "2025-03-20T00:00:00Z", "2025-03-24T09:00:00Z", false)
	if s.Next(p, utc("2025-03-12T00:00:00Z"), 0) != nil {
		t.Error("n = 0 gives no shifts")
	}

	all := s.Shifts(utc("2025-03-12T00:00:00Z"), 2)
	var names []string
	for _, sh := range all {
		names = append(names, sh.Layer+":"+sh.Member.Name)
	}
	if got := strings.Join(names, ","); got != "primary:Engineer B,secondary:Engineer C,primary:Engineer C,secondary:Engineer D" {
		t.Errorf("shifts in time order = %s", got)
	}
}

func TestTimelineBounds(t *testing.T) {
	s := mustParse(t, `{"oncall":{"layers":[{"name":"hourly","members":[{"name":"A"},{"name":"B"}],"rotation_unit":"hours","rotation_length":1}]}}`)
	l := layerOf(t, s, "hourly")
	from := utc("2025-03-14T00:00:00Z")
	if got := len(s.Timeline(l, from, from.Add(-time.Hour))); got != 0 {
		t.Errorf("empty range gave %d shifts", got)
	}
	if got := len(s.Timeline(l, from, from.Add(10*366*24*time.Hour))); got != MaxShifts {
		t.Errorf("ten years of hourly shifts = %d, want the cap %d", got, MaxShifts)
	}
}

// Cross-check: the shift At(t) reports must be the one a long timeline
// holds at t, for every hour over five weeks of overlapping overrides,
// including one later override that swallows an earlier one.
func TestAtAgreesWithLongTimeline(t *testing.T) {
	s := mustParse(t, `{"oncall":{`+weeklyAD+`,"overrides":[
		{"layer":"primary","name":"X","start":"2025-03-09T12:00:00Z","end":"2025-03-18T12:00:00Z"},
		{"layer":"primary","name":"Y","start":"2025-03-12T00:00:00Z","end":"2025-03-13T00:00:00Z"},
		{"layer":"primary","name":"Z","start":"2025-03-08T00:00:00Z","end":"2025-03-10T00:00:00Z"},
		{"layer":"primary","name":"W","start":"2025-03-23T00:00:00Z","end":"2025-03-24T09:00:00Z"},
		{"layer":"primary","name":"V","start":"2025-03-22T00:00:00Z","end":"2025-03-25T00:00:00Z"}]}}`)
	p := layerOf(t, s, "primary")
	from, to := utc("2025-03-01T00:00:00Z"), utc("2025-04-05T00:00:00Z")
	long := s.Timeline(p, from, to)
	for i := 1; i < len(long); i++ {
		if long[i].Start.Before(long[i-1].End) {
			t.Fatalf("overlapping shifts %+v and %+v", long[i-1], long[i])
		}
	}
	for at := from; at.Before(to); at = at.Add(time.Hour) {
		got, ok := s.At(p, at)
		var want Shift
		for _, sh := range long {
			if sh.Contains(at) {
				want = sh
			}
		}
		if !ok || got != want {
			t.Fatalf("At(%v) = %+v, long timeline has %+v", at, got, want)
		}
	}
	// V (listed last) swallows W entirely.
	if sh, _ := s.At(p, utc("2025-03-23T12:00:00Z")); sh.Member.Name != "V" || !sh.Start.Equal(utc("2025-03-22T00:00:00Z")) || !sh.End.Equal(utc("2025-03-25T00:00:00Z")) {
		t.Errorf("V = %+v", sh)
	}
	// Z is listed after X, so it wins where they overlap; X resumes after it.
	if sh, _ := s.At(p, utc("2025-03-10T06:00:00Z")); sh.Member.Name != "X" || !sh.Start.Equal(utc("2025-03-10T00:00:00Z")) {
		t.Errorf("X after Z = %+v", sh)
	}
}

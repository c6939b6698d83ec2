package oncall

import (
	"testing"
	"time"
)

func TestDefaultRotationBoundaries(t *testing.T) {
	s := DefaultSchedule()
	tests := []struct {
		name                 string
		at                   string
		primary, secondary   string
		shiftStart, shiftEnd string
	}{
		{"first week (default rota: A primary, B secondary)", "2025-01-06T09:00:00Z", "Engineer A", "Engineer B", "2025-01-06T09:00:00Z", "2025-01-13T09:00:00Z"},
		{"second week (default rota: B primary, C secondary)", "2025-01-13T09:00:00Z", "Engineer B", "Engineer C", "2025-01-13T09:00:00Z", "2025-01-20T09:00:00Z"},
		{"fourth week (default rota: D primary, A secondary)", "2025-01-30T00:00:00Z", "Engineer D", "Engineer A", "2025-01-27T09:00:00Z", "2025-02-03T09:00:00Z"},
		{"one nanosecond before a handoff", "2025-03-10T08:59:59.999999999Z", "Engineer A", "Engineer B", "2025-03-03T09:00:00Z", "2025-03-10T09:00:00Z"},
		{"exactly at a handoff", "2025-03-10T09:00:00Z", "Engineer B", "Engineer C", "2025-03-10T09:00:00Z", "2025-03-17T09:00:00Z"},
		{"years later", "2030-06-05T12:00:00Z", "Engineer C", "Engineer D", "2030-06-03T09:00:00Z", "2030-06-10T09:00:00Z"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			at := utc(tc.at)
			now := s.Now(at)
			if len(now) != 2 || now[0].Shift == nil || now[1].Shift == nil {
				t.Fatalf("now = %+v", now)
			}
			wantShift(t, *now[0].Shift, tc.primary, tc.shiftStart, tc.shiftEnd, false)
			wantShift(t, *now[1].Shift, tc.secondary, tc.shiftStart, tc.shiftEnd, false)
		})
	}
}

func TestBeforeTheFirstHandoff(t *testing.T) {
	s := DefaultSchedule()
	now := s.Now(utc("2025-01-06T08:59:59Z"))
	if now[0].Shift != nil || now[0].Notice != "layer primary starts at 2025-01-06T09:00:00Z" {
		t.Errorf("now = %+v", now[0])
	}
}

// Weekly Monday 09:00 handoffs stay at 09:00 local time across DST, so the
// week with the change is 167 (spring) or 169 (fall) hours long.
func TestWeeklyHandoffAcrossDST(t *testing.T) {
	tests := []struct {
		zone, at      string
		start, end    string
		wantLength    time.Duration
		nextHandoffAt string
	}{
		{"Europe/Berlin", "2025-03-30T12:00:00Z", "2025-03-24T08:00:00Z", "2025-03-31T07:00:00Z", 167 * time.Hour, ""},
		{"Europe/Berlin", "2025-10-26T12:00:00Z", "2025-10-20T07:00:00Z", "2025-10-27T08:00:00Z", 169 * time.Hour, ""},
		{"America/New_York", "2025-03-09T12:00:00Z", "2025-03-03T14:00:00Z", "2025-03-10T13:00:00Z", 167 * time.Hour, ""},
		{"America/New_York", "2025-11-02T12:00:00Z", "2025-10-27T13:00:00Z", "2025-11-03T14:00:00Z", 169 * time.Hour, ""},
	}
	for _, tc := range tests {
		t.Run(tc.zone+" "+tc.at, func(t *testing.T) {
			s := mustParse(t, `{"oncall":{"layers":[{"name":"primary","members":[{"name":"A"},{"name":"B"}],
				"handoff_weekday":"monday","handoff_time":"09:00","time_zone":"`+tc.zone+`","start":"2025-01-06"}]}}`)
			l := layerOf(t, s, "primary")
			sh, ok := s.At(l, utc(tc.at))
			if !ok {
				t.Fatal("nobody on call")
			}
			if !sh.Start.Equal(utc(tc.start)) || !sh.End.Equal(utc(tc.end)) {
				t.Fatalf("shift [%v, %v), want [%s, %s)", sh.Start.UTC(), sh.End.UTC(), tc.start, tc.end)
			}
			if got := sh.End.Sub(sh.Start); got != tc.wantLength {
				t.Errorf("length %v, want %v", got, tc.wantLength)
			}
			if local := sh.End.In(l.Location); local.Hour() != 9 || local.Minute() != 0 || local.Weekday() != time.Monday {
				t.Errorf("handoff at %v local, want Monday 09:00", local)
			}
			// Exactly at the handoff the other member is on; one ns before, not yet.
			after, _ := s.At(l, sh.End)
			before, _ := s.At(l, sh.End.Add(-time.Nanosecond))
			if after.Member.Name == sh.Member.Name || before.Member.Name != sh.Member.Name {
				t.Errorf("handoff: before %s, after %s, shift %s", before.Member.Name, after.Member.Name, sh.Member.Name)
			}
		})
	}
}

// Daily handoffs inside the DST hour: the skipped 02:30 happens after the
// jump (03:30), the repeated 02:30 at its first occurrence.
func TestDailyHandoffInsideTheDSTHour(t *testing.T) {
	s := mustParse(t, `{"oncall":{"layers":[{"name":"night","members":[{"name":"A"},{"name":"B"},{"name":"C"}],
		"rotation_unit":"days","rotation_length":1,"handoff_time":"02:30","time_zone":"Europe/Berlin","start":"2025-03-01"}]}}`)
	l := layerOf(t, s, "night")
	tests := []struct {
		at, start, end string
		length         time.Duration
	}{
		{"2025-03-29T12:00:00Z", "2025-03-29T01:30:00Z", "2025-03-30T01:30:00Z", 24 * time.Hour}, // ends at 03:30 CEST
		{"2025-03-30T12:00:00Z", "2025-03-30T01:30:00Z", "2025-03-31T00:30:00Z", 23 * time.Hour},
		{"2025-10-25T12:00:00Z", "2025-10-25T00:30:00Z", "2025-10-26T00:30:00Z", 24 * time.Hour}, // first 02:30 (CEST)
		{"2025-10-26T12:00:00Z", "2025-10-26T00:30:00Z", "2025-10-27T01:30:00Z", 25 * time.Hour},
	}
	for _, tc := range tests {
		sh, ok := s.At(l, utc(tc.at))
		if !ok || !sh.Start.Equal(utc(tc.start)) || !sh.End.Equal(utc(tc.end)) || sh.End.Sub(sh.Start) != tc.length {
			t.Errorf("at %s: shift [%v, %v), want [%s, %s) (%v)", tc.at, sh.Start.UTC(), sh.End.UTC(), tc.start, tc.end, tc.length)
		}
	}
}

// Twelve-hour shifts at 09:00 and 21:00 local keep those times across DST.
func TestHourlyRotationAcrossDST(t *testing.T) {
	s := mustParse(t, `{"oncall":{"layers":[{"name":"follow-the-sun","members":[{"name":"Day"},{"name":"Night"}],
		"rotation_unit":"hours","rotation_length":12,"handoff_time":"09:00","time_zone":"Europe/Berlin","start":"2025-03-01"}]}}`)
	l := layerOf(t, s, "follow-the-sun")
	sh, _ := s.At(l, utc("2025-03-30T00:00:00Z"))
	// Saturday 21:00 CET (20:00Z) to Sunday 09:00 CEST (07:00Z): 11 hours.
	if sh.Member.Name != "Night" || !sh.Start.Equal(utc("2025-03-29T20:00:00Z")) || !sh.End.Equal(utc("2025-03-30T07:00:00Z")) {
		t.Errorf("shift %s [%v, %v)", sh.Member.Name, sh.Start.UTC(), sh.End.UTC())
	}
	next, _ := s.At(l, sh.End)
	if next.Member.Name != "Day" || next.End.Sub(next.Start) != 12*time.Hour {
		t.Errorf("next shift %s lasts %v", next.Member.Name, next.End.Sub(next.Start))
	}
}

func TestWallClock(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	tests := []struct {
		name            string
		y               int
		m               time.Month
		d, hour, minute int
		want            string
	}{
		{"ordinary", 2025, 3, 14, 9, 0, "2025-03-14T08:00:00Z"},
		{"skipped hour moves after the jump", 2025, 3, 30, 2, 30, "2025-03-30T01:30:00Z"},
		{"repeated hour takes the first occurrence", 2025, 10, 26, 2, 30, "2025-10-26T00:30:00Z"},
		{"day overflow normalises", 2025, 1, 32, 9, 0, "2025-02-01T08:00:00Z"},
	}
	for _, tc := range tests {
		if got := wallClock(tc.y, tc.m, tc.d, tc.hour, tc.minute, berlin); !got.Equal(utc(tc.want)) {
			t.Errorf("%s: %v, want %s", tc.name, got.UTC(), tc.want)
		}
	}
}

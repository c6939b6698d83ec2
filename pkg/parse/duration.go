package parse

import (
	"regexp"
	"strconv"
	"strings"
)

// durationWords matches "5d 14h 23m 45s", "1 day, 2 hours", "14h23m": numbers
// with a unit, and nothing else but spaces and commas between them.
var (
	durationWord  = regexp.MustCompile(`(?i)(\d+(?:\.\d+)?)\s*(days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)`)
	durationWords = regexp.MustCompile(`(?i)^\s*(?:(?:\d+(?:\.\d+)?)\s*(?:days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)[\s,]*(?:and\s+)?)+$`)
	// ISO 8601 durations as Java and .NET print them: P1DT2H3M4.5S, PT24H0M3S.
	isoDuration = regexp.MustCompile(`(?i)^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$`)
)

// DurationSeconds reads a human or ISO 8601 duration as seconds; nil when
// the text is not one (an unknown uptime stays unknown, never 0).
func DurationSeconds(text string) *float64 {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	if m := isoDuration.FindStringSubmatch(text); m != nil && len(text) > 1 && text != "PT" && text != "pt" {
		total := 0.0
		for i, unit := range []float64{86400, 3600, 60, 1} {
			if m[i+1] != "" {
				v, _ := strconv.ParseFloat(m[i+1], 64)
				total += v * unit
			}
		}
		return &total
	}
	if !durationWords.MatchString(text) {
		return nil
	}
	total := 0.0
	for _, m := range durationWord.FindAllStringSubmatch(text, -1) {
		v, _ := strconv.ParseFloat(m[1], 64)
		switch u := strings.ToLower(m[2]); {
		case strings.HasPrefix(u, "d"):
			total += v * 86400
		case strings.HasPrefix(u, "h"):
			total += v * 3600
		case strings.HasPrefix(u, "m"):
			total += v * 60
		default:
			total += v
		}
	}
	return &total
}

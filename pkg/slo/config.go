package slo

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/appmon/monitoring/pkg/settings/jsondata"
)

// JSONDataKey is the key of the objectives array in the data source's
// jsonData.
const JSONDataKey = "slos"

const maxTitleLength = 200

// MaxObjectives bounds the configuration so one data source cannot ask for
// an unbounded amount of history per query.
const MaxObjectives = 20

// ConfigError lists every problem found in the "slos" configuration, each
// prefixed with its path (e.g. `slos[1].target`), so one save shows all
// that needs fixing.
type ConfigError struct{ Problems []string }

func (e *ConfigError) Error() string {
	return "SLO configuration (jsonData." + JSONDataKey + "): " + strings.Join(e.Problems, "; ")
}

// objectiveJSON is the provisioned shape. Pointers tell "absent" (use the
// default) from an explicit zero (an error).
type objectiveJSON struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Kind        string   `json:"kind"`
	Target      *float64 `json:"target"`
	Window      string   `json:"window"`
	TimeZone    string   `json:"time_zone"`
	ThresholdMs *float64 `json:"threshold_ms"`
	Metric      string   `json:"metric"`
}

var (
	idPattern     = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)
	metricPattern = regexp.MustCompile(`^[A-Za-z0-9_.]{1,128}$`)
)

// ParseObjectives reads the objectives from the whole jsonData object.
// Without a "slos" key (or with null) it returns DefaultObjectives; an
// explicit empty array means "no objectives".
func ParseObjectives(jsonData []byte) ([]Objective, error) {
	raw, err := jsondata.Section(jsonData, JSONDataKey)
	if err != nil {
		return nil, &ConfigError{Problems: []string{err.Error()}}
	}
	if raw == nil {
		return DefaultObjectives(), nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields() // a typo such as "treshold_ms" must not silently fall back to a default
	var items []objectiveJSON
	if err := dec.Decode(&items); err != nil {
		return nil, &ConfigError{Problems: []string{fmt.Sprintf("must be an array of objectives like "+
			`[{"kind":"availability","target":99.9,"window":"30d"}]: %v`, err)}}
	}
	if len(items) > MaxObjectives {
		return nil, &ConfigError{Problems: []string{fmt.Sprintf("has %d objectives; at most %d are supported", len(items), MaxObjectives)}}
	}
	var problems []string
	out := make([]Objective, 0, len(items))
	seen := map[string]int{}
	for i, item := range items {
		o, errs := item.validate()
		for _, e := range errs {
			problems = append(problems, fmt.Sprintf("%s[%d].%s", JSONDataKey, i, e))
		}
		if len(errs) > 0 {
			continue
		}
		if j, dup := seen[o.ID]; dup {
			problems = append(problems, fmt.Sprintf("%s[%d].id: %q is already used by %s[%d]; give each objective its own id", JSONDataKey, i, o.ID, JSONDataKey, j))
			continue
		}
		seen[o.ID] = i
		out = append(out, o)
	}
	if len(problems) > 0 {
		return nil, &ConfigError{Problems: problems}
	}
	return out, nil
}

// validate applies defaults and returns problems as "field: what to fix".
func (j objectiveJSON) validate() (Objective, []string) {
	var errs []string
	kind := Kind(strings.TrimSpace(j.Kind))
	switch kind {
	case KindAvailability, KindErrorRate, KindLatency:
	case "":
		return Objective{}, []string{`kind: is required: use "availability", "error_rate" or "latency"`}
	default:
		return Objective{}, []string{fmt.Sprintf(`kind: %q is not supported: use "availability", "error_rate" or "latency"`, j.Kind)}
	}
	o := Objective{Kind: kind, ID: strings.TrimSpace(j.ID), Title: strings.TrimSpace(j.Title), Metric: strings.TrimSpace(j.Metric)}

	if len(o.Title) > maxTitleLength {
		errs = append(errs, fmt.Sprintf("title: is longer than %d characters", maxTitleLength))
	}
	if o.ID == "" {
		o.ID = string(kind)
	} else if !idPattern.MatchString(o.ID) {
		errs = append(errs, fmt.Sprintf("id: %q must be 1-64 lowercase letters, digits, '_' or '-' (it becomes the objective label of alert rules)", j.ID))
	}

	switch {
	case j.Target == nil:
		o.Target = defaultTarget(kind)
	case *j.Target <= 0 || *j.Target > 100:
		errs = append(errs, fmt.Sprintf("target: %g is not a percentage in (0, 100]; e.g. 99.9 means 99.9%% good", *j.Target))
	default:
		o.Target = *j.Target
	}

	name := strings.TrimSpace(j.Window)
	if name == "" {
		name = DefaultWindowName
	}
	if w, err := ParseWindow(name, strings.TrimSpace(j.TimeZone)); err != nil {
		errs = append(errs, err.Error())
	} else {
		o.Window = w
	}

	errs = append(errs, o.applyKindFields(j)...)
	if o.Title == "" {
		o.Title = defaultTitle(kind, o.ThresholdMs, o.Metric)
	}
	return o, errs
}

func (o *Objective) applyKindFields(j objectiveJSON) []string {
	var errs []string
	if o.Kind != KindLatency && j.ThresholdMs != nil {
		errs = append(errs, fmt.Sprintf("threshold_ms: only latency objectives have a threshold; remove it from this %s objective", o.Kind))
	}
	switch o.Kind {
	case KindLatency:
		switch {
		case j.ThresholdMs == nil:
			o.ThresholdMs = DefaultLatencyThresholdMs
		case *j.ThresholdMs <= 0:
			errs = append(errs, fmt.Sprintf("threshold_ms: %g must be a positive number of milliseconds, e.g. 2000", *j.ThresholdMs))
		default:
			o.ThresholdMs = *j.ThresholdMs
		}
		if o.Metric == "" {
			o.Metric = MetricResponseP95
		}
	case KindAvailability:
		if o.Metric == "" {
			o.Metric = MetricUptime
		}
	case KindErrorRate:
		if o.Metric != "" {
			errs = append(errs, "metric: error_rate objectives always use api.error_rate and api.requests.rate; remove metric")
		}
	}
	if o.Metric != "" && !metricPattern.MatchString(o.Metric) {
		errs = append(errs, fmt.Sprintf("metric: %q is not a metric name such as %s", o.Metric, MetricResponseP95))
	}
	return errs
}

func defaultTarget(k Kind) float64 {
	switch k {
	case KindErrorRate:
		return DefaultErrorRateTarget
	case KindLatency:
		return DefaultLatencyTarget
	default:
		return DefaultAvailabilityTarget
	}
}

// IsConfigError tells configuration problems (fix the data source) from
// other failures.
func IsConfigError(err error) bool {
	var ce *ConfigError
	return errors.As(err, &ce)
}

// Package settings parses the data source configuration in one place:
// jsonData for plain options, the SLO objectives and the on-call schedule
// (with their packages' parsers), secureJsonData for secrets, and the
// SDK's HTTP client options (timeouts, TLS, custom headers) built from
// both.
package settings

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/httpclient"

	"github.com/appmon/monitoring/pkg/oncall"
	"github.com/appmon/monitoring/pkg/redact"
	"github.com/appmon/monitoring/pkg/slo"
)

// Defaults and bounds of the plain options. Bounds keep a typo in
// provisioning (e.g. a timeout of 0 or 10000) from producing a data source
// that hangs or hammers the upstream server.
const (
	DefaultTimeout          = 10 * time.Second
	MaxTimeout              = 5 * time.Minute
	DefaultCacheTTL         = 5 * time.Second
	MaxCacheTTL             = 10 * time.Minute
	DefaultMaxResponseBytes = 10 << 20
	MinMaxResponseBytes     = 1 << 10
	DefaultRetries          = 2
	MaxRetries              = 5
	DefaultStreamInterval   = 5 * time.Second
	MinStreamInterval       = 1 * time.Second
	MaxStreamInterval       = time.Hour
)

// Secure JSON keys. The values only ever come from DecryptedSecureJSONData.
const (
	SecureKeyAPIKey   = "apiKey"
	SecureKeyAdminKey = "adminKey"
)

// JSONData is the plain part of the data source configuration as stored by
// Grafana. TLS and custom header options use the SDK's standard keys
// (tlsSkipVerify, tlsAuthWithCACert, httpHeaderName1, ...) and are read by
// backend.DataSourceInstanceSettings.HTTPClientOptions, not here. Unknown
// keys are ignored so later features (SLO objectives, on-call schedules)
// can add their own sections to the same jsonData.
type JSONData struct {
	TimeoutSeconds        *float64 `json:"timeoutSeconds,omitempty"`
	CacheTTLSeconds       *float64 `json:"cacheTTLSeconds,omitempty"`
	MaxResponseBytes      *int64   `json:"maxResponseBytes,omitempty"`
	Retries               *int     `json:"retries,omitempty"`
	StreamIntervalSeconds *float64 `json:"streamIntervalSeconds,omitempty"`
	AllowedRedirectHosts  hostList `json:"allowedRedirectHosts,omitempty"`
}

// Settings is the validated configuration of one data source instance.
type Settings struct {
	UID  string
	Name string
	// BaseURL is the application root (scheme, host, optional path prefix),
	// without a trailing slash and without user info.
	BaseURL *url.URL

	Timeout          time.Duration
	CacheTTL         time.Duration
	MaxResponseBytes int64
	Retries          int
	StreamInterval   time.Duration

	APIKey   string
	AdminKey string
	// Redactor removes both keys from everything the instance outputs.
	Redactor *redact.Redactor

	// AllowedRedirectHosts are the other hosts ("host" or "host:port",
	// lower case) a redirect may lead to with the API key; see
	// redirect_hosts.go.
	AllowedRedirectHosts []string

	// HTTPOptions are the SDK client options (TLS, custom headers, proxy),
	// with our timeout applied.
	HTTPOptions httpclient.Options

	// Objectives are the SLOs (jsonData "slos", or the defaults; [] means
	// none); the slo query type evaluates them.
	Objectives []slo.Objective
	// Schedule is the on-call schedule (jsonData "oncall", or the
	// default); the oncall query type and the on-call labels of alert
	// queries read it.
	Schedule *oncall.Schedule

	// Memory bounds the cache and the bodies being received (memory.go).
	Memory Memory
	// HistoryCacheBytes bounds the metric history cache (history_cache.go).
	HistoryCacheBytes int64
	// Fleet is the instances the data source reads (fleet.go); nil means
	// one instance at BaseURL.
	Fleet *Fleet
}

// ErrConfig marks errors the user fixes in the data source settings.
var ErrConfig = errors.New("data source configuration")

// ConfigError is a settings problem with a message that says what to fix.
type ConfigError struct{ Msg string }

func (e *ConfigError) Error() string { return e.Msg }

// Is lets callers test errors.Is(err, settings.ErrConfig).
func (e *ConfigError) Is(target error) bool { return target == ErrConfig }

func configErrorf(format string, args ...any) error {
	return &ConfigError{Msg: fmt.Sprintf(format, args...)}
}

// Load parses and validates the whole configuration of one data source:
// the connection (URL, keys, limits, HTTP options), the SLO objectives
// and the on-call schedule. Every problem is in the one error (Problems),
// so one save shows everything to fix; the settings are nil when any part
// is unusable.
func Load(ctx context.Context, s backend.DataSourceInstanceSettings) (*Settings, error) {
	st, connErr := loadConnection(ctx, s)
	objectives, sloErr := slo.ParseObjectives(s.JSONData)
	schedule, oncallErr := oncall.ParseSchedule(s.JSONData)
	fleet, fleetErr := loadFleet(s.JSONData, s.URL)
	if err := JoinProblems(connErr, sloErr, oncallErr, fleetErr); err != nil {
		return nil, err
	}
	st.Objectives, st.Schedule, st.Fleet = objectives, schedule, fleet
	return st, nil
}

// Problems are independent settings problems (connection, SLOs, on-call)
// and read as one line, each saying what to fix.
type Problems []error

func (p Problems) Error() string {
	parts := make([]string, len(p))
	for i, err := range p {
		parts[i] = err.Error()
	}
	return strings.Join(parts, "; ")
}

func (p Problems) Unwrap() []error { return p }

// JoinProblems returns nil, the single problem, or all of them.
func JoinProblems(errs ...error) error {
	var out Problems
	for _, err := range errs {
		if err != nil {
			out = append(out, err)
		}
	}
	switch len(out) {
	case 0:
		return nil
	case 1:
		return out[0]
	}
	return out
}

// loadConnection parses and validates the connection settings.
func loadConnection(ctx context.Context, s backend.DataSourceInstanceSettings) (*Settings, error) {
	var jd JSONData
	if len(s.JSONData) > 0 {
		if err := json.Unmarshal(s.JSONData, &jd); err != nil {
			return nil, configErrorf("the data source settings (jsonData) are not valid JSON or have a wrong type: %v; re-save the data source or fix its provisioning file", err)
		}
	}

	base, err := ParseBaseURL(s.URL)
	if err != nil {
		return nil, err
	}

	out := &Settings{
		UID:              s.UID,
		Name:             s.Name,
		BaseURL:          base,
		Timeout:          DefaultTimeout,
		CacheTTL:         DefaultCacheTTL,
		MaxResponseBytes: DefaultMaxResponseBytes,
		Retries:          DefaultRetries,
		StreamInterval:   DefaultStreamInterval,
		APIKey:           strings.TrimSpace(s.DecryptedSecureJSONData[SecureKeyAPIKey]),
		AdminKey:         strings.TrimSpace(s.DecryptedSecureJSONData[SecureKeyAdminKey]),
	}
	if err := checkSecrets(out.APIKey, out.AdminKey); err != nil {
		return nil, err
	}
	out.Redactor = redact.New(out.APIKey, out.AdminKey)
	if err := out.applyJSONData(jd); err != nil {
		return nil, err
	}
	if out.Memory, err = loadMemory(s.JSONData, out.MaxResponseBytes); err != nil {
		return nil, err
	}
	if out.HistoryCacheBytes, err = loadHistoryCache(s.JSONData); err != nil {
		return nil, err
	}

	opts, err := httpClientOptions(ctx, s)
	if err != nil {
		return nil, configErrorf("the HTTP settings of the data source are not valid: %v; check the TLS and custom header options", err)
	}
	timeouts := httpclient.DefaultTimeoutOptions
	if opts.Timeouts != nil {
		timeouts = *opts.Timeouts
	}
	// One timeout bounds a whole fetch (retries included); the dial
	// timeout must not exceed it or a dead host outlives the budget.
	timeouts.Timeout = out.Timeout
	timeouts.DialTimeout = min(timeouts.DialTimeout, out.Timeout)
	opts.Timeouts = &timeouts
	out.HTTPOptions = opts
	return out, nil
}

func (s *Settings) applyJSONData(jd JSONData) error {
	if jd.TimeoutSeconds != nil {
		d, err := seconds("timeoutSeconds", *jd.TimeoutSeconds, time.Second, MaxTimeout)
		if err != nil {
			return err
		}
		s.Timeout = d
	}
	if jd.CacheTTLSeconds != nil {
		d, err := seconds("cacheTTLSeconds", *jd.CacheTTLSeconds, 0, MaxCacheTTL)
		if err != nil {
			return err
		}
		s.CacheTTL = d
	}
	if jd.MaxResponseBytes != nil {
		if *jd.MaxResponseBytes < MinMaxResponseBytes {
			return configErrorf("maxResponseBytes is %d; set it to at least %d bytes (default %d)", *jd.MaxResponseBytes, MinMaxResponseBytes, DefaultMaxResponseBytes)
		}
		s.MaxResponseBytes = *jd.MaxResponseBytes
	}
	if jd.Retries != nil {
		if *jd.Retries < 0 || *jd.Retries > MaxRetries {
			return configErrorf("retries is %d; set it between 0 and %d (default %d)", *jd.Retries, MaxRetries, DefaultRetries)
		}
		s.Retries = *jd.Retries
	}
	if jd.StreamIntervalSeconds != nil {
		d, err := seconds("streamIntervalSeconds", *jd.StreamIntervalSeconds, MinStreamInterval, MaxStreamInterval)
		if err != nil {
			return err
		}
		s.StreamInterval = d
	}
	hosts, err := parseRedirectHosts(jd.AllowedRedirectHosts)
	if err != nil {
		return err
	}
	s.AllowedRedirectHosts = hosts
	return nil
}

func seconds(name string, v float64, lo, hi time.Duration) (time.Duration, error) {
	d := time.Duration(v * float64(time.Second))
	if v != v || d < lo || d > hi {
		return 0, configErrorf("%s is %v; set it between %v and %v seconds", name, v, lo.Seconds(), hi.Seconds())
	}
	return d, nil
}

// ParseBaseURL validates the configured URL. Error messages never echo
// user info (a password pasted into the URL).
func ParseBaseURL(raw string) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil, configErrorf("the data source has no URL: set the monitoring API's base URL (for example http://localhost:4000) under Connections > Data sources")
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, configErrorf("the data source URL %q is not valid: use the application's base URL with http:// or https://, for example http://localhost:4000", redactRaw(raw, u))
	}
	if u.User != nil {
		return nil, configErrorf("the data source URL %s contains a user name or password: remove it and put the API key in the API key field instead", u.Redacted())
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, configErrorf("the data source URL %s has a query string or fragment: use only the application's base URL; the API key goes in the API key field", schemeHost(u))
	}
	clean := *u
	clean.Path = strings.TrimRight(u.Path, "/")
	clean.RawPath = ""
	// Users often paste an endpoint URL (setup guides often show one);
	// accept it and keep the application root.
	for _, suffix := range []string{"/api/monitoring/metrics", "/api/health/check", "/api/monitoring"} {
		if strings.HasSuffix(clean.Path, suffix) {
			clean.Path = strings.TrimSuffix(clean.Path, suffix)
			break
		}
	}
	return &clean, nil
}

func redactRaw(raw string, u *url.URL) string {
	if u != nil && u.User != nil {
		return u.Redacted()
	}
	if i := strings.Index(raw, "@"); i >= 0 {
		return "…" + raw[i:]
	}
	return raw
}

func schemeHost(u *url.URL) string {
	return u.Scheme + "://" + u.Host + u.EscapedPath()
}

// httpClientOptions calls the SDK, which type-asserts standard jsonData
// keys (serverName, access, ...) and panics on a wrong type from a
// hand-written provisioning file; that becomes a settings error instead.
func httpClientOptions(ctx context.Context, s backend.DataSourceInstanceSettings) (opts httpclient.Options, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("an HTTP option in jsonData has the wrong type (%v)", r)
		}
	}()
	return s.HTTPClientOptions(ctx)
}

package plugin

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/client"
	"github.com/appmon/monitoring/pkg/parse"
)

// Alert actions: GET /actions says whether the user may act; POST
// /actions/acknowledge, /actions/test-alert and /actions/test-channel
// send the contract's POST /api/monitoring/alerts with the admin key,
// which stays here: the browser only names the action. Acting needs the
// Editor role, read from the request's plugin context, never from
// anything the browser sends.

const (
	actionBodyLimit = 16 << 10
	maxAlertIDLen   = 64
	maxChannelLen   = 64
	maxMessageLen   = 1000
)

// ActionState answers GET /actions.
type ActionState struct {
	Enabled bool   `json:"enabled"`
	Allowed bool   `json:"allowed"`
	Reason  string `json:"reason"`
}

// actionError is an answer with a status and a sentence for the user.
type actionError struct {
	status int
	msg    string
}

func (e *actionError) Error() string { return e.msg }

const noAdminKeyMsg = "No admin key is configured for this data source: add one in the data source settings (Admin key) to acknowledge alerts, trigger a test alert or test a notification channel from Grafana."

// canAct reports whether a Grafana org role may change alerts.
func canAct(role string) bool {
	switch strings.ToLower(strings.TrimSpace(role)) {
	case "editor", "admin":
		return true
	}
	return false
}

func requestUser(ctx context.Context) *backend.User {
	if u := backend.UserFromContext(ctx); u != nil {
		return u
	}
	return backend.PluginConfigFromContext(ctx).User
}

func (d *Datasource) adminKey() string {
	if d.settings == nil {
		return ""
	}
	return d.settings.AdminKey
}

func (d *Datasource) actionState(ctx context.Context) ActionState {
	if d.client == nil {
		return ActionState{Reason: "The data source settings need fixing before alerts can be acted on: " + d.configErr.Error()}
	}
	if d.adminKey() == "" {
		return ActionState{Reason: noAdminKeyMsg}
	}
	if u := requestUser(ctx); u == nil || !canAct(u.Role) {
		return ActionState{Enabled: true, Reason: "Acting on alerts needs the Editor role or higher" + roleSuffix(u) + "."}
	}
	return ActionState{Enabled: true, Allowed: true, Reason: "You can acknowledge alerts, trigger a test alert and test a notification channel."}
}

func roleSuffix(u *backend.User) string {
	if u == nil || u.Role == "" {
		return ""
	}
	return "; your role is " + u.Role
}

// actions answers GET /actions; it never fails, a missing key or role is
// the state.
func (d *Datasource) actions(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, d.actionState(r.Context()))
}

// alertAction is one kind of POST /actions/...: what it is called in
// messages and how its body becomes the contract's request.
type alertAction struct {
	name string // acknowledge | test-alert | test-channel (logs)
	// denied completes "… needs the Editor role".
	denied string
	build  func(body []byte, login string) (upstream map[string]any, target string, err error)
	done   func(target string, status int, result map[string]any) (string, error)
}

func (d *Datasource) serveAction(a alertAction) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		u := requestUser(ctx)
		login := ""
		if u != nil {
			login = u.Login
		}
		res, target, err := d.runAction(ctx, r, a, u)
		logger := d.log(ctx)
		if err != nil {
			var ae *actionError
			if !errors.As(err, &ae) {
				ae = &actionError{http.StatusInternalServerError, err.Error()}
			}
			logger.Warn("alert action refused or failed", "user", login, "action", a.name, "alertId", target, "status", ae.status, "error", ae.msg)
			writeError(w, ae.status, ae.msg)
			return
		}
		logger.Info("alert action", "user", login, "action", a.name, "alertId", target)
		writeJSON(w, http.StatusOK, res)
	}
}

func (d *Datasource) runAction(ctx context.Context, r *http.Request, a alertAction, u *backend.User) (map[string]any, string, error) {
	if d.client == nil {
		return nil, "", &actionError{http.StatusBadRequest, d.configErr.Error()}
	}
	if u == nil || !canAct(u.Role) {
		return nil, "", &actionError{http.StatusForbidden, a.denied + " needs the Editor role or higher" + roleSuffix(u) + "; ask an Editor or an Admin of this organization."}
	}
	key := d.adminKey()
	if key == "" {
		return nil, "", &actionError{http.StatusPreconditionFailed, noAdminKeyMsg}
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, actionBodyLimit+1))
	if err != nil || len(body) > actionBodyLimit {
		return nil, "", &actionError{http.StatusBadRequest, fmt.Sprintf("The request body could not be read or is larger than %d KiB.", actionBodyLimit>>10)}
	}
	login := ""
	if u != nil {
		login = u.Login
	}
	upstream, target, err := a.build(body, login)
	if err != nil {
		return nil, target, &actionError{http.StatusBadRequest, err.Error()}
	}
	payload, _ := json.Marshal(upstream)
	resp, err := d.client.PostAdmin(ctx, client.PathAlerts, key, payload)
	if err != nil {
		return nil, target, upstreamActionError(a, target, err)
	}
	// The views read the alerts through the response cache: forget them so
	// the next refresh shows the change.
	d.client.Forget(client.PathAlerts)
	d.client.Forget(client.PathIncidents)
	result := map[string]any{}
	_ = json.Unmarshal(resp.Body, &result)
	msg, err := a.done(target, resp.Status, result)
	if err != nil {
		return nil, target, err
	}
	result["message"] = msg
	return result, target, nil
}

// upstreamActionError says which side refused: the application's own
// 401/403/5xx become 502 (Grafana's frontend would take a 401 or 403 for
// the user's own session), an unknown alert id stays 404.
func upstreamActionError(a alertAction, target string, err error) error {
	ce, ok := client.AsError(err)
	if !ok {
		return &actionError{http.StatusBadGateway, "The application could not be asked: " + err.Error()}
	}
	said := ""
	if ce.Detail != "" {
		said = " The application said: " + strings.TrimRight(ce.Detail, ". ") + "."
	}
	where := "POST " + client.PathAlerts
	switch ce.Status {
	case http.StatusNotFound:
		if a.name == "acknowledge" && ce.Detail != "" {
			return &actionError{http.StatusNotFound, fmt.Sprintf("The application has no alert with id %q: it may have been resolved and removed, or the id is wrong.%s", target, said)}
		}
		return &actionError{http.StatusBadGateway, fmt.Sprintf("The application does not accept alert actions (%s answered 404 Not Found); it may not implement this part of the monitoring contract.", where)}
	case http.StatusUnauthorized:
		return &actionError{http.StatusBadGateway, fmt.Sprintf("The application refused the admin key (401 Unauthorized): update the admin key in the data source settings.%s", said)}
	case http.StatusForbidden:
		return &actionError{http.StatusBadGateway, fmt.Sprintf("The application refused the action (403 Forbidden): the admin key in the data source settings is not allowed to change alerts; use the application's admin key.%s", said)}
	case http.StatusConflict:
		return &actionError{http.StatusConflict, fmt.Sprintf("The application refused the action (409 Conflict).%s", said)}
	case http.StatusBadRequest:
		return &actionError{http.StatusBadRequest, fmt.Sprintf("The application refused the request (400 Bad Request).%s", said)}
	}
	if ce.Status >= 500 {
		return &actionError{http.StatusBadGateway, fmt.Sprintf("The application failed to carry out the action (%d %s); check the application's logs.%s", ce.Status, http.StatusText(ce.Status), said)}
	}
	return &actionError{http.StatusBadGateway, "The application did not carry out the action: " + ce.Error()}
}

// decodeAction reads a JSON object with only the known fields.
func decodeAction(body []byte, v any, example string) error {
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("the request body must be a JSON object like %s (%s)", example, strings.TrimPrefix(err.Error(), "json: "))
	}
	return nil
}

var acknowledgeAction = alertAction{
	name:   "acknowledge",
	denied: "Acknowledging alerts",
	build: func(body []byte, _ string) (map[string]any, string, error) {
		var in struct {
			AlertID string `json:"alertId"`
		}
		if err := decodeAction(body, &in, `{"alertId": "alert-42"}`); err != nil {
			return nil, "", err
		}
		id := strings.TrimSpace(in.AlertID)
		switch {
		case id == "":
			return nil, "", errors.New("alertId is missing: name the alert to acknowledge")
		case len(id) > maxAlertIDLen:
			return nil, "", fmt.Errorf("alertId is %d characters long; alert ids have at most %d", len(id), maxAlertIDLen)
		}
		return map[string]any{"action": "acknowledge", "id": id}, id, nil
	},
	done: func(id string, _ int, result map[string]any) (string, error) {
		return fmt.Sprintf("Alert %s is acknowledged: its escalation stops.", alertLabel(id, result)), nil
	},
}

var testAlertAction = alertAction{
	name:   "test-alert",
	denied: "Triggering a test alert",
	build: func(body []byte, login string) (map[string]any, string, error) {
		var in struct {
			Severity string `json:"severity"`
			Message  string `json:"message"`
		}
		if err := decodeAction(body, &in, `{"severity": "info", "message": "Checking the notification path"}`); err != nil {
			return nil, "", err
		}
		sev := strings.ToLower(strings.TrimSpace(in.Severity))
		if sev == "" {
			sev = "info"
		} else if !slices.Contains(parse.Severities, sev) {
			return nil, "", fmt.Errorf("severity %q is not known: use %s", in.Severity, strings.Join(parse.Severities, ", "))
		}
		msg := strings.TrimSpace(in.Message)
		if msg == "" {
			msg = "Test alert sent from Grafana"
			if login != "" {
				msg += " by " + login
			}
		}
		if len(msg) > maxMessageLen {
			return nil, "", fmt.Errorf("message is %d characters long; at most %d", len(msg), maxMessageLen)
		}
		return map[string]any{"action": "trigger", "severity": sev, "title": "Test alert from Grafana", "description": msg}, "", nil
	},
	done: func(_ string, _ int, result map[string]any) (string, error) {
		return fmt.Sprintf("Test alert %s raised; it shows in the alert views at the next refresh.", alertLabel("", result)), nil
	},
}

var testChannelAction = alertAction{
	name:   "test-channel",
	denied: "Testing a notification channel",
	build: func(body []byte, _ string) (map[string]any, string, error) {
		var in struct {
			Channel string `json:"channel"`
		}
		if err := decodeAction(body, &in, `{"channel": "webhook"}`); err != nil {
			return nil, "", err
		}
		ch := strings.TrimSpace(in.Channel)
		switch {
		case ch == "":
			return nil, "", errors.New("channel is missing: name one of the application's notification channels, e.g. webhook")
		case len(ch) > maxChannelLen:
			return nil, "", fmt.Errorf("channel is %d characters long; at most %d", len(ch), maxChannelLen)
		}
		return map[string]any{"action": "test", "channel": ch}, ch, nil
	},
	done: func(ch string, _ int, result map[string]any) (string, error) {
		said, _ := result["message"].(string)
		if ok, _ := result["success"].(bool); !ok {
			if said == "" {
				said = "no reason given"
			}
			return "", &actionError{http.StatusBadGateway, fmt.Sprintf("The test notification on channel %q was not delivered: %s.", ch, strings.TrimRight(said, ". "))}
		}
		if said != "" {
			return fmt.Sprintf("Test notification sent on channel %q: %s.", ch, strings.TrimRight(said, ". ")), nil
		}
		return fmt.Sprintf("Test notification sent on channel %q.", ch), nil
	},
}

// alertLabel names an alert from the application's answer: "High CPU
// (a-1)", or the id alone.
func alertLabel(id string, result map[string]any) string {
	al, _ := result["alert"].(map[string]any)
	if s, _ := al["id"].(string); s != "" {
		id = s
	}
	name := ""
	for _, k := range []string{"name", "title"} {
		if s, _ := al[k].(string); s != "" {
			name = s
			break
		}
	}
	switch {
	case name != "" && id != "":
		return fmt.Sprintf("%q (%s)", name, id)
	case name != "":
		return fmt.Sprintf("%q", name)
	default:
		return id
	}
}

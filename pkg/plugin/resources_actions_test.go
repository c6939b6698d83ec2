package plugin

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

const (
	testAdminKey = "Admin-Key-0123456789"
	testReadKey  = "Read-Key-0123456789"
)

var (
	editor = &backend.User{Login: "erin", Role: "Editor"}
	viewer = &backend.User{Login: "victor", Role: "Viewer"}
)

// callAction calls a resource as Grafana does, with the user in the
// plugin context.
func callAction(t *testing.T, ds *Datasource, user *backend.User, method, path, body string) (int, map[string]any) {
	t.Helper()
	var status int
	var raw []byte
	req := &backend.CallResourceRequest{Method: method, Path: path, URL: path, Body: []byte(body),
		PluginContext: backend.PluginContext{User: user}}
	err := ds.CallResource(context.Background(), req, backend.CallResourceResponseSenderFunc(func(r *backend.CallResourceResponse) error {
		status = r.Status
		raw = append(raw, r.Body...)
		return nil
	}))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]any{}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("%s %s: %d %s is not a JSON object", method, path, status, raw)
	}
	return status, out
}

// upstream records what the application received and answers as told.
type upstream struct {
	mu       sync.Mutex
	bodies   []string
	adminKey []string
	answer   func(w http.ResponseWriter, body map[string]any)
}

func (u *upstream) start(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/api/monitoring/alerts" {
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"timestamp":"2025-06-01T12:00:00Z","count":0,"alerts":[]}`)
			return
		}
		b, _ := io.ReadAll(r.Body)
		u.mu.Lock()
		u.bodies = append(u.bodies, string(b))
		u.adminKey = append(u.adminKey, r.Header.Get("X-Admin-Key"))
		u.mu.Unlock()
		var body map[string]any
		_ = json.Unmarshal(b, &body)
		w.Header().Set("Content-Type", "application/json")
		u.answer(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func replyJSON(status int, body string) func(http.ResponseWriter, map[string]any) {
	return func(w http.ResponseWriter, _ map[string]any) {
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	}
}

func TestActionStateFollowsKeyAndRole(t *testing.T) {
	srv := (&upstream{answer: replyJSON(200, `{}`)}).start(t)
	withKey := newDS(t, srv.URL, `{}`, map[string]string{"apiKey": testReadKey, "adminKey": testAdminKey})
	noKey := newDS(t, srv.URL, `{}`, map[string]string{"apiKey": testReadKey})
	for _, tc := range []struct {
		name             string
		ds               *Datasource
		user             *backend.User
		enabled, allowed bool
		reason           string
	}{
		{"editor", withKey, editor, true, true, "You can acknowledge alerts"},
		{"admin", withKey, &backend.User{Login: "ada", Role: "Admin"}, true, true, "You can"},
		{"viewer", withKey, viewer, true, false, "needs the Editor role or higher; your role is Viewer"},
		{"no user", withKey, nil, true, false, "needs the Editor role"},
		{"no key", noKey, editor, false, false, "No admin key is configured"},
	} {
		status, got := callAction(t, tc.ds, tc.user, "GET", "actions", "")
		if status != 200 || got["enabled"] != tc.enabled || got["allowed"] != tc.allowed || !strings.Contains(got["reason"].(string), tc.reason) {
			t.Errorf("%s: %d %v", tc.name, status, got)
		}
	}
}

func TestActionsSendTheContractsRequestWithTheAdminKey(t *testing.T) {
	up := &upstream{answer: func(w http.ResponseWriter, body map[string]any) {
		switch body["action"] {
		case "acknowledge":
			_, _ = io.WriteString(w, `{"alert":{"id":"a-1","name":"High CPU","status":"acknowledged"}}`)
		case "trigger":
			w.WriteHeader(201)
			_, _ = io.WriteString(w, `{"alert":{"id":"manual-7","name":"Test alert from Grafana","status":"firing"}}`)
		case "test":
			_, _ = io.WriteString(w, `{"success":true,"channel":"webhook","message":"Delivered"}`)
		}
	}}
	srv := up.start(t)
	ds := newDS(t, srv.URL, `{}`, map[string]string{"apiKey": testReadKey, "adminKey": testAdminKey})

	for _, tc := range []struct{ path, body, upstream, message string }{
		{"actions/acknowledge", `{"alertId":" a-1 "}`, `{"action":"acknowledge","id":"a-1"}`, `Alert "High CPU" (a-1) is acknowledged: its escalation stops.`},
		{"actions/test-alert", `{}`, `{"action":"trigger","description":"Test alert sent from Grafana by erin","severity":"info","title":"Test alert from Grafana"}`, `Test alert "Test alert from Grafana" (manual-7) raised; it shows in the alert views at the next refresh.`},
		{"actions/test-alert", `{"severity":"High","message":"Paging check"}`, `{"action":"trigger","description":"Paging check","severity":"high","title":"Test alert from Grafana"}`, `Test alert "Test alert from Grafana" (manual-7) raised; it shows in the alert views at the next refresh.`},
		{"actions/test-channel", `{"channel":"webhook"}`, `{"action":"test","channel":"webhook"}`, `Test notification sent on channel "webhook": Delivered.`},
	} {
		status, got := callAction(t, ds, editor, "POST", tc.path, tc.body)
		if status != 200 || got["message"] != tc.message {
			t.Errorf("%s %s: %d %v", tc.path, tc.body, status, got)
		}
		up.mu.Lock()
		last, key := up.bodies[len(up.bodies)-1], up.adminKey[len(up.adminKey)-1]
		up.mu.Unlock()
		if last != tc.upstream || key != testAdminKey {
			t.Errorf("%s: the application received %s with admin key %q", tc.path, last, key)
		}
	}
}

func TestActionsRefusedBeforeAnythingIsSent(t *testing.T) {
	up := &upstream{answer: replyJSON(200, `{}`)}
	srv := up.start(t)
	ds := newDS(t, srv.URL, `{}`, map[string]string{"apiKey": testReadKey, "adminKey": testAdminKey})
	noKey := newDS(t, srv.URL, `{}`, map[string]string{"apiKey": testReadKey})
	for _, tc := range []struct {
		name   string
		ds     *Datasource
		user   *backend.User
		path   string
		body   string
		status int
		msg    string
	}{
		{"viewer", ds, viewer, "actions/acknowledge", `{"alertId":"a-1"}`, 403, "Acknowledging alerts needs the Editor role or higher; your role is Viewer; ask an Editor or an Admin of this organization."},
		{"viewer test alert", ds, viewer, "actions/test-alert", `{}`, 403, "Triggering a test alert needs the Editor role"},
		{"no user", ds, nil, "actions/test-channel", `{"channel":"webhook"}`, 403, "Testing a notification channel needs the Editor role or higher;"},
		{"no key", noKey, editor, "actions/acknowledge", `{"alertId":"a-1"}`, 412, "No admin key is configured for this data source: add one in the data source settings"},
		{"not JSON", ds, editor, "actions/acknowledge", `alertId=a-1`, 400, `the request body must be a JSON object like {"alertId": "alert-42"}`},
		{"unknown field", ds, editor, "actions/acknowledge", `{"id":"a-1"}`, 400, `unknown field "id"`},
		{"no id", ds, editor, "actions/acknowledge", `{"alertId":"  "}`, 400, "alertId is missing: name the alert to acknowledge"},
		{"long id", ds, editor, "actions/acknowledge", `{"alertId":"` + strings.Repeat("x", 65) + `"}`, 400, "alertId is 65 characters long; alert ids have at most 64"},
		{"bad severity", ds, editor, "actions/test-alert", `{"severity":"urgent"}`, 400, `severity "urgent" is not known: use critical, high, medium, low, info`},
		{"no channel", ds, editor, "actions/test-channel", `{}`, 400, "channel is missing"},
		{"GET is not an action", ds, editor, "actions/acknowledge", ``, 404, ""},
	} {
		method := "POST"
		if tc.name == "GET is not an action" {
			method = "GET"
		}
		status, got := callAction(t, tc.ds, tc.user, method, tc.path, tc.body)
		msg, _ := got["error"].(string)
		if status != tc.status || !strings.Contains(msg, tc.msg) {
			t.Errorf("%s: %d %q, want %d %q", tc.name, status, msg, tc.status, tc.msg)
		}
	}
	if len(up.bodies) != 0 {
		t.Fatalf("the application received %v", up.bodies)
	}
}

func TestActionUpstreamRefusals(t *testing.T) {
	// The application echoes the admin key it was sent: it must not reach
	// the answer.
	for _, tc := range []struct {
		name   string
		answer func(http.ResponseWriter, map[string]any)
		path   string
		body   string
		status int
		msg    string
	}{
		{"unknown id", replyJSON(404, `{"error":{"status":404,"code":"not_found","message":"No alert with id \"zz\"; GET /api/monitoring/alerts?action=active lists current ids."}}`),
			"actions/acknowledge", `{"alertId":"zz"}`, 404, `The application has no alert with id "zz": it may have been resolved and removed, or the id is wrong. The application said: No alert with id "zz"; GET /api/monitoring/alerts?action=active lists current ids.`},
		{"no such endpoint", replyJSON(404, ``), "actions/test-alert", `{}`, 502, "The application does not accept alert actions (POST /api/monitoring/alerts answered 404 Not Found); it may not implement this part of the monitoring contract."},
		{"wrong admin key", replyJSON(401, `{"error":{"status":401,"code":"unauthorized","message":"key `+testAdminKey+` does not match"}}`),
			"actions/acknowledge", `{"alertId":"a-1"}`, 502, "The application refused the admin key (401 Unauthorized): update the admin key in the data source settings. The application said: key [redacted] does not match."},
		{"forbidden", replyJSON(403, `{"error":{"status":403,"code":"forbidden","message":"read keys only read"}}`),
			"actions/acknowledge", `{"alertId":"a-1"}`, 502, "The application refused the action (403 Forbidden): the admin key in the data source settings is not allowed to change alerts; use the application's admin key. The application said: read keys only read."},
		{"server error", replyJSON(500, `{"error":{"status":500,"code":"error","message":"database down"}}`),
			"actions/test-channel", `{"channel":"email"}`, 502, "The application failed to carry out the action (500 Internal Server Error); check the application's logs. The application said: database down."},
		{"already resolved", replyJSON(409, `{"error":{"status":409,"code":"conflict","message":"Alert \"a-1\" is already resolved and cannot be acknowledged."}}`),
			"actions/acknowledge", `{"alertId":"a-1"}`, 409, `The application refused the action (409 Conflict). The application said: Alert "a-1" is already resolved and cannot be acknowledged.`},
		{"unknown channel", replyJSON(400, `{"error":{"status":400,"code":"bad_request","message":"channel: unknown channel \"fax\"; configured channels: webhook, email."}}`),
			"actions/test-channel", `{"channel":"fax"}`, 400, `The application refused the request (400 Bad Request). The application said: channel: unknown channel "fax"; configured channels: webhook, email.`},
		{"channel failed", replyJSON(200, `{"success":false,"channel":"email","message":"SMTP server not configured"}`),
			"actions/test-channel", `{"channel":"email"}`, 502, `The test notification on channel "email" was not delivered: SMTP server not configured.`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := (&upstream{answer: tc.answer}).start(t)
			ds := newDS(t, srv.URL, `{}`, map[string]string{"apiKey": testReadKey, "adminKey": testAdminKey})
			status, got := callAction(t, ds, editor, "POST", tc.path, tc.body)
			msg, _ := got["error"].(string)
			if status != tc.status || msg != tc.msg {
				t.Errorf("%d %q\nwant %d %q", status, msg, tc.status, tc.msg)
			}
			if raw, _ := json.Marshal(got); strings.Contains(strings.ToLower(string(raw)), strings.ToLower(testAdminKey[:12])) {
				t.Errorf("the answer carries the admin key: %s", raw)
			}
		})
	}
}

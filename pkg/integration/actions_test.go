package integration

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"

	"github.com/appmon/monitoring/pkg/internal/testserver"
	"github.com/appmon/monitoring/pkg/plugin"
)

// Acting on alerts from Grafana against the real reference server: every
// action for an Editor, a Viewer refused, no admin key, and the
// application's own refusals (unknown id, wrong key, 403, 500). The tests
// are serial: an injected fault applies to the next request of the
// endpoint, whoever sends it.

func actionsDS(t *testing.T, secure map[string]string) *plugin.Datasource {
	t.Helper()
	// The default cache TTL: the escalation check below must see the
	// acknowledgement although the alerts were read a moment before.
	inst, err := plugin.NewDatasource(context.Background(), backend.DataSourceInstanceSettings{
		UID: "it-actions", Name: "AppMon", Type: plugin.PluginID, URL: target.url, JSONData: json.RawMessage(`{}`),
		DecryptedSecureJSONData: secure,
	})
	if err != nil {
		t.Fatal(err)
	}
	ds := inst.(*plugin.Datasource)
	t.Cleanup(ds.Dispose)
	return ds
}

func act(t *testing.T, ds *plugin.Datasource, role, path, body string) (int, map[string]any) {
	t.Helper()
	var status int
	var raw []byte
	user := &backend.User{Login: "it-" + strings.ToLower(role), Role: role}
	req := &backend.CallResourceRequest{Method: "POST", Path: path, URL: path, Body: []byte(body), PluginContext: backend.PluginContext{User: user}}
	if body == "" {
		req.Method = "GET"
	}
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
		t.Fatalf("%s: %d %s", path, status, raw)
	}
	return status, out
}

// escalating lists the alert ids the on-call escalation view shows.
func escalating(t *testing.T, ds *plugin.Datasource) []string {
	t.Helper()
	r := queryAs(t, ds, nil, modelQuery(`{"queryType":"oncall","oncallView":"escalation"}`, time.Hour))
	if r.Error != nil {
		t.Fatal(r.Error)
	}
	f := frameNamed(t, r.Frames, "oncall_escalation")
	ids := []string{}
	for i := 0; i < f.Rows(); i++ {
		ids = append(ids, text(t, f, "alert_id", i))
	}
	return ids
}

func contains(ids []string, id string) bool {
	for _, v := range ids {
		if v == id {
			return true
		}
	}
	return false
}

func TestAlertActionsAgainstReferenceServer(t *testing.T) {
	srv := requireAdmin(t)
	ctx := context.Background()
	ds := actionsDS(t, map[string]string{"apiKey": srv.APIKey, "adminKey": srv.AdminKey})

	if status, st := act(t, ds, "Editor", "actions", ""); status != 200 || st["enabled"] != true || st["allowed"] != true {
		t.Fatalf("action state for an Editor: %d %v", status, st)
	}
	if _, st := act(t, ds, "Viewer", "actions", ""); st["enabled"] != true || st["allowed"] != false {
		t.Fatalf("action state for a Viewer: %v", st)
	}

	t.Run("test alert raises an alert that escalates until acknowledged", func(t *testing.T) {
		status, res := act(t, ds, "Editor", "actions/test-alert", `{"severity":"high","message":"Integration check"}`)
		alert, _ := res["alert"].(map[string]any)
		id, _ := alert["id"].(string)
		if status != 200 || id == "" || !strings.HasPrefix(res["message"].(string), "Test alert ") {
			t.Fatalf("test alert: %d %v", status, res)
		}
		if ids := escalating(t, ds); !contains(ids, id) {
			t.Fatalf("the new alert %s is not in the escalation view: %v", id, ids)
		}
		// A Viewer cannot stop it.
		if status, res := act(t, ds, "Viewer", "actions/acknowledge", `{"alertId":"`+id+`"}`); status != 403 ||
			!strings.HasPrefix(res["error"].(string), "Acknowledging alerts needs the Editor role or higher; your role is Viewer") {
			t.Fatalf("viewer: %d %v", status, res)
		}
		if ids := escalating(t, ds); !contains(ids, id) {
			t.Fatalf("a refused acknowledgement stopped the escalation: %v", ids)
		}
		status, res = act(t, ds, "Editor", "actions/acknowledge", `{"alertId":"`+id+`"}`)
		if status != 200 || !strings.Contains(res["message"].(string), "is acknowledged: its escalation stops.") {
			t.Fatalf("acknowledge: %d %v", status, res)
		}
		// The very next query, within the cache TTL of the one before.
		if ids := escalating(t, ds); contains(ids, id) {
			t.Fatalf("alert %s still escalates after it was acknowledged: %v", id, ids)
		}
		// Twice is harmless.
		if status, res := act(t, ds, "Editor", "actions/acknowledge", `{"alertId":"`+id+`"}`); status != 200 {
			t.Fatalf("second acknowledge: %d %v", status, res)
		}
		if err := srv.ResolveAlert(ctx, id); err != nil {
			t.Fatal(err)
		}
		// A resolved alert cannot be acknowledged: the application's own sentence.
		if status, res := act(t, ds, "Editor", "actions/acknowledge", `{"alertId":"`+id+`"}`); status != 409 ||
			!strings.Contains(res["error"].(string), "is already resolved and cannot be acknowledged") {
			t.Fatalf("acknowledging a resolved alert: %d %v", status, res)
		}
	})

	t.Run("test channel", func(t *testing.T) {
		status, res := act(t, ds, "Admin", "actions/test-channel", `{"channel":"webhook"}`)
		// The reference server's webhook has no receiver: it answers
		// success or a plain failure, both are sentences.
		switch status {
		case 200:
			if !strings.HasPrefix(res["message"].(string), `Test notification sent on channel "webhook"`) || res["success"] != true {
				t.Fatalf("%v", res)
			}
		case 502:
			if !strings.HasPrefix(res["error"].(string), `The test notification on channel "webhook" was not delivered: `) {
				t.Fatalf("%v", res)
			}
		default:
			t.Fatalf("test channel: %d %v", status, res)
		}
		status, res = act(t, ds, "Editor", "actions/test-channel", `{"channel":"no-such-channel"}`)
		if status != 400 || !strings.Contains(res["error"].(string), `unknown channel "no-such-channel"`) {
			t.Fatalf("unknown channel: %d %v", status, res)
		}
	})

	t.Run("unknown alert id is 404", func(t *testing.T) {
		status, res := act(t, ds, "Editor", "actions/acknowledge", `{"alertId":"no-such-alert"}`)
		if status != 404 || !strings.HasPrefix(res["error"].(string), `The application has no alert with id "no-such-alert"`) {
			t.Fatalf("%d %v", status, res)
		}
	})

	t.Run("missing admin key", func(t *testing.T) {
		noKey := actionsDS(t, map[string]string{"apiKey": srv.APIKey})
		if _, st := act(t, noKey, "Editor", "actions", ""); st["enabled"] != false || st["allowed"] != false {
			t.Fatalf("state: %v", st)
		}
		status, res := act(t, noKey, "Editor", "actions/test-alert", `{}`)
		if status != 412 || !strings.HasPrefix(res["error"].(string), "No admin key is configured for this data source") {
			t.Fatalf("%d %v", status, res)
		}
	})

	t.Run("wrong admin key", func(t *testing.T) {
		wrong := actionsDS(t, map[string]string{"apiKey": srv.APIKey, "adminKey": "wrong-admin-key-0000"})
		status, res := act(t, wrong, "Editor", "actions/test-alert", `{}`)
		msg, _ := res["error"].(string)
		if status != 502 || !strings.HasPrefix(msg, "The application refused the admin key (401 Unauthorized)") || strings.Contains(msg, "wrong-admin") {
			t.Fatalf("%d %v", status, res)
		}
	})

	for _, tc := range []struct {
		status int
		want   string
	}{
		{403, "The application refused the action (403 Forbidden)"},
		{500, "The application failed to carry out the action (500 Internal Server Error); check the application's logs."},
	} {
		t.Run("upstream "+strconv.Itoa(tc.status), func(t *testing.T) {
			t.Cleanup(func() { _ = srv.ClearFaults(ctx) })
			if _, err := srv.AddFault(ctx, testserver.Fault{Endpoint: "/api/monitoring/alerts", Mode: "status", Status: tc.status, Count: 1}); err != nil {
				t.Fatal(err)
			}
			status, res := act(t, ds, "Editor", "actions/acknowledge", `{"alertId":"any"}`)
			msg, _ := res["error"].(string)
			if status != 502 || !strings.HasPrefix(msg, tc.want) || strings.Contains(msg, srv.AdminKey[:12]) {
				t.Fatalf("%d %v", status, res)
			}
		})
	}
}

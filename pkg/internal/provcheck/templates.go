package provcheck

import (
	"text/template"

	"github.com/grafana/grafana-foundation-sdk/go/alerting"
	"go.yaml.in/yaml/v3"
)

// templateFuncs names the functions notification templates may call
// (Alertmanager's); only the names matter for parsing.
var templateFuncs = template.FuncMap{}

func init() {
	for _, name := range []string{"toUpper", "toLower", "title", "trimSpace", "join", "match", "safeHtml",
		"reReplaceAll", "stringSlice", "date", "tz", "since", "humanizeDuration"} {
		templateFuncs[name] = func(...any) any { return nil }
	}
}

// notificationTemplate maps a file's template onto the SDK's
// NotificationTemplate and parses its text as Go text/template.
func (c *Checker) notificationTemplate(where string, node *yaml.Node, p *problems) {
	tmpl, err := nodeJSON(node)
	if err != nil {
		p.add(where, "%v", err)
		return
	}
	delete(tmpl, "orgId")
	var sdk alerting.NotificationTemplate
	if err := sdkErr(sdk.UnmarshalJSONStrict(toJSON(tmpl))); err != nil {
		p.addErr(where, err)
		return
	}
	if sdk.Name == nil || *sdk.Name == "" || sdk.Template == nil {
		p.add(where, "a template needs a name and a template")
		return
	}
	if _, err := template.New(*sdk.Name).Funcs(templateFuncs).Parse(*sdk.Template); err != nil {
		p.add(join(where, "template"), "%v", err)
	}
}

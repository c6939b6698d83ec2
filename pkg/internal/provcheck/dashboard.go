package provcheck

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/grafana/grafana-foundation-sdk/go/cog"
	"github.com/grafana/grafana-foundation-sdk/go/cog/plugins"
	"github.com/grafana/grafana-foundation-sdk/go/cog/variants"
	"github.com/grafana/grafana-foundation-sdk/go/dashboard"
)

// Checker validates provisioning files. Build one with New.
type Checker struct {
	panelOptions map[string][]OptionSpec
	enums        enums
}

var registerOnce sync.Once

// New returns a checker that knows AppMon's panels by the option specs of
// schemas/appmon-panel-options.json (panel id -> options).
func New(panelOptions map[string][]OptionSpec) (*Checker, error) {
	e, err := loadEnums()
	if err != nil {
		return nil, err
	}
	registerOnce.Do(func() {
		plugins.RegisterDefaultPlugins()
		runtime := cog.NewRuntime()
		runtime.RegisterDataqueryVariant(variants.DataqueryConfig{
			Identifier: DatasourceType,
			DataqueryUnmarshaler: func(raw []byte) (variants.Dataquery, error) {
				return decodeAppmonQuery(raw)
			},
			StrictDataqueryUnmarshaler: func(raw []byte) (variants.Dataquery, error) {
				return decodeAppmonQuery(raw)
			},
		})
	})
	for id, specs := range panelOptions {
		registerAppmonPanel(id, specs)
	}
	return &Checker{panelOptions: panelOptions, enums: e}, nil
}

// registerAppmonPanel teaches the SDK's panel decoder an AppMon panel: its
// options are checked against its builder's paths, and it has no custom
// field config, so any key there is unknown.
func registerAppmonPanel(id string, specs []OptionSpec) {
	strictOptions := func(raw []byte) (any, error) {
		if err := checkPanelOptions(raw, specs); err != nil {
			return nil, err
		}
		var options map[string]any
		return options, json.Unmarshal(raw, &options)
	}
	strictCustom := func(raw []byte) (any, error) {
		var custom map[string]any
		if err := json.Unmarshal(raw, &custom); err != nil {
			return nil, err
		}
		for key := range custom {
			return nil, fmt.Errorf("unexpected field '%s': this panel has no custom field options", key)
		}
		return custom, nil
	}
	cog.NewRuntime().RegisterPanelcfgVariant(variants.PanelcfgConfig{
		Identifier:                   id,
		OptionsUnmarshaler:           strictOptions,
		StrictOptionsUnmarshaler:     strictOptions,
		FieldConfigUnmarshaler:       strictCustom,
		StrictFieldConfigUnmarshaler: strictCustom,
	})
}

// filledByGrafana matches the fields the SDK calls required but Grafana
// fills with their defaults when a dashboard leaves them out: every panel
// option and field option has a default in its panel plugin, and a
// dashboard link's tooltip defaults to none.
var filledByGrafana = regexp.MustCompile(`^(\S*\.(options|fieldConfig)\.\S*|links\[\d+\]\.tooltip): required field is missing from input$`)

// looseFieldConfig matches the SDK's loose fieldConfig decode errors,
// which the strict fieldConfig decode below reports with their full path.
var looseFieldConfig = regexp.MustCompile(`^panels\[\d+\](\.panels\[\d+\])?\.fieldConfig: `)

// Dashboard checks one dashboard JSON as Grafana provisions it and returns
// its problems (none when it is valid).
func (c *Checker) Dashboard(raw []byte) []string {
	var p problems
	var strict dashboard.Dashboard
	if err := sdkErr(strict.UnmarshalJSONStrict(raw)); err != nil {
		var decoded problems
		decoded.addErr("", err)
		for _, msg := range decoded {
			if !filledByGrafana.MatchString(msg) && !looseFieldConfig.MatchString(msg) {
				p = append(p, msg)
			}
		}
	}
	// The strict decoders drop a panel (and a panel's options) from the
	// result as soon as any field in it fails, so enum values are checked
	// on a loose decode into the same types, which keeps everything.
	var loose dashboard.Dashboard
	if err := json.Unmarshal(raw, &loose); err == nil {
		c.enums.check("", loose, &p)
	}

	// The SDK decodes fieldConfig loosely (only defaults.custom strictly) and
	// accepts any panel type: both are checked on the raw panels.
	var rawPanels struct {
		Panels []json.RawMessage `json:"panels"`
	}
	if err := json.Unmarshal(raw, &rawPanels); err != nil {
		p.add("", "not a JSON object: %v", err)
		return p.sorted()
	}
	for i, panel := range rawPanels.Panels {
		c.checkRawPanel(fmt.Sprintf("panels[%d]", i), panel, &p)
	}
	return p.sorted()
}

func (c *Checker) checkRawPanel(where string, raw json.RawMessage, p *problems) {
	var panel struct {
		Type        string            `json:"type"`
		FieldConfig json.RawMessage   `json:"fieldConfig"`
		Panels      []json.RawMessage `json:"panels"`
	}
	if err := json.Unmarshal(raw, &panel); err != nil {
		return // the strict decode reported it
	}
	if panel.Type == "row" {
		for i, inner := range panel.Panels {
			c.checkRawPanel(fmt.Sprintf("%s.panels[%d]", where, i), inner, p)
		}
		return
	}
	if _, known := cog.ConfigForPanelcfgVariant(panel.Type); !known {
		p.add(join(where, "type"), "unknown panel type %q: neither a Grafana panel the SDK knows nor an AppMon panel", panel.Type)
	}
	if len(panel.FieldConfig) > 0 && string(panel.FieldConfig) != "null" {
		var fc dashboard.FieldConfigSource
		if err := sdkErr(fc.UnmarshalJSONStrict(panel.FieldConfig)); err != nil {
			p.addErr(join(where, "fieldConfig"), err)
		}
		_ = json.Unmarshal(panel.FieldConfig, &fc) // overrides, even when a field failed
		c.checkOverrides(join(where, "fieldConfig"), panel.Type, fc, p)
	}
}

// checkOverrides checks that each override sets a field option Grafana
// has: a standard one (unit, decimals, ...) or custom.<key> of the panel's
// own field config.
func (c *Checker) checkOverrides(where, panelType string, fc dashboard.FieldConfigSource, p *problems) {
	standard := jsonKeys(dashboard.FieldConfig{})
	for i, o := range fc.Overrides {
		for j, prop := range o.Properties {
			id := prop.Id
			ok := standard[id]
			if key, custom := strings.CutPrefix(id, "custom."); custom {
				ok = c.customFieldKey(panelType, key)
			}
			if !ok {
				p.add(fmt.Sprintf("%s.overrides[%d].properties[%d].id", where, i, j), "unknown field option %q", id)
			}
		}
	}
}

// customFieldKey reports whether the panel type's custom field config has
// a top-level key: decoding {key: null} strictly finds no unexpected field
// (it may miss required ones, which does not matter here).
func (c *Checker) customFieldKey(panelType, key string) bool {
	cfg, ok := cog.ConfigForPanelcfgVariant(panelType)
	if !ok || cfg.StrictFieldConfigUnmarshaler == nil {
		return false
	}
	raw, _ := json.Marshal(map[string]any{key: nil})
	_, err := cfg.StrictFieldConfigUnmarshaler(raw)
	err = sdkErr(err)
	return err == nil || !strings.Contains(err.Error(), "unexpected field")
}

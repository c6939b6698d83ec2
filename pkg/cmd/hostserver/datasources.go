package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
	yaml "go.yaml.in/yaml/v3"
)

// dataSource is one provisioned data source as Grafana stores it.
type dataSource struct {
	ID             int64             `json:"id"`
	UID            string            `json:"uid"`
	Name           string            `json:"name"`
	Type           string            `json:"type"`
	Access         string            `json:"access"`
	URL            string            `json:"url"`
	IsDefault      bool              `json:"isDefault"`
	JSONData       map[string]any    `json:"jsonData"`
	SecureJSONData map[string]string `json:"-"`
	// ReadOnly: Grafana refuses changes to a provisioned data source unless its file says editable: true.
	ReadOnly bool  `json:"readOnly"`
	Version  int64 `json:"version"`
	updated  time.Time
}

// public is what Grafana's /api/datasources answers: secrets only as set/unset flags.
func (d dataSource) public() map[string]any {
	fields := map[string]bool{}
	for k, v := range d.SecureJSONData {
		fields[k] = v != ""
	}
	return map[string]any{
		"id": d.ID, "uid": d.UID, "orgId": 1, "name": d.Name, "type": d.Type, "typeName": "AppMon Endpoints",
		"access": d.Access, "url": d.URL, "isDefault": d.IsDefault, "jsonData": d.JSONData,
		"secureJsonFields": fields, "readOnly": d.ReadOnly, "version": d.Version, "basicAuth": false, "withCredentials": false,
	}
}

// settings is the DataSourceInstanceSettings Grafana sends with every call.
func (d dataSource) settings() (*pluginv2.DataSourceInstanceSettings, error) {
	jsonData, err := json.Marshal(d.JSONData)
	if err != nil {
		return nil, err
	}
	return &pluginv2.DataSourceInstanceSettings{
		Id: d.ID, Uid: d.UID, Name: d.Name, Url: d.URL, JsonData: jsonData,
		DecryptedSecureJsonData: d.SecureJSONData, LastUpdatedMS: d.updated.UnixMilli(),
	}, nil
}

var envRef = regexp.MustCompile(`\$\{(\w+)\}`)

// readDataSources reads a provisioning file, expanding ${VAR} from env as Grafana
// does from its environment; an unknown variable is an error, not an empty string.
func readDataSources(path string, env map[string]string) ([]dataSource, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var missing []string
	var lines []string
	for line := range strings.Lines(string(raw)) {
		if !strings.HasPrefix(strings.TrimSpace(line), "#") { // comments may mention ${VAR} too
			lines = append(lines, line)
		}
	}
	expanded := envRef.ReplaceAllStringFunc(strings.Join(lines, ""), func(ref string) string {
		name := envRef.FindStringSubmatch(ref)[1]
		v, ok := env[name]
		if !ok {
			missing = append(missing, name)
		}
		return v
	})
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s refers to %v, which the host does not set", path, missing)
	}
	var file struct {
		DataSources []struct {
			Name           string            `yaml:"name"`
			UID            string            `yaml:"uid"`
			Type           string            `yaml:"type"`
			Access         string            `yaml:"access"`
			URL            string            `yaml:"url"`
			IsDefault      bool              `yaml:"isDefault"`
			Editable       bool              `yaml:"editable"`
			JSONData       map[string]any    `yaml:"jsonData"`
			SecureJSONData map[string]string `yaml:"secureJsonData"`
		} `yaml:"datasources"`
	}
	if err := yaml.Unmarshal([]byte(expanded), &file); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []dataSource
	for i, d := range file.DataSources {
		if d.Type != dataSourcePluginID {
			continue
		}
		if d.JSONData == nil {
			d.JSONData = map[string]any{}
		}
		out = append(out, dataSource{ID: int64(i + 1), UID: d.UID, Name: d.Name, Type: d.Type, Access: d.Access, URL: d.URL,
			IsDefault: d.IsDefault, JSONData: d.JSONData, SecureJSONData: d.SecureJSONData, ReadOnly: !d.Editable, Version: 1, updated: time.Now()})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s provisions no %s data source", path, dataSourcePluginID)
	}
	return out, nil
}

package dashgen

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
)

// Generate makes every version of every definition under root and returns
// the files by path relative to root (dashboards/fleet/system.json, ...).
func Generate(root string) (map[string][]byte, error) {
	defs, err := Load(root)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, def := range defs {
		for _, v := range []struct {
			variant
			make func(Definition) (object, error)
		}{{fleetVariant, Fleet}, {prometheusVariant, Prometheus}} {
			d, err := v.make(def)
			if err != nil {
				return nil, err
			}
			raw, err := encode(d)
			if err != nil {
				return nil, err
			}
			out[filepath.Join("dashboards", v.dir, def.Name+".json")] = raw
		}
	}
	return out, nil
}

// Write generates every version and writes the files under root.
func Write(root string) error {
	files, err := Generate(root)
	if err != nil {
		return err
	}
	for rel, raw := range files {
		path := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, raw, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// encode writes a dashboard as the repository's dashboards are written:
// two-space indent, a final newline, and PromQL's < > & left readable.
func encode(d object) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

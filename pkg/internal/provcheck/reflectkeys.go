package provcheck

import (
	"reflect"
	"strings"
)

// jsonKeys lists the JSON names of a struct's fields.
func jsonKeys(v any) map[string]bool {
	out := map[string]bool{}
	t := reflect.TypeOf(v)
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); f.Anonymous && f.Tag.Get("json") == "" && f.Type.Kind() == reflect.Struct {
			for k := range jsonKeys(reflect.Zero(f.Type).Interface()) {
				out[k] = true // embedded groups, as encoding/json inlines them
			}
			continue
		}
		name := strings.Split(t.Field(i).Tag.Get("json"), ",")[0]
		if name != "" && name != "-" {
			out[name] = true
		}
	}
	return out
}

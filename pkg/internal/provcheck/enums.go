package provcheck

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// sdkModule is the foundation SDK's module path; its enum types are named
// string or integer types with a const block of their values.
const sdkModule = "github.com/grafana/grafana-foundation-sdk/go"

// enums maps "<package path>.<type name>" to the values the SDK declares
// for that type. The generated Go types do not check enum values when
// decoding, so they are read from the SDK's own source (the module cache
// the test binary was built from) and checked here.
type enums map[string][]string

var (
	enumsOnce sync.Once
	enumTable enums
	enumErr   error
)

func loadEnums() (enums, error) {
	enumsOnce.Do(func() { enumTable, enumErr = readEnums() })
	return enumTable, enumErr
}

func readEnums() (enums, error) {
	dir, err := sdkDir()
	if err != nil {
		return nil, err
	}
	out := enums{}
	fset := token.NewFileSet()
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, "_gen.go") {
			return err
		}
		rel, _ := filepath.Rel(dir, filepath.Dir(path))
		pkgPath := sdkModule + "/" + filepath.ToSlash(rel)
		file, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, decl := range file.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.CONST {
				continue
			}
			for _, spec := range gen.Specs {
				vs := spec.(*ast.ValueSpec)
				typ, ok := vs.Type.(*ast.Ident)
				if !ok || len(vs.Values) != len(vs.Names) {
					continue
				}
				for _, v := range vs.Values {
					lit, ok := v.(*ast.BasicLit)
					if !ok {
						continue
					}
					value := lit.Value
					if lit.Kind == token.STRING {
						value, _ = strconv.Unquote(lit.Value)
					}
					key := pkgPath + "." + typ.Name
					out[key] = append(out[key], value)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the foundation SDK's enums in %s: %w", dir, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("found no enum constants in the foundation SDK at %s", dir)
	}
	return out, nil
}

// sdkDir is the folder of the foundation SDK module that this build uses.
func sdkDir() (string, error) {
	goCmd := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goCmd); err != nil {
		goCmd = "go"
	}
	out, err := exec.Command(goCmd, "list", "-m", "-f", "{{.Dir}}", sdkModule).Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		return "", fmt.Errorf("cannot locate the foundation SDK's source (go list -m %s): %v", sdkModule, err)
	}
	return dir, nil
}

// check walks a decoded SDK value and reports every enum-typed field whose
// value is not one the SDK declares, with its JSON path.
func (e enums) check(where string, v any, p *problems) {
	e.walk(where, reflect.ValueOf(v), p)
}

func (e enums) walk(path string, v reflect.Value, p *problems) {
	switch v.Kind() {
	case reflect.Invalid:
		return
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			e.walk(path, v.Elem(), p)
		}
		return
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name := strings.Split(f.Tag.Get("json"), ",")[0]
			if name == "-" {
				continue
			}
			// Unions name their variants after types (PanelOrRowPanel.Panel);
			// those are no JSON keys.
			fieldPath := path
			if name != "" && !(name[0] >= 'A' && name[0] <= 'Z') {
				fieldPath = join(path, name)
			}
			e.walk(fieldPath, v.Field(i), p)
		}
		return
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			e.walk(fmt.Sprintf("%s[%d]", path, i), v.Index(i), p)
		}
		return
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			e.walk(join(path, fmt.Sprint(iter.Key().Interface())), iter.Value(), p)
		}
		return
	}
	t := v.Type()
	if !strings.HasPrefix(t.PkgPath(), sdkModule+"/") {
		return
	}
	allowed, ok := e[t.PkgPath()+"."+t.Name()]
	if !ok {
		return
	}
	value := fmt.Sprint(v.Interface())
	if v.IsZero() && !slices.Contains(allowed, value) {
		return // left out: Grafana uses the default
	}
	if !slices.Contains(allowed, value) {
		quoted := make([]string, len(allowed))
		for i, a := range allowed {
			quoted[i] = strconv.Quote(a)
			if v.Kind() != reflect.String {
				quoted[i] = a
			}
		}
		shown := strconv.Quote(value)
		if v.Kind() != reflect.String {
			shown = value
		}
		p.add(path, "%s is not one of %s", shown, strings.Join(quoted, ", "))
	}
}

// checkEnums decodes JSON loosely into an SDK type (the strict decoders
// drop values next to a failing field) and checks its enum values.
func (c *Checker) checkEnums(where string, raw []byte, into any, p *problems) {
	if err := json.Unmarshal(raw, into); err == nil {
		c.enums.check(where, into, p)
	}
}

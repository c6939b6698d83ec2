package provcheck

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type dashboardProviders struct {
	APIVersion int `yaml:"apiVersion"`
	Providers  []struct {
		Name                  string `yaml:"name"`
		OrgID                 int64  `yaml:"orgId"`
		Folder                string `yaml:"folder"`
		FolderUID             string `yaml:"folderUid"`
		Type                  string `yaml:"type"`
		DisableDeletion       bool   `yaml:"disableDeletion"`
		AllowUIUpdates        bool   `yaml:"allowUiUpdates"`
		UpdateIntervalSeconds int    `yaml:"updateIntervalSeconds"`
		Options               struct {
			Path                      string `yaml:"path"`
			FoldersFromFilesStructure bool   `yaml:"foldersFromFilesStructure"`
		} `yaml:"options"`
	} `yaml:"providers"`
}

// Every dashboard under dashboards/ (the generated versions in its
// subfolders included) is provisioned by exactly one provider, as Grafana
// reads provider paths: with every subfolder. A dashboard two providers
// claim makes Grafana stop saving both providers' dashboards.
func TestRepositoryDashboardProviders(t *testing.T) {
	var f dashboardProviders
	if err := strictYAML(readRepoFile(t, "provisioning", "dashboards", "appmon.yaml"), &f); err != nil {
		t.Fatalf("provisioning/dashboards/appmon.yaml: %v", err)
	}
	if f.APIVersion != 1 || len(f.Providers) == 0 {
		t.Fatalf("want apiVersion 1 and at least one provider, got %+v", f)
	}
	dashboards := repoPath(t, "dashboards")
	claims := map[string][]string{}
	names := map[string]bool{}
	for _, p := range f.Providers {
		if names[p.Name] {
			t.Errorf("provider name %q is used twice", p.Name)
		}
		names[p.Name] = true
		if p.Options.FoldersFromFilesStructure && (p.Folder != "" || p.FolderUID != "") {
			t.Errorf("provider %s: folder and folderUid must be empty with foldersFromFilesStructure", p.Name)
		}
		path := strings.ReplaceAll(p.Options.Path, "${APPMON_DASHBOARDS_PATH}", dashboards)
		err := filepath.WalkDir(path, func(file string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && filepath.Ext(file) == ".json" {
				claims[file] = append(claims[file], p.Name)
			}
			return err
		})
		if err != nil {
			t.Errorf("provider %s: %v", p.Name, err)
		}
	}
	uids := map[string]string{}
	err := filepath.WalkDir(dashboards, func(file string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(file) != ".json" {
			return err
		}
		rel, _ := filepath.Rel(dashboards, file)
		if n := len(claims[file]); n != 1 {
			t.Errorf("dashboards/%s is provisioned by %d providers %v; want exactly one", rel, n, claims[file])
		}
		raw, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		var head struct{ UID string }
		if err := json.Unmarshal(raw, &head); err != nil || head.UID == "" {
			t.Errorf("dashboards/%s has no uid (%v)", rel, err)
		}
		if other, taken := uids[head.UID]; taken {
			t.Errorf("dashboards/%s and dashboards/%s share the uid %q", rel, other, head.UID)
		}
		uids[head.UID] = rel
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(uids) < 14 {
		t.Errorf("found %d dashboards under dashboards/, want the 6 hand-written ones and 8 generated versions", len(uids))
	}
}

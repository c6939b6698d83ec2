package promrules

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestComposeRunsTheShippedConfig: docker-compose.yaml's prometheus
// service mounts prometheus.yml and the rules where the file's relative
// paths lead, writes the key file that credentials_file names, and scrapes
// the compose reference API on its port.
func TestComposeRunsTheShippedConfig(t *testing.T) {
	var compose struct {
		Services map[string]struct {
			Image       string            `yaml:"image"`
			Volumes     []string          `yaml:"volumes"`
			Entrypoint  []string          `yaml:"entrypoint"`
			Environment map[string]string `yaml:"environment"`
		} `yaml:"services"`
	}
	if err := yaml.Unmarshal(readRepo(t, "docker-compose.yaml"), &compose); err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		RuleFiles     []string `yaml:"rule_files"`
		ScrapeConfigs []struct {
			Authorization struct {
				CredentialsFile string `yaml:"credentials_file"`
			} `yaml:"authorization"`
			StaticConfigs []struct {
				Targets []string `yaml:"targets"`
			} `yaml:"static_configs"`
		} `yaml:"scrape_configs"`
	}
	if err := yaml.Unmarshal(readRepo(t, "prometheus/prometheus.yml"), &cfg); err != nil {
		t.Fatal(err)
	}
	prom, ok := compose.Services["prometheus"]
	if !ok || len(cfg.ScrapeConfigs) != 1 {
		t.Fatalf("want a prometheus service and one scrape config; services %v", compose.Services)
	}
	const cfgDir = "/etc/prometheus"
	script := strings.Join(prom.Entrypoint, " ")
	if !strings.Contains(script, "--config.file="+cfgDir+"/prometheus.yml") {
		t.Errorf("entrypoint %q does not run %s/prometheus.yml", script, cfgDir)
	}
	if !slices.Contains(prom.Volumes, "./prometheus/prometheus.yml:"+cfgDir+"/prometheus.yml:ro") {
		t.Errorf("volumes %v do not mount prometheus/prometheus.yml", prom.Volumes)
	}
	for _, r := range cfg.RuleFiles {
		dir := path.Dir(r)
		mounted := slices.Contains(prom.Volumes, "./prometheus/"+r+":"+path.Join(cfgDir, r)+":ro") ||
			slices.Contains(prom.Volumes, "./prometheus/"+dir+":"+path.Join(cfgDir, dir)+":ro")
		if !mounted {
			t.Errorf("rule file %s is not mounted under %s", r, cfgDir)
		}
	}
	key := path.Join(cfgDir, cfg.ScrapeConfigs[0].Authorization.CredentialsFile)
	if !strings.Contains(script, "> "+key) || prom.Environment["APPMON_METRICS_API_KEY"] == "" {
		t.Errorf("entrypoint %q does not write the key file %s from APPMON_METRICS_API_KEY", script, key)
	}
	api, ok := compose.Services["monitoring-api"]
	if !ok {
		t.Fatal("no monitoring-api service")
	}
	want := fmt.Sprintf("monitoring-api:%v", api.Environment["PORT"])
	if targets := cfg.ScrapeConfigs[0].StaticConfigs; len(targets) != 1 || !slices.Contains(targets[0].Targets, want) {
		t.Errorf("prometheus.yml scrapes %v, want the compose reference API %s", targets, want)
	}
}

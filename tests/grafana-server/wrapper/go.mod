// Wrapper module that builds the Grafana server binary for the end-to-end tests.
//
// `go install github.com/grafana/grafana/pkg/cmd/grafana@<version>` is refused
// because Grafana's go.mod has replace directives, so this module requires
// Grafana at a pinned commit and repeats what Grafana's own go.mod says at that
// commit. Keep the pin in step with build.sh (it checks that they agree).
//
// Pinned: grafana/grafana commit 60cb766a97d6a441b02233c9ebe52e5711ee3751
// (main, 2026-01-18, package.json version 12.4.0-pre).
module appmon.test/grafana-server

go 1.25.6

require github.com/grafana/grafana v0.0.0-20260118065639-60cb766a97d6

// The server binary: `grafana server ...`.
tool github.com/grafana/grafana/pkg/cmd/grafana

// Grafana's go.mod requires its nested modules at v0.0.0 and points them at
// local folders; outside that checkout they are fetched at the same commit.
replace (
	github.com/grafana/grafana/apps/advisor => github.com/grafana/grafana/apps/advisor v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/apps/alerting/alertenrichment => github.com/grafana/grafana/apps/alerting/alertenrichment v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/apps/alerting/historian => github.com/grafana/grafana/apps/alerting/historian v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/apps/alerting/notifications => github.com/grafana/grafana/apps/alerting/notifications v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/apps/alerting/rules => github.com/grafana/grafana/apps/alerting/rules v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/apps/annotation => github.com/grafana/grafana/apps/annotation v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/apps/collections => github.com/grafana/grafana/apps/collections v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/apps/correlations => github.com/grafana/grafana/apps/correlations v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/apps/dashboard => github.com/grafana/grafana/apps/dashboard v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/apps/folder => github.com/grafana/grafana/apps/folder v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/apps/iam => github.com/grafana/grafana/apps/iam v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/apps/logsdrilldown => github.com/grafana/grafana/apps/logsdrilldown v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/apps/playlist => github.com/grafana/grafana/apps/playlist v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/apps/plugins => github.com/grafana/grafana/apps/plugins v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/apps/preferences => github.com/grafana/grafana/apps/preferences v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/apps/provisioning => github.com/grafana/grafana/apps/provisioning v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/apps/scope => github.com/grafana/grafana/apps/scope v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/apps/secret => github.com/grafana/grafana/apps/secret v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/apps/shorturl => github.com/grafana/grafana/apps/shorturl v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/pkg/aggregator => github.com/grafana/grafana/pkg/aggregator v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/pkg/apimachinery => github.com/grafana/grafana/pkg/apimachinery v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/pkg/apiserver => github.com/grafana/grafana/pkg/apiserver v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/pkg/plugins => github.com/grafana/grafana/pkg/plugins v0.0.0-20260118065639-60cb766a97d6
	github.com/grafana/grafana/pkg/semconv => github.com/grafana/grafana/pkg/semconv v0.0.0-20260118065639-60cb766a97d6
)

// Repeated from Grafana's go.mod at the pinned commit (replace and exclude
// directives only apply in the main module).
replace (
	github.com/crewjam/saml => github.com/grafana/saml v0.4.15-0.20240917091248-ae3bbdad8a56
	github.com/dolthub/go-mysql-server => github.com/grafana/go-mysql-server v0.20.1-grafana1
	github.com/go-sql-driver/mysql => github.com/go-sql-driver/mysql v1.7.1
	github.com/prometheus/alertmanager => github.com/grafana/prometheus-alertmanager v0.25.1-0.20260112162805-d29cc9cf7f0f
)

exclude (
	github.com/RoaringBitmap/real-roaring-datasets v0.0.0-20190726190000-eb7c87156f76
	github.com/grafana/gomemcache v0.0.0-20250828162811-a96f6acee2fe
	github.com/mattn/go-sqlite3 v2.0.3+incompatible
	github.com/prometheus/prometheus v1.8.2-0.20221021121301-51a44e6657c3
	github.com/testcontainers/testcontainers-go v0.38.0
	k8s.io/client-go v12.0.0+incompatible
)

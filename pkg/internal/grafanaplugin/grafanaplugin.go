// Package grafanaplugin starts a backend plugin executable the way Grafana's
// plugin loader does: its go-plugin handshake, plugin set and environment,
// gRPC only. The integration tests and the host check's server both use it,
// so what they prove holds for one definition of "as Grafana starts it".
package grafanaplugin

import (
	"os/exec"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend/grpcplugin"
	hclog "github.com/hashicorp/go-hclog"
	goplugin "github.com/hashicorp/go-plugin"
)

// Handshake is what Grafana's plugin loader and the SDK's server agree on
// (grpcplugin's handshake is unexported, its parts are not).
var Handshake = goplugin.HandshakeConfig{
	ProtocolVersion:  grpcplugin.ProtocolVersion,
	MagicCookieKey:   grpcplugin.MagicCookieKey,
	MagicCookieValue: grpcplugin.MagicCookieValue,
}

// ClientConfig runs exe with Grafana's handshake and plugin set. The process
// does not inherit this one's environment: Grafana may start plugins without
// its own, and a developer's GF_PLUGIN_GRPC_ADDRESS_* would turn the
// executable into a standalone locator. go-plugin adds the handshake cookie
// and PLUGIN_* ports; Grafana adds its version and edition. Callers may add
// output capture (Stderr, SyncStdout, SyncStderr) before starting it.
func ClientConfig(exe, grafanaVersion string, startTimeout time.Duration, logger hclog.Logger) *goplugin.ClientConfig {
	cmd := exec.Command(exe)
	cmd.Env = []string{"GF_VERSION=" + grafanaVersion, "GF_EDITION=oss"}
	return &goplugin.ClientConfig{
		HandshakeConfig: Handshake,
		VersionedPlugins: map[int]goplugin.PluginSet{grpcplugin.ProtocolVersion: {
			"diagnostics": &grpcplugin.DiagnosticsGRPCPlugin{},
			"resource":    &grpcplugin.ResourceGRPCPlugin{},
			"data":        &grpcplugin.DataGRPCPlugin{},
			"stream":      &grpcplugin.StreamGRPCPlugin{},
		}},
		Cmd:              cmd,
		SkipHostEnv:      true,
		AllowedProtocols: []goplugin.Protocol{goplugin.ProtocolGRPC},
		StartTimeout:     startTimeout,
		Logger:           logger,
	}
}

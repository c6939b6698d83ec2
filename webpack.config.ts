// Extends the create-plugin webpack config (.config/ stays untouched, as create-plugin asks).
import CopyWebpackPlugin from 'copy-webpack-plugin';
import type { Configuration } from 'webpack';
import { merge } from 'webpack-merge';

import grafanaConfig, { type Env } from './.config/webpack/webpack.config.ts';

const config = async (env: Env): Promise<Configuration> => {
  const baseConfig = await grafanaConfig(env);
  return merge(baseConfig, {
    plugins: [
      // dashboards/ at the repo root is the single source for the provisioned dashboards;
      // the app plugin ships the same files under dist/dashboards/ (plugin.json includes them).
      new CopyWebpackPlugin({
        patterns: [
          { from: '../dashboards/*.json', to: 'dashboards/[name][ext]', noErrorOnMissing: true },
          // Their generated fleet and Prometheus versions (pkg/dashgen).
          { from: '../dashboards/fleet/*.json', to: 'dashboards/fleet/[name][ext]' },
          { from: '../dashboards/prometheus/*.json', to: 'dashboards/prometheus/[name][ext]' },
          // create-plugin copies only the root plugin's logos; nested plugins need theirs too.
          { from: 'datasource/img/*', to: '.' },
          { from: 'panels/*/img/*', to: '.' },
        ],
      }),
    ],
  });
};

export default config;

// force timezone to UTC to allow tests to work regardless of local timezone
// generally used by snapshots, but can affect specific tests
process.env.TZ = 'UTC';

const baseConfig = require('./.config/jest.config');
const { grafanaESModules, nodeModulesToTransform } = require('./.config/jest/utils');

module.exports = {
  // Jest configuration provided by Grafana scaffolding
  ...baseConfig,
  // Also check the provisioned dashboards and alerting files.
  testMatch: [...baseConfig.testMatch, '<rootDir>/tests/provisioning/**/*.test.ts'],
  // yaml's browser build (picked under jsdom) is ESM-only.
  transformIgnorePatterns: [nodeModulesToTransform([...grafanaESModules, 'yaml'])],
  transform: {
    ...baseConfig.transform,
    // Some ESM-only dependencies of @grafana/data (d3-color) ship .mjs files, which the
    // scaffolded transform pattern does not match.
    '^.+\\.mjs$': baseConfig.transform['^.+\\.(t|j)sx?$'],
  },
};

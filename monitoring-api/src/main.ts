// The demo server: the contract endpoints backed by the simulated workload,
// plus the admin API. Configuration comes from the environment (config.ts).
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { adminRoutes } from './admin/admin-routes.js';
import { faultInterceptor, FaultStore } from './admin/faults.js';
import { ConfigError, DEV_ADMIN_KEY, DEV_METRICS_KEY, loadConfig, type ServerConfig } from './config.js';
import { createMonitoringHandler, type Logger } from './contract/index.js';
import { dialectInterceptor, findDialect } from './dialects/index.js';
import { closeAll, listenAll, listeningLines } from './instances.js';
import { SimulationClock } from './workload/clock.js';
import { NodeProcessSampler } from './workload/process-metrics.js';
import { Workload } from './workload/workload.js';

const logger: Logger = {
  info: (message) => console.log(`${new Date().toISOString()} ${message}`),
  error: (message, err) => console.error(`${new Date().toISOString()} ERROR ${message}`, err ?? ''),
};

/** Keeps alerts evaluated and the catch-up work small between requests. */
const SYNC_INTERVAL_MS = 1_000;

function start(config: ServerConfig): void {
  const seed = config.seed ?? randomBytes(8).toString('hex');
  const clock = new SimulationClock({ start: config.clockStart ?? Date.now(), speed: config.clockSpeed });
  const sampler = new NodeProcessSampler();
  const workload = new Workload({
    seed,
    clock,
    historyDays: config.historyDays,
    thresholds: config.thresholds,
    channels: { webhook: config.alertWebhookUrl, escalation: config.escalationWebhookUrl },
    runbookBaseUrl: config.runbookBaseUrl,
    processSampler: sampler,
  });
  logger.info(
    `workload ready: seed=${seed} history=${config.historyDays}d (${(workload.history.bytes / 1e6).toFixed(1)} MB) backfilled in ${workload.backfillMs} ms, clock speed ${config.clockSpeed}x`
  );
  if (config.metricsApiKey === DEV_METRICS_KEY || config.adminApiKey === DEV_ADMIN_KEY) {
    logger.info('using a development key: set METRICS_API_KEY and ADMIN_API_KEY before exposing this server');
  }

  const dialect = config.dialect ? findDialect(config.dialect) : undefined;
  if (dialect) {
    logger.info(`answering in the ${dialect.name} dialect: ${dialect.summary}`);
  }
  // One handler per instance: faults and rate limits belong to an instance,
  // the workload, its scenario and its clock to the whole fleet.
  const handlerFor = () => {
    const faults = new FaultStore();
    return createMonitoringHandler({
      source: workload,
      keys: { readKey: config.metricsApiKey, adminKey: config.adminApiKey },
      rateLimitPerMinute: config.rateLimitPerMinute,
      interceptors: [faultInterceptor(faults), ...(dialect ? [dialectInterceptor(dialect)] : [])],
      extraRoutes: adminRoutes(
        {
          faults,
          scenarios: workload,
          clock: {
            now: () => clock.now(),
            speed: clock.speed,
            ...(config.clockControl ? { advance: (ms: number) => clock.advance(ms) } : {}),
          },
        },
        () => workload.sync()
      ),
      logger,
    });
  };

  const timer = setInterval(() => workload.sync(), SYNC_INTERVAL_MS);
  timer.unref();
  let servers: Server[] = [];
  listenAll({ host: config.host, port: config.port, instances: config.instances }, handlerFor).then(
    (started) => {
      servers = started.servers;
      for (const line of listeningLines(started.urls)) logger.info(line);
    },
    (err: Error & { port?: number }) => {
      logger.error(`cannot listen on ${config.host}:${err.port ?? config.port}`, err);
      process.exit(1);
    }
  );

  const shutdown = (signal: string) => {
    logger.info(`${signal}: shutting down`);
    clearInterval(timer);
    sampler.stop();
    void closeAll(servers).then(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

/** --dialect NAME (or --dialect=NAME) on the command line wins over DIALECT. */
function withArgs(env: NodeJS.ProcessEnv, args: string[]): NodeJS.ProcessEnv {
  const i = args.findIndex((a) => a === '--dialect' || a.startsWith('--dialect='));
  if (i < 0) return env;
  const value = args[i]!.includes('=') ? args[i]!.slice('--dialect='.length) : (args[i + 1] ?? '');
  if (!value || value.startsWith('--')) throw new ConfigError('--dialect needs a name, for example --dialect spring.');
  return { ...env, DIALECT: value };
}

try {
  start(loadConfig(withArgs(process.env, process.argv.slice(2))));
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`Configuration error: ${err.message}`);
    process.exit(2);
  }
  throw err;
}

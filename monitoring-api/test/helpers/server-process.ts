// Starts the real server (dist/main.js, as the Docker image runs it) on a
// free port, waits until it listens, and stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
export const READ_KEY = 'test-read-key-5f2c';
export const ADMIN_KEY = 'test-admin-key-9a71';
/** A Monday, away from the weekly maintenance window, so no info alert is active. */
export const CLOCK_START = '2025-03-03T12:00:00Z';

// Generous: backfilling days of history on a busy two-core machine takes a while.
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;

export interface RunningServer {
  /** The first instance's URL. */
  baseUrl: string;
  /** Every instance's URL, in order (INSTANCES=N gives N). */
  urls: string[];
  /** Everything the process printed so far. */
  output(): string;
  stop(): Promise<void>;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts the server with test defaults overridden by `env`, and command-line `args`. */
export async function startServer(env: Record<string, string> = {}, args: string[] = []): Promise<RunningServer> {
  if (!existsSync(MAIN)) {
    throw new Error(`${MAIN} is missing: run "npm run build" first (npm test does it).`);
  }
  const child = spawn(process.execPath, [MAIN, ...args], {
    // A clean environment: keys or thresholds set in the caller's shell must not leak in.
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      METRICS_API_KEY: READ_KEY,
      ADMIN_API_KEY: ADMIN_KEY,
      WORKLOAD_SEED: 'contract-tests',
      CLOCK_START,
      HISTORY_DAYS: '2',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));

  const several = Number(env.INSTANCES ?? '1') > 1;
  const urls = await new Promise<string[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      // A process left running would keep the test runner alive forever.
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = () => {
      // Several instances: wait for the summary line that lists them all.
      const match = several
        ? /listening on \d+ instances: (.*)\n/.exec(output)
        : /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.trim().split(' '));
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code} before listening:\n${output}`));
    });
  });

  return {
    baseUrl: urls[0]!,
    urls,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
        child.kill('SIGKILL');
        await waitForExit(child, STOP_TIMEOUT_MS);
      }
    },
  };
}

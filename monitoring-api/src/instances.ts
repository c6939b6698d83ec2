// Several instances in one process (INSTANCES=N): one HTTP server per port,
// each with its own handler (faults and rate limits are per instance), all
// reading one workload. This is how a fleet is simulated for tests, demos
// and benchmarks without N processes.
import { createServer, type RequestListener, type Server } from 'node:http';

export interface ListenOptions {
  host: string;
  /** First port; 0 gives every instance a free port of its own. */
  port: number;
  instances: number;
}

function listenOne(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(Object.assign(err, { port }));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * Starts one server per instance (handlers[i] serves instance i) and
 * resolves with their URLs in instance order. A port that cannot be bound
 * closes the others and rejects with an error whose `port` names it.
 */
export async function listenAll(
  options: ListenOptions,
  handlerFor: (instance: number) => RequestListener
): Promise<{ servers: Server[]; urls: string[] }> {
  const servers: Server[] = [];
  for (let i = 0; i < options.instances; i++) {
    servers.push(createServer(handlerFor(i)));
  }
  let ports: number[];
  try {
    ports = await Promise.all(
      servers.map((server, i) => listenOne(server, options.host, options.port === 0 ? 0 : options.port + i))
    );
  } catch (err) {
    // The instances that did start must not outlive the failure.
    await closeAll(servers.filter((server) => server.listening));
    throw err;
  }
  return { servers, urls: ports.map((port) => `http://${urlHost(options.host)}:${port}`) };
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * The log lines that announce the instances. One instance keeps the line
 * clients have always parsed; several get a line each, then one summary
 * line with every URL (the line to parse: "listening on N instances: ...").
 */
export function listeningLines(urls: string[]): string[] {
  if (urls.length === 1) {
    return [`monitoring-api listening on ${urls[0]}`];
  }
  return [
    ...urls.map((url, i) => `monitoring-api instance ${i + 1} of ${urls.length} listening on ${url}`),
    `monitoring-api listening on ${urls.length} instances: ${urls.join(' ')}`,
  ];
}

/** Closes every server; resolves once all are closed. */
export function closeAll(servers: Server[]): Promise<void> {
  return Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        })
    )
  ).then(() => undefined);
}

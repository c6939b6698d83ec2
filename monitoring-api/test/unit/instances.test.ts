import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { describe, it } from 'node:test';
import { closeAll, listenAll, listeningLines } from '../../src/instances.js';

const hello = (instance: number) => (_req: unknown, res: import('node:http').ServerResponse) => res.end(`i${instance}`);

describe('several instances', () => {
  it('one instance keeps the single listening line clients parse', () => {
    assert.deepEqual(listeningLines(['http://127.0.0.1:4000']), ['monitoring-api listening on http://127.0.0.1:4000']);
  });

  it('several instances get a line each and a summary with every URL', () => {
    assert.deepEqual(listeningLines(['http://h:1', 'http://h:2']), [
      'monitoring-api instance 1 of 2 listening on http://h:1',
      'monitoring-api instance 2 of 2 listening on http://h:2',
      'monitoring-api listening on 2 instances: http://h:1 http://h:2',
    ]);
  });

  it('port 0 gives each instance a free port, served by its own handler', async () => {
    const { servers, urls } = await listenAll({ host: '127.0.0.1', port: 0, instances: 3 }, hello);
    try {
      assert.equal(new Set(urls).size, 3);
      const bodies = await Promise.all(urls.map(async (url) => (await fetch(url)).text()));
      assert.deepEqual(bodies, ['i0', 'i1', 'i2']);
    } finally {
      await closeAll(servers);
    }
  });

  it('a fixed range runs from PORT up; the port already taken is named', async () => {
    // A blocker on port B; instances from B-1 must fail on B, the second one.
    // If B-1 itself is busy (another program), try another B.
    for (let attempt = 0; attempt < 5; attempt++) {
      const blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const taken = (blocker.address() as { port: number }).port;
      try {
        const failed = await listenAll({ host: '127.0.0.1', port: taken - 1, instances: 2 }, hello).then(
          async (started) => {
            await closeAll(started.servers);
            return undefined;
          },
          (err: Error & { port?: number; code?: string }) => err
        );
        assert.ok(failed, 'binding a taken port must fail');
        assert.equal(failed.code, 'EADDRINUSE');
        if (failed.port === taken) return;
      } finally {
        await closeAll([blocker]);
      }
    }
    assert.fail('port B-1 was busy on every attempt');
  });
});

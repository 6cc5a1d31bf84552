import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { startTestAzurite } from '../support/azurite';
import { freePort, startBuiltService, waitUntil } from '../support/processes';
import type { StartedProcess } from '../support/processes';

/**
 * SIGTERM to the built service (dist/bot/index.js, run as `npm start` runs it) against the test
 * Azurite, with 50 writes in flight. Each is held without a sleep: its headers carry
 * `Expect: 100-continue`, so the service answers "100 Continue" the moment it has taken the request,
 * and the test sends the body only after the SIGTERM. Every held request must get its answer,
 * /healthz must say 503 on a connection that was already open, and the process must exit 0 within
 * the 10 s grace.
 */
const HELD = 50;
const GRACE_MS = 10_000;

let azurite: EmbeddedAzurite;
let service: StartedProcess | undefined;
let port = 0;

beforeAll(async () => {
  azurite = await startTestAzurite();
  port = await freePort();
  service = startBuiltService({
    PORT: String(port),
    HOST: '127.0.0.1',
    STORAGE_CONNECTION_STRING: azurite.connectionString,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
  });
  await waitUntil(
    async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.status === 200,
    60_000,
    'the built service to be healthy',
  );
});
afterAll(async () => {
  if (service && service.child.exitCode === null) service.child.kill('SIGKILL');
  await azurite?.stop();
});

/** A raw HTTP/1.1 connection: what it received, and when the server closed it. */
function raw(): { socket: Socket; received: () => string; closed: Promise<void> } {
  const socket = connect(port, '127.0.0.1');
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, received: () => text, closed };
}

async function devToken(userId: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantId: '00000000-0000-0000-0000-0000000000e1', userId, name: `Drain ${userId.slice(-3)}` }),
  });
  return ((await res.json()) as { token: string }).token;
}

describe('SIGTERM to the built service with requests in flight', () => {
  it('answers all 50 held writes, says 503 on /healthz meanwhile, and exits 0 within the grace', async () => {
    const running = service;
    if (!running) throw new Error('not started');
    // One person per write: the per-person write limit (10 in 10 s) must not answer any of them 429.
    const users = Array.from({ length: HELD }, (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`);
    const tokens = await Promise.all(users.map(devToken));
    const body = JSON.stringify({ teaches: [{ name: 'Excel', level: 2 }], wants: [], bio: 'Held', languages: [], availability: '' });

    const held = tokens.map((token) => {
      const connection = raw();
      connection.socket.write(
        `PUT /api/v1/me/profile HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
      );
      return connection;
    });
    await waitUntil(() => held.every((c) => c.received().startsWith('HTTP/1.1 100 Continue')), 30_000, 'every write to be taken');

    const signalled = Date.now();
    running.child.kill('SIGTERM');
    // Draining: new connections are refused at once (while the held ones stay open).
    await waitUntil(
      async () =>
        await fetch(`http://127.0.0.1:${port}/healthz`).then(
          () => false,
          () => true,
        ),
      5_000,
      'new connections to be refused',
    );

    // The first held connection also asks /healthz right behind its write, as a load balancer's
    // probe on a kept-alive connection would: it must hear 503 "stopping", not be cut off.
    const [probe, ...rest] = held;
    if (!probe) throw new Error('nothing held');
    probe.socket.write(`${body}GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    for (const connection of rest) connection.socket.write(body);
    await Promise.all(held.map((c) => c.closed));
    const finals = held.map((c) => [...c.received().matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => m[1]).filter((s) => s !== '100'));
    expect(finals.map((f) => f[0])).toEqual(Array.from({ length: HELD }, () => '200'));
    expect(finals[0]?.[1]).toBe('503');
    expect(probe.received()).toContain('"status":"stopping"');

    const code = await running.exited;
    expect(code).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(GRACE_MS);
  });
});

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHttpDrain } from '../../bot/src/api/shared/http-drain';
import { eventually } from '../support/eventually';
import { listenHttpApp, rawConnection } from '../support/http-app';
import type { ListeningHttpApp } from '../support/http-app';

// `/readyz` is App Service's health check path (infra/azure.bicep): a new instance joins the load balancer
// only once storage answers and its expert search answers from an index (issue #16). `/healthz` stays
// the liveness check, storage only.
let storageUp = true;
let searchReady = false;
let app: ListeningHttpApp;

beforeAll(async () => {
  app = await listenHttpApp({
    checkStorage: () => (storageUp ? Promise.resolve() : Promise.reject(new Error('connect ECONNREFUSED 10.0.0.7:10002'))),
    searchReady: () => searchReady,
  });
});
afterAll(() => app.close());

async function probe(path: string) {
  const res = await fetch(`${app.base}${path}`);
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    cache: res.headers.get('cache-control'),
    body: await res.text(),
  };
}

describe('/readyz and /healthz', () => {
  it('says "starting" (503, Retry-After 5) while the expert search warms; /healthz is 200 meanwhile', async () => {
    storageUp = true;
    searchReady = false;
    const ready = await probe('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.retryAfter).toBe('5');
    expect(ready.cache).toBe('no-store');
    expect(JSON.parse(ready.body)).toEqual({ status: 'starting', storage: 'ok', experts: 'warming', failing: ['experts'] });
    expect((await probe('/healthz')).status).toBe(200);
  });

  it('says ok once the search answers from an index', async () => {
    storageUp = true;
    searchReady = true;
    const ready = await probe('/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ status: 'ok', storage: 'ok', experts: 'ok' });
  });

  it('names storage when it fails, never its address, and both parts when both are not there', async () => {
    storageUp = false;
    searchReady = true;
    const down = await probe('/readyz');
    expect(down.status).toBe(503);
    expect(down.retryAfter).toBeNull();
    expect(JSON.parse(down.body)).toEqual({ status: 'unavailable', storage: 'unavailable', experts: 'ok', failing: ['storage'] });
    expect(down.body).not.toContain('10.0.0.7');
    searchReady = false;
    expect(JSON.parse((await probe('/readyz')).body)).toEqual({
      status: 'unavailable',
      storage: 'unavailable',
      experts: 'warming',
      failing: ['storage', 'experts'],
    });
    expect((await probe('/healthz')).status).toBe(503);
  });
});

describe('/readyz during a shutdown', () => {
  it('says 503 "stopping" to a request on a connection already open, as /healthz does', async () => {
    let letGo: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      letGo = resolve;
    });
    const drain = createHttpDrain((req, res) => {
      void (req.url === '/held' ? held : Promise.resolve()).then(() => res.end('from the app'));
    });
    const target = createServer(drain.listener);
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', () => resolve()));
    const { socket, received, ended } = rawConnection((target.address() as AddressInfo).port);
    socket.write('GET /held HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await eventually(() => expect(drain.inFlight()).toBe(1));

    const closing = drain.close(target, 10_000);
    // Spelled as Express would still route it to /readyz: any case, a trailing slash, a query.
    socket.write('GET /ReadyZ/?probe=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await eventually(() => expect(drain.inFlight()).toBe(2));
    letGo();
    await ended;
    expect(await closing).toBe(0);
    const [first, second] = received().split(/(?=HTTP\/1\.1 )/);
    expect(first).toMatch(/^HTTP\/1\.1 200/);
    expect(second).toMatch(/^HTTP\/1\.1 503/);
    expect(second).toContain('{"status":"stopping","failing":["shutdown"]}');
  });
});

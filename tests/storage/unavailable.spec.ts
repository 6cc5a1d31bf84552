import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StorageUnavailableError } from '../../bot/src/domain/shared/repositories';
import { createStorage } from '../../bot/src/storage/shared/create-storage';
import type { Storage } from '../../bot/src/storage/shared/create-storage';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { startPrivateAzurite } from '../support/azurite';
import { ids, profile } from '../support/storage/fixtures';

/** Runs `call`, expects StorageUnavailableError, and returns how long it took. */
async function unavailable(call: () => Promise<unknown>, reason: RegExp): Promise<number> {
  const started = Date.now();
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorageUnavailableError);
  expect((error as Error).message).toMatch(reason);
  return Date.now() - started;
}

describe('a stopped storage', () => {
  let stopped: Storage;

  beforeAll(async () => {
    const azurite = await startPrivateAzurite();
    stopped = createStorage({ connectionString: azurite.connectionString });
    await stopped.ensureCreated();
    await stopped.repositories.members.put(profile(ids.tenant(), ids.user()));
    await azurite.stop();
  });

  it('ping fails with StorageUnavailableError naming the cause, within a few seconds', async () => {
    expect(await unavailable(() => stopped.repositories.ping(), /ECONNREFUSED/)).toBeLessThan(5_000);
  });

  it('reads, listings, writes, transactions and ETag updates fail the same way', async () => {
    const { repositories: repos } = stopped;
    const tenantId = ids.tenant();
    const calls: (() => Promise<unknown>)[] = [
      () => repos.members.get(tenantId, 'u'),
      () => repos.members.listForTenant(tenantId),
      () => repos.members.put(profile(tenantId, 'u')),
      () => repos.members.putMany([profile(tenantId, 'u'), profile(tenantId, 'v')]),
      () => repos.members.update(tenantId, 'u', (c) => c),
      () => repos.rsvps.respond({ tenantId, teamId: 't', sessionId: 's' }, 'u', 'yes', new Date()),
      () => repos.teams.listTeamsOf(tenantId, 'u'),
      () => stopped.ensureCreated(),
    ];
    const started = Date.now();
    const times = await Promise.all(calls.map((call) => unavailable(call, /Storage unavailable while .*ECONNREFUSED/)));
    expect(Math.max(...times)).toBeLessThan(5_000);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('a storage that is up', () => {
  let azurite: EmbeddedAzurite;

  beforeAll(async () => {
    azurite = await startPrivateAzurite();
  });

  afterAll(async () => {
    await azurite?.stop();
  });

  it('before ensureCreated: ping and reads say storage is not initialised; after it, ping passes', async () => {
    const storage = createStorage({ connectionString: azurite.connectionString });
    await unavailable(() => storage.repositories.ping(), /not initialised: (TableNotFound|QueueNotFound)/);
    await unavailable(() => storage.repositories.members.get(ids.tenant(), 'u'), /not initialised: TableNotFound/);
    await storage.ensureCreated();
    await expect(storage.repositories.ping()).resolves.toBeUndefined();
  });

  it('a 503 that outlives the SDK retries becomes StorageUnavailableError', async () => {
    // A server that answers every request the way a busy Table service does.
    let hits = 0;
    const busy = createServer((_request, response) => {
      hits += 1;
      response.writeHead(503, { 'content-type': 'application/json', 'x-ms-error-code': 'ServerBusy' });
      response.end(JSON.stringify({ 'odata.error': { code: 'ServerBusy', message: { lang: 'en-US', value: 'The server is busy.' } } }));
    });
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    try {
      const port = (busy.address() as AddressInfo).port;
      const connectionString = azurite.connectionString.replace(
        /TableEndpoint=[^;]+/,
        `TableEndpoint=http://127.0.0.1:${port}/devstoreaccount1`,
      );
      const storage = createStorage({
        connectionString,
        transport: { maxRetries: 1, retryDelayMs: 10, maxRetryDelayMs: 20 },
      });
      await unavailable(() => storage.repositories.members.get(ids.tenant(), 'u'), /HTTP 503/);
      expect(hits).toBe(2);
    } finally {
      busy.closeAllConnections();
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it('a server that never answers times out instead of hanging the caller', async () => {
    const hung = createServer(() => undefined);
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    try {
      const port = (hung.address() as AddressInfo).port;
      const connectionString = azurite.connectionString.replace(
        /TableEndpoint=[^;]+/,
        `TableEndpoint=http://127.0.0.1:${port}/devstoreaccount1`,
      );
      const storage = createStorage({
        connectionString,
        transport: { maxRetries: 1, retryDelayMs: 10, maxRetryDelayMs: 20, requestTimeoutMs: 300 },
      });
      expect(
        await unavailable(
          () => storage.repositories.members.get(ids.tenant(), 'u'),
          /Storage unavailable while reading plProfiles \(no answer within the request timeout/,
        ),
      ).toBeLessThan(3_000);
    } finally {
      hung.closeAllConnections();
      await new Promise((resolve) => hung.close(resolve));
    }
  });

  it('a connection string to a port where nothing listens', async () => {
    const dead = azurite.connectionString.replace(/:\d+\/devstoreaccount1/g, ':1/devstoreaccount1');
    const storage = createStorage({ connectionString: dead });
    expect(await unavailable(() => storage.repositories.ping(), /ECONNREFUSED/)).toBeLessThan(5_000);
  });
});

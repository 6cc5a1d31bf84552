import { QueueClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type { OutgoingMessage } from '../../bot/src/domain/delivery/outbox';
import { startService } from '../../bot/src/server';
import type { RunningService } from '../../bot/src/server';
import { startEmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { QUEUES } from '../../bot/src/storage/shared/keys';
import { personalMessage, postActivity } from '../support/activities';
import { eventually } from '../support/eventually';
import { rawConnection } from '../support/http-app';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector } from '../support/fake-connector';
import { quietLogger } from '../support/service';

const IN_FLIGHT = 300;

let azurite: EmbeddedAzurite;
let connector: FakeConnector;
let service: RunningService;
let jobTaken: () => void;
const taken = new Promise<void>((resolve) => (jobTaken = resolve));

beforeAll(async () => {
  // Storage outlives the service, so the queue can be read after the shutdown.
  [azurite, connector] = await Promise.all([startEmbeddedAzurite({ location: '.data/unused', inMemory: true }), startFakeConnector()]);
  // 300 held bot requests: above the default in-flight cap of the bot endpoint, which would answer the rest 503.
  const config = readConfig({ NODE_ENV: 'test', BOT_MAX_CONCURRENT: String(IN_FLIGHT + 50) });
  service = await startService(
    { ...config, port: 0, seedDemo: false, storage: { kind: 'connectionString', connectionString: azurite.connectionString } },
    {
      log: quietLogger,
      // A job whose composition never ends: the worker holds its lease when the shutdown comes.
      composer: () => {
        jobTaken();
        return new Promise<readonly OutgoingMessage[]>(() => undefined);
      },
      workerPolicy: { idleMs: 20, leaseSeconds: 60, stopGraceMs: 50 },
    },
  );
});
afterAll(async () => {
  await Promise.all([connector?.close(), azurite?.stop()]);
});

/** A raw keep-alive connection, to send a request on a connection that is already open when the shutdown begins. */
describe('a shutdown with requests in flight', () => {
  it('answers every request in flight, refuses new connections, says 503 on /healthz, and gives the leased job back', async () => {
    const queue = new QueueClient(service.storageConnectionString, QUEUES.jobs);
    await service.outbox.enqueue({ kind: 'postKudos', tenantId: 'tenant-1', teamId: 'team-1', kudosId: 'kudos-1' });
    await taken;
    expect((await queue.peekMessages()).peekedMessageItems).toHaveLength(0); // leased: hidden for 60 s

    // Teams is slow: every bot turn waits for the connector to take its reply.
    const gate = connector.holdReplies();
    const answers = Array.from({ length: IN_FLIGHT - 1 }, () =>
      postActivity(service.url, personalMessage(connector.serviceUrl, 'help')).then((res) => res.status),
    );
    const body = JSON.stringify(personalMessage(connector.serviceUrl, 'help'));
    const raw = rawConnection(service.port);
    raw.socket.write(
      `POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    await eventually(() => expect(service.requestsInFlight()).toBe(IN_FLIGHT), { timeout: 40_000 });
    await eventually(() => expect(gate.held()).toBeGreaterThan(0));

    const closing = service.close();
    await expect(fetch(`${service.url}/healthz`)).rejects.toThrow();
    // A request arriving on a connection that was already open is still answered: /healthz says 503.
    raw.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await eventually(() => expect(service.requestsInFlight()).toBe(IN_FLIGHT + 1));

    gate.release();
    const statuses = await Promise.all(answers);
    expect(statuses.filter((s) => s === 200)).toHaveLength(IN_FLIGHT - 1);
    await raw.ended; // closed by the server after its last answer
    const [first, second] = raw.received().split(/(?=HTTP\/1\.1 )/);
    expect(first).toMatch(/^HTTP\/1\.1 200/);
    expect(second).toMatch(/^HTTP\/1\.1 503/);
    expect(second).toContain('"status":"stopping"');
    await closing;
    expect(service.requestsInFlight()).toBe(0);

    // Given back at once, not 60 s later.
    const visible = await queue.peekMessages();
    expect(visible.peekedMessageItems).toHaveLength(1);
    expect(Buffer.from(visible.peekedMessageItems[0]?.messageText ?? '', 'base64').toString()).toContain('kudos-1');
  });
});

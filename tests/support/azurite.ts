import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { QueueServiceClient } from '@azure/storage-queue';
import { TableServiceClient } from '@azure/data-tables';
import { connectionStringFor, startEmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { SHARED_AZURITE_ENV, sharedAccountNames } from './jest/shared-azurite-spec.js';

interface SharedAzurites {
  readonly instances: readonly { readonly host: string; readonly tablePort: number; readonly queuePort: number; readonly pid: number }[];
  /** A directory where each handed-out account is a subdirectory: mkdir succeeds for exactly one taker. */
  readonly slots: string;
}

function sharedAzurites(): SharedAzurites | undefined {
  const spec = process.env[SHARED_AZURITE_ENV];
  return spec ? (JSON.parse(spec) as SharedAzurites) : undefined;
}

/**
 * Storage of the test's own, empty: an account nobody else uses on the run's shared in-memory Azurite
 * (tests/support/jest/global-setup.js; the worker's own one), or a private Azurite when there is none (a spec run
 * outside jest's global setup, or every account taken). `stop()` gives the storage back by deleting its tables
 * and queues; the shared Azurite keeps running. A test that stops or kills Azurite itself uses `startPrivateAzurite`.
 */
export async function startTestAzurite(): Promise<EmbeddedAzurite> {
  const shared = sharedAzurites();
  const account = shared ? takeAccount(shared.slots) : undefined;
  if (!shared || !account) return startPrivateAzurite();
  const worker = Math.max(0, Number(process.env.JEST_WORKER_ID ?? 1) - 1);
  const instance = shared.instances[worker % shared.instances.length];
  if (!instance) return startPrivateAzurite();
  const connectionString = connectionStringFor(instance, account);
  let stopped: Promise<void> | undefined;
  return {
    connectionString,
    host: instance.host,
    tablePort: instance.tablePort,
    queuePort: instance.queuePort,
    pid: instance.pid,
    restarting: false,
    onRestarted: () => undefined,
    stop: () => (stopped ??= emptyAccount(connectionString)),
  };
}

/** An in-memory Azurite process of the test's own, on free loopback ports (for tests that stop or kill it). */
export function startPrivateAzurite(): Promise<EmbeddedAzurite> {
  return startEmbeddedAzurite({ location: '.data/test-unused', inMemory: true });
}

function takeAccount(slots: string): string | undefined {
  const names = sharedAccountNames();
  for (const [i, name] of names.entries()) {
    try {
      mkdirSync(path.join(slots, String(i)));
      return name;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return undefined;
}

/** Deletes what a test left in its account, so the shared Azurite's memory does not grow with the run. */
async function emptyAccount(connectionString: string): Promise<void> {
  const tables = TableServiceClient.fromConnectionString(connectionString, { allowInsecureConnection: true });
  const queues = QueueServiceClient.fromConnectionString(connectionString);
  const tableNames: string[] = [];
  const queueNames: string[] = [];
  try {
    for await (const table of tables.listTables()) if (table.name) tableNames.push(table.name);
    for await (const queue of queues.listQueues()) queueNames.push(queue.name);
  } catch {
    return; // Nothing to give back when the listing fails; the account is not handed out again anyway.
  }
  await Promise.allSettled([...tableNames.map((name) => tables.deleteTable(name)), ...queueNames.map((name) => queues.deleteQueue(name))]);
}

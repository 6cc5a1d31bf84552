import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from '../../domain/shared/logger';

/** Azurite's well-known development account (public, documented; not a secret). */
const AZURITE_ACCOUNT = 'devstoreaccount1';
const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

interface EmbeddedAzuriteOptions {
  /** Directory for Azurite's data; ignored when `inMemory` is set. */
  readonly location: string;
  readonly inMemory: boolean;
  readonly host?: string;
  /** 0 or unset: a free port. Fixed ports let a test restart Azurite where the service expects it. */
  readonly tablePort?: number;
  readonly queuePort?: number;
  /** Given: Azurite is started again when it dies (same ports, same data), and each attempt is logged here. */
  readonly log?: Logger;
  /**
   * More storage accounts beside the development one, all with its well-known key (`connectionStringFor`). The
   * test runner shares one Azurite between test files and gives each file an account of its own, instead of a
   * process per file.
   */
  readonly accounts?: readonly string[];
}

/** How long the embedded Azurite child may take to say it is ready. */
const START_BUDGET_MS = 120_000;
export interface EmbeddedAzurite {
  readonly connectionString: string;
  readonly host: string;
  readonly tablePort: number;
  readonly queuePort: number;
  /** The current Azurite process; a new one after a restart. */
  readonly pid: number;
  /**
   * From the moment the child dies until it runs again and every `onRestarted` listener is done: storage
   * is not ready then (in memory the tables are still being made again), so the health check says so.
   */
  readonly restarting: boolean;
  /** Runs after each restart (in memory, the tables and queues must be created again). */
  onRestarted(listener: () => Promise<void>): void;
  stop(): Promise<void>;
}

/** Waits between restart attempts: quick at first, then at most every 10 s. */
const RESTART_BACKOFF_MS = [250, 500, 1_000, 2_000, 5_000, 10_000] as const;

/** The part of Azurite's LokiJS extent metadata store (`LokiExtentMetadataStore`) the fix below replaces. */
export interface ExtentMetadataStoreClass {
  readonly prototype: {
    deleteExtent(this: ExtentMetadataStoreInstance, extentId: string): Promise<void>;
  };
}

interface ExtentMetadataStoreInstance {
  readonly EXTENTS_COLLECTION: string;
  readonly db: {
    getCollection(name: string): {
      findOne(query: { readonly id: string }): object | null;
      remove(doc: object): void;
    };
  };
}

/**
 * Azurite's queue garbage collector (every minute) deletes the extents of removed messages one at a time, and its
 * `deleteExtent` removes by query, after which LokiJS marks the collection's index on id dirty and the next find
 * sorts the whole collection again: quadratic in the messages one Azurite process has seen. A test run's shared
 * Azurite sat at 100 % CPU for minutes after ~10,000 messages, until storage calls timed out. Removing the found
 * document itself lets LokiJS update that index in place (linear per delete); the same rows go.
 *
 * Runs inside the Azurite child (CHILD_SOURCE below embeds its source), so it uses nothing from outside itself.
 */
export function fixExtentDeletes(store: ExtentMetadataStoreClass): void {
  store.prototype.deleteExtent = function deleteExtent(this: ExtentMetadataStoreInstance, extentId: string): Promise<void> {
    const extents = this.db.getCollection(this.EXTENTS_COLLECTION);
    const doc = extents.findOne({ id: extentId });
    if (doc) extents.remove(doc);
    return Promise.resolve();
  };
}

/*
 * The child runs Azurite's table and queue servers in one process and keeps an IPC channel to us.
 * When the service dies in any way, SIGKILL included, the kernel closes that channel and the child
 * sees `disconnect` and exits: no orphaned Azurite, without polling.
 */
const CHILD_SOURCE = `
'use strict';
const spec = JSON.parse(process.env.PEERLEARN_AZURITE_SPEC);
// Azurite reads its accounts from this variable (the development account is listed first, so it stays).
if (spec.accounts && spec.accounts.length > 0) process.env.AZURITE_ACCOUNTS = spec.accounts.map((a) => a + ':' + spec.key).join(';');
const path = require('node:path');
const fs = require('node:fs');
const r = (p) => require(path.join(spec.root, p));
const Logger = r('dist/src/common/Logger');
Logger.configLogger(false);
// Removed messages' extents deleted in linear time, not quadratic (fixExtentDeletes above).
(${fixExtentDeletes.toString()})(r('dist/src/common/persistence/LokiExtentMetadataStore').default);
const TableServer = r('dist/src/table/TableServer').default;
const TableConfiguration = r('dist/src/table/TableConfiguration').default;
const QueueServer = r('dist/src/queue/QueueServer').default;
const QueueConfiguration = r('dist/src/queue/QueueConfiguration').default;
const loc = spec.location;
if (!spec.inMemory) fs.mkdirSync(loc, { recursive: true });
const table = new TableServer(new TableConfiguration(spec.host, spec.tablePort, undefined,
  path.join(loc, '__azurite_db_table__.json'), false, false, undefined, undefined, false, true,
  '', '', '', undefined, false, spec.inMemory));
const queue = new QueueServer(new QueueConfiguration(spec.host, spec.queuePort, undefined,
  path.join(loc, '__azurite_db_queue__.json'), path.join(loc, '__azurite_db_queue_extent__.json'),
  [{ locationId: 'Default', locationPath: path.join(loc, '__queuestorage__'), maxConcurrency: 1 }],
  false, undefined, false, undefined, false, true, '', '', '', undefined, false, spec.inMemory));
let closing = false;
async function close(code) {
  if (closing) return;
  closing = true;
  await Promise.allSettled([table.close(), queue.close()]);
  process.exit(code);
}
process.on('disconnect', () => close(0));
process.on('SIGTERM', () => close(0));
process.on('SIGINT', () => close(0));
process.on('message', (m) => { if (m === 'shutdown') close(0); });
const portOf = (s) => Number(new URL(s.getHttpServerAddress()).port);
Promise.all([table.start(), queue.start()]).then(
  () => process.send({ ready: true, tablePort: portOf(table), queuePort: portOf(queue) }),
  (err) => { process.send({ ready: false, error: String(err && err.message || err) }); close(1); },
);
`;

interface ReadyMessage {
  readonly ready: boolean;
  readonly tablePort?: number;
  readonly queuePort?: number;
  readonly error?: string;
}

function azuriteRoot(): string {
  const require = createRequire(import.meta.url);
  try {
    return path.dirname(require.resolve('azurite/package.json'));
  } catch {
    // A deployment (build/deploy) installs no dev packages: storage must be configured there.
    throw new Error(
      'The embedded Azurite is not installed (it is a dev dependency). Run `npm install` for local use, or set STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_NAME.',
    );
  }
}

function childScriptPath(): string {
  const dir = path.join(tmpdir(), 'peerlearn');
  mkdirSync(dir, { recursive: true });
  // Named by its content: checkouts of different versions on one machine (worktrees, a deployment beside a
  // development copy) each run their own child, never one another's.
  const version = createHash('sha256').update(CHILD_SOURCE).digest('hex').slice(0, 12);
  const file = path.join(dir, `azurite-child-${version}.cjs`);
  // Several services may start at once (tests, instances): write aside and rename, which is atomic,
  // so no process ever runs a half-written script.
  const draft = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(draft, CHILD_SOURCE);
  renameSync(draft, file);
  return file;
}

/** The connection string of one of a running Azurite's accounts (the development one unless named). */
export function connectionStringFor(azurite: Pick<EmbeddedAzurite, 'host' | 'tablePort' | 'queuePort'>, account = AZURITE_ACCOUNT): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${account}`,
    `AccountKey=${AZURITE_KEY}`,
    `TableEndpoint=http://${azurite.host}:${azurite.tablePort}/${account}`,
    `QueueEndpoint=http://${azurite.host}:${azurite.queuePort}/${account}`,
  ].join(';');
}

/** Starts Azurite (tables + queues) on free loopback ports and resolves once both listen. */
export async function startEmbeddedAzurite(options: EmbeddedAzuriteOptions): Promise<EmbeddedAzurite> {
  const host = options.host ?? '127.0.0.1';
  const spec = {
    root: azuriteRoot(),
    location: path.resolve(options.location),
    inMemory: options.inMemory,
    host,
    tablePort: options.tablePort ?? 0,
    queuePort: options.queuePort ?? 0,
    accounts: options.accounts?.length ? [AZURITE_ACCOUNT, ...options.accounts] : [],
    key: AZURITE_KEY,
  };
  const first = await launch(spec);
  let child = first.child;
  let exited = first.exited;
  let stopping = false;
  let restarting = false;
  let failures = 0;
  const listeners: (() => Promise<void>)[] = [];
  const { tablePort, queuePort } = first;
  const fixed = { ...spec, tablePort, queuePort };

  const restart = async (): Promise<void> => {
    const log = options.log;
    if (!log) return;
    const wait = RESTART_BACKOFF_MS[Math.min(failures, RESTART_BACKOFF_MS.length - 1)] ?? 10_000;
    failures += 1;
    await new Promise((resolve) => setTimeout(resolve, wait));
    if (stopping) return;
    try {
      const next = await launch(fixed);
      if (stopping) {
        next.child.kill('SIGTERM');
        return;
      }
      ({ child, exited } = next);
      watch();
      failures = 0;
      log.info('embedded Azurite restarted', { pid: next.child.pid ?? -1, tablePort, queuePort, afterMs: wait });
      for (const listener of listeners) await listener().catch((error: unknown) => log.error('after the Azurite restart', error));
      restarting = false;
    } catch (error) {
      log.error('embedded Azurite could not be restarted; trying again', error, { attempt: failures });
      void restart();
    }
  };
  const watch = () => {
    const current = child;
    current.once('exit', (code, signal) => {
      if (stopping || current !== child) return;
      options.log?.warn('embedded Azurite stopped unexpectedly; restarting it on the same ports and data', {
        code: code ?? -1,
        signal: signal ?? '',
      });
      restarting = true;
      void restart();
    });
  };
  watch();

  return {
    connectionString: connectionStringFor({ host, tablePort, queuePort }),
    host,
    tablePort,
    queuePort,
    get pid() {
      return child.pid ?? -1;
    },
    get restarting() {
      return restarting;
    },
    onRestarted(listener) {
      listeners.push(listener);
    },
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
      if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
    },
  };
}

/** Forks the Azurite child and resolves once both servers listen. */
async function launch(spec: {
  readonly root: string;
  readonly location: string;
  readonly inMemory: boolean;
  readonly host: string;
  readonly tablePort: number;
  readonly queuePort: number;
  readonly accounts: readonly string[];
  readonly key: string;
}): Promise<{ child: ChildProcess; exited: Promise<void>; tablePort: number; queuePort: number }> {
  const child: ChildProcess = fork(childScriptPath(), [], {
    execPath: process.execPath,
    env: { PEERLEARN_AZURITE_SPEC: JSON.stringify(spec) },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });

  const ready = await new Promise<ReadyMessage>((resolve, reject) => {
    // A wait for the child's ready message, not a guess at how long a start takes: on a 2-core machine busy with
    // other work Azurite's start was measured at over 30 s. A child that never answers is killed.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Azurite did not start within ${START_BUDGET_MS / 1000} s. ${stderr}`));
    }, START_BUDGET_MS);
    child.once('message', (message: ReadyMessage) => {
      clearTimeout(timer);
      resolve(message);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited during start (code ${code}). ${stderr}`));
    });
  });
  if (!ready.ready || !ready.tablePort || !ready.queuePort) {
    child.kill('SIGKILL');
    throw new Error(`Azurite could not start: ${ready.error ?? 'unknown reason'}`);
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, exited, tablePort: ready.tablePort, queuePort: ready.queuePort };
}

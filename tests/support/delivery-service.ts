import { readConfig } from '../../bot/src/config';
import type { Config } from '../../bot/src/config';
import type { JobComposer } from '../../bot/src/domain/delivery/outbox';
import type { WorkerPolicy } from '../../bot/src/jobs/delivery/outbox-worker';
import { startService } from '../../bot/src/server';
import type { RunningService } from '../../bot/src/server';
import type { SenderPolicy } from '../../bot/src/teams/delivery/proactive-sender';
import { fanoutComposer } from './fanout-composer';
import { quietLogger } from './service';
import { startTestAzurite } from './azurite';

export interface DeliveryServiceOptions {
  /** Share an existing storage (another instance's Azurite) instead of an own in-memory one. */
  readonly connectionString?: string;
  /** `app`: the app's own composer (every job kind as production composes it); default the fan-out test composer. */
  readonly composer?: JobComposer | 'app';
  readonly worker?: boolean;
  readonly tenantPerSecond?: number;
  readonly maxAttempts?: number;
  readonly workerPolicy?: Partial<WorkerPolicy>;
  readonly senderPolicy?: Partial<SenderPolicy>;
}

/** The real service with the outbox worker on quick test timings and the fan-out test composer. */
export async function startDeliveryService(options: DeliveryServiceOptions = {}): Promise<RunningService> {
  const base = readConfig({
    NODE_ENV: 'test',
    ...(options.connectionString ? { STORAGE_CONNECTION_STRING: options.connectionString } : {}),
  });
  const config: Config = {
    ...base,
    port: 0,
    seedDemo: false,
    delivery: {
      worker: options.worker ?? true,
      tenantPerSecond: options.tenantPerSecond ?? 30,
      maxAttempts: options.maxAttempts ?? 4,
      retentionDays: base.delivery.retentionDays,
    },
  };
  return startService(config, {
    log: quietLogger,
    inMemoryStorage: true,
    ...(options.connectionString ? {} : { azurite: await startTestAzurite() }),
    ...(options.composer === 'app' ? {} : { composer: options.composer ?? fanoutComposer }),
    workerPolicy: { leaseSeconds: 5, idleMs: 100, maxDequeueCount: 3, ...options.workerPolicy },
    senderPolicy: { backoffBaseMs: 50, backoffCapMs: 1_000, ...options.senderPolicy },
  });
}

import type { OutboxJob } from './outbox';
import type { ParkReason } from './delivery';

/**
 * What the outbox counts for the operators (docs/DEPLOY.md has the queries): messages that reached
 * Teams, tries that had to be repeated, and messages parked for a team owner. A port, so the domain
 * and the worker know nothing of OpenTelemetry (bot/src/telemetry/ implements it).
 */
export interface DeliveryMetrics {
  /** A message posted or updated in Teams. */
  sent(job: OutboxJob['kind'] | 'redeliver'): void;
  /**
   * Tried again: a connector call after a 429/412/5xx or no answer (`connector`), or a whole queue
   * message left for its lease to run out (`job`).
   */
  retried(what: 'connector' | 'job'): void;
  /** Given up on and kept for a team owner to retry (GET /api/v1/teams/:teamId/parked). */
  parked(reason: ParkReason): void;
}

/** Counts nothing: without Application Insights, and in tests that do not look. */
export const NO_DELIVERY_METRICS: DeliveryMetrics = { sent: () => undefined, retried: () => undefined, parked: () => undefined };

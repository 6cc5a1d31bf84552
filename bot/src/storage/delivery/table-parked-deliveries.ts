import { odata } from '@azure/data-tables';
import { z } from 'zod';
import type { ParkedDeliveries, ParkedDelivery } from '../../domain/delivery/delivery';
import type { OutboxJob, OutgoingMessage } from '../../domain/delivery/outbox';
import { id, isoTime, parseRow, toEntity } from '../shared/entity-schema';
import { DELIVERY_TABLES, parkedKey, parkedPartition } from '../shared/keys';
import type { StorageTable } from '../shared/storage-table';
import { sweepRows } from './sweep-rows';

const reason = z.enum(['attempts-exhausted', 'rejected', 'no-address', 'poison']);

// The message and job are this service's own JSON; a record that no longer parses is refused by
// the row schema rather than half-read.
const jsonObject = z.string().transform((text, ctx): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  ctx.addIssue({ code: 'custom', message: 'not a JSON object' });
  return z.NEVER;
});

const row = z.object({
  tenantId: id,
  teamId: z.string(),
  parkedId: id,
  reason,
  attempts: z.number().int().min(0),
  lastError: z.string(),
  parkedAt: isoTime,
  retryRequestedAt: isoTime.optional(),
  message: jsonObject.optional(),
  job: jsonObject.optional(),
});

// Table Storage allows 64 KiB per string property; cards stay under 20 KB, so this only guards.
const MAX_JSON = 30_000;

function fromRow(r: z.output<typeof row>): ParkedDelivery {
  return {
    tenantId: r.tenantId,
    teamId: r.teamId,
    parkedId: r.parkedId,
    reason: r.reason,
    attempts: r.attempts,
    lastError: r.lastError,
    parkedAt: r.parkedAt,
    ...(r.retryRequestedAt ? { retryRequestedAt: r.retryRequestedAt } : {}),
    ...(r.message ? { message: r.message as unknown as OutgoingMessage } : {}),
    ...(r.job ? { job: r.job as unknown as OutboxJob } : {}),
  };
}

/** Parked deliveries in plParked, one partition per team so an owner's list is one query. */
export class TableParkedDeliveries implements ParkedDeliveries {
  constructor(private readonly table: StorageTable) {}

  async put(p: ParkedDelivery): Promise<void> {
    const message = p.message ? JSON.stringify(p.message) : undefined;
    const job = p.job ? JSON.stringify(p.job) : undefined;
    await this.table.upsert(
      toEntity(parkedKey(p.tenantId, p.teamId, p.parkedId), {
        tenantId: p.tenantId,
        teamId: p.teamId,
        parkedId: p.parkedId,
        reason: p.reason,
        attempts: p.attempts,
        lastError: p.lastError.slice(0, 1_000),
        parkedAt: p.parkedAt,
        retryRequestedAt: p.retryRequestedAt,
        message: message !== undefined && message.length <= MAX_JSON ? message : undefined,
        job,
      }),
    );
  }

  async get(tenantId: string, teamId: string, parkedId: string): Promise<ParkedDelivery | undefined> {
    const entity = await this.table.get(parkedKey(tenantId, teamId, parkedId));
    return entity && fromRow(parseRow(DELIVERY_TABLES.parked, entity, row, (r) => parkedKey(r.tenantId, r.teamId, r.parkedId)));
  }

  async listForTeam(tenantId: string, teamId: string): Promise<ParkedDelivery[]> {
    const rows = await this.table.listPartition(parkedPartition(tenantId, teamId));
    return rows.map((entity) => fromRow(parseRow(DELIVERY_TABLES.parked, entity, row, (r) => parkedKey(r.tenantId, r.teamId, r.parkedId))));
  }

  async remove(tenantId: string, teamId: string, parkedId: string): Promise<void> {
    await this.table.delete(parkedKey(tenantId, teamId, parkedId));
  }

  /** Parked before `before`; a retry an owner asked for since then keeps the row until it has run. */
  async sweep(before: Date): Promise<number> {
    const cutoff = before.toISOString();
    return sweepRows(this.table, odata`parkedAt lt ${cutoff}`, (entity) => {
      const { retryRequestedAt } = entity as { readonly retryRequestedAt?: unknown };
      return !(typeof retryRequestedAt === 'string' && retryRequestedAt >= cutoff);
    });
  }
}

import { z } from 'zod';
import { MEET_MODES, WEEKDAYS } from '../../domain/buddies/buddy';
import type { BuddyPair, BuddyRound } from '../../domain/buddies/buddy';
import { FORMER_COLLEAGUE_ID } from '../../domain/shared/person';
import { id, isoTime, parseRow, toEntity } from '../shared/entity-schema';
import { buddyRoundKey, TABLES } from '../shared/keys';
import { MalformedRowError } from '../shared/storage-errors';
import type { NewEntity, StoredEntity } from '../shared/storage-table';

/**
 * A string property holds at most 64 KiB (32 K UTF-16 characters): a round of hundreds of pairs with
 * their reasons is split over numbered properties (`pairs0`, `pairs1`…, with `pairsParts`).
 */
const PART_CHARS = 30_000;
/** 1 MiB per entity: parts beyond this could not be stored anyway. */
const MAX_PARTS = 30;

const pairSchema = z.object({
  members: z.array(id).min(2).max(3),
  reason: z.object({
    teaches: z.array(z.object({ from: id, to: id, skill: z.string().min(1), level: z.number().int().min(1).max(3) })),
    sharedLanguages: z.array(z.string()),
    sharedDays: z.array(z.enum(WEEKDAYS)),
    sharedModes: z.array(z.enum(MEET_MODES)),
  }),
  firstTopic: z.string().min(1).exactOptional(),
});

const roundRow = z.object({
  tenantId: id,
  poolId: id,
  roundId: id,
  trigger: z.enum(['schedule', 'owner']),
  startedAt: isoTime,
  checkInAt: isoTime,
  endsAt: isoTime,
  seed: z.number().int(),
});

const listsSchema = z.object({
  pairs: z.array(pairSchema),
  leftOver: z.array(id),
  skipped: z.array(id),
});

/** The JSON of the lists, split into parts. */
interface Lists {
  readonly pairs: readonly BuddyPair[];
  readonly leftOver: readonly string[];
  readonly skipped: readonly string[];
}

function listProperties(lists: Lists): Record<string, string | number> {
  const pairs = lists.pairs.map((p) => ({ members: p.members, reason: p.reason, ...(p.firstTopic ? { firstTopic: p.firstTopic } : {}) }));
  const text = JSON.stringify({ pairs, leftOver: lists.leftOver, skipped: lists.skipped });
  const parts = Math.max(1, Math.ceil(text.length / PART_CHARS));
  if (parts > MAX_PARTS) throw new RangeError(`A buddy round of ${text.length} characters does not fit in one row`);
  const out: Record<string, string | number> = { listParts: parts };
  for (let i = 0; i < parts; i += 1) out[`lists${i}`] = text.slice(i * PART_CHARS, (i + 1) * PART_CHARS);
  return out;
}

type AnyRow = { readonly partitionKey?: string; readonly rowKey?: string } & Readonly<Record<string, unknown>>;

function listsOf(entity: AnyRow): z.output<typeof listsSchema> {
  const where = `Row in ${TABLES.buddyRounds} (PartitionKey '${entity.partitionKey ?? ''}', RowKey '${entity.rowKey ?? ''}')`;
  const parts = entity['listParts'];
  if (typeof parts !== 'number' || !Number.isInteger(parts) || parts < 1 || parts > MAX_PARTS)
    throw new MalformedRowError(`${where}: listParts is not a count of parts`);
  let text = '';
  for (let i = 0; i < parts; i += 1) {
    const part = entity[`lists${i}`];
    if (typeof part !== 'string') throw new MalformedRowError(`${where}: lists${i} is missing`);
    text += part;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MalformedRowError(`${where}: its lists are not valid JSON`);
  }
  const parsed = listsSchema.safeParse(value);
  if (!parsed.success) throw new MalformedRowError(`${where}: its lists do not map: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

export function roundToEntity(r: BuddyRound): NewEntity {
  return toEntity(buddyRoundKey(r.tenantId, r.poolId, r.roundId), {
    tenantId: r.tenantId,
    poolId: r.poolId,
    roundId: r.roundId,
    trigger: r.trigger,
    startedAt: r.startedAt,
    checkInAt: r.checkInAt,
    endsAt: r.endsAt,
    seed: r.seed,
    ...listProperties(r),
  });
}

export function roundFromEntity(entity: StoredEntity): BuddyRound {
  const row = parseRow(TABLES.buddyRounds, entity, roundRow, (r) => buddyRoundKey(r.tenantId, r.poolId, r.roundId));
  return { ...row, ...listsOf(entity) };
}

const namesIn = (lists: z.output<typeof listsSchema>, userId: string): boolean =>
  lists.pairs.some((p) => p.members.includes(userId)) || lists.leftOver.includes(userId) || lists.skipped.includes(userId);

/** Whether the round's row names the person (in a pair, left over or skipped). */
export const roundRowNames = (entity: AnyRow, userId: string): boolean => namesIn(listsOf(entity), userId);

/**
 * What an export shows of a round: only the person's own pair (members never see the other pairs),
 * and whether they were left over or skipped. Keys and ETag stay, so an erase can find the row.
 */
export function roundRowAsSeenBy(entity: StoredEntity, userId: string): StoredEntity {
  const lists = listsOf(entity);
  const pair = lists.pairs.find((p) => p.members.includes(userId));
  return {
    partitionKey: entity.partitionKey ?? '',
    rowKey: entity.rowKey ?? '',
    etag: entity.etag,
    ...Object.fromEntries(['tenantId', 'poolId', 'roundId', 'trigger', 'startedAt', 'endsAt'].map((k) => [k, entity[k]])),
    myPair: pair ? JSON.stringify(pair) : '',
    leftOver: lists.leftOver.includes(userId),
    skipped: lists.skipped.includes(userId),
  };
}

/**
 * The row without the person: FORMER_COLLEAGUE_ID where they stood in a pair (so owners' counts keep
 * their shape), gone from who was left over or skipped. Undefined when the row does not name them.
 */
export function roundRowWithout(entity: NewEntity, userId: string): NewEntity | undefined {
  const lists = listsOf(entity);
  if (!namesIn(lists, userId)) return undefined;
  const swap = (member: string) => (member === userId ? FORMER_COLLEAGUE_ID : member);
  const pairs = lists.pairs.map((p) => ({
    ...p,
    members: p.members.map(swap),
    reason: { ...p.reason, teaches: p.reason.teaches.map((t) => ({ ...t, from: swap(t.from), to: swap(t.to) })) },
  }));
  const kept = Object.entries(entity).filter(([name]) => !/^lists\d+$/.test(name) && name !== 'listParts');
  return {
    ...(Object.fromEntries(kept) as NewEntity),
    ...listProperties({
      pairs,
      leftOver: lists.leftOver.filter((m) => m !== userId),
      skipped: lists.skipped.filter((m) => m !== userId),
    }),
  };
}

import type { ContributionChoice, EraseCounts, PersonalRecord } from '../../domain/privacy/personal-data';
import type { PersonRef } from '../../domain/shared/person';
import { DEFAULT_CONFLICT_RETRY, retryOnConflict } from '../shared/etag-retry';
import { escapeKeyPart } from '../shared/keys';
import type { EntityKey } from '../shared/keys';
import type { NewEntity, StorageTable, StoredEntity } from '../shared/storage-table';

/** Who is exported or erased, with what names them besides their id (read from the profile before anything changes). */
export interface PersonInView {
  readonly person: PersonRef;
  /** '' when there is no profile (any more). */
  readonly displayName: string;
  readonly email: string;
  /** Their 1:1 conversation with the bot, when an address is known: delivery rows name them by it. */
  readonly conversationId: string;
}

export interface EraseContext extends PersonInView {
  readonly contributions: ContributionChoice;
  /** Other people whose expert entry changed (an endorsement they received went away): announced on the change feed. */
  readonly changedPeople: Set<string>;
}

/**
 * How one table names a person: what it is for, how long its rows stay, which of its rows name the
 * person (`find`, also what an export holds) and what an erase does to those rows. `erase` must be
 * safe to run again on what is left after a crash: `find` finds only rows that still name them.
 */
export interface PrivacyRule {
  readonly purpose: string;
  readonly retention: string;
  find(table: StorageTable, who: PersonInView): Promise<StoredEntity[]>;
  erase(table: StorageTable, rows: readonly StoredEntity[], context: EraseContext): Promise<EraseCounts>;
}

/** A table that holds at most one row per person, at a key made from the person alone (a profile, a 1:1 address): found by a point read, erased by deleting it. */
export function singleRowRule(purpose: string, retention: string, keyOf: (person: PersonRef) => EntityKey): PrivacyRule {
  return {
    purpose,
    retention,
    async find(table, who) {
      const row = await table.get(keyOf(who.person));
      return row ? [row] : [];
    },
    erase: (table, rows) => removeAll(table, rows),
  };
}

export const NOTHING: EraseCounts = { removed: 0, anonymised: 0 };

export const sum = (counts: readonly EraseCounts[]): EraseCounts => ({
  removed: counts.reduce((n, c) => n + c.removed, 0),
  anonymised: counts.reduce((n, c) => n + c.anonymised, 0),
});

/** The PartitionKey range [from, to) of one tenant's partitions that start with `<escaped tenant>|` (`|` is followed by `}`). */
export function tenantPartitions(tenantId: string, prefix = ''): { readonly from: string; readonly to: string } {
  const start = `${prefix}${escapeKeyPart(tenantId)}`;
  return { from: `${start}|`, to: `${start}}` };
}

const STORAGE_FIELDS = new Set(['partitionKey', 'rowKey', 'etag', 'timestamp', 'odata.etag', 'odata.metadata']);

/** A row as plain data for an export: no keys, ETag or storage timestamp. */
export function plain(row: StoredEntity): PersonalRecord {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) if (!STORAGE_FIELDS.has(name)) out[name] = value;
  return out;
}

/** The row's own properties, to write it back changed (Table Storage holds strings, numbers and booleans). */
function writable(row: StoredEntity): NewEntity {
  const out: NewEntity = { partitionKey: row.partitionKey ?? '', rowKey: row.rowKey ?? '' };
  for (const [name, value] of Object.entries(row)) {
    if (STORAGE_FIELDS.has(name)) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[name] = value;
  }
  return out;
}

/** Whether `text` holds `name` as whole words, in any case ("Ann" names "thanks, ann!" but not "annual"). */
function holdsName(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(text);
}

/** Whether a text holds the person's id, display name or email (a name of two letters or fewer is too common to count). */
export function textNames(text: string, who: PersonInView): boolean {
  if (text.includes(who.person.userId) || text.includes(escapeKeyPart(who.person.userId))) return true;
  const name = who.displayName.trim();
  if (name.length > 2 && holdsName(text, name)) return true;
  if (who.email !== '' && text.toLowerCase().includes(who.email.toLowerCase())) return true;
  return who.conversationId !== '' && text.includes(who.conversationId);
}

/** Whether any property of the row (keys included) names the person by id. */
export function rowHoldsId(row: StoredEntity, userId: string): boolean {
  const escaped = escapeKeyPart(userId);
  return Object.entries(row).some(
    ([name, value]) => name !== 'etag' && typeof value === 'string' && (value.includes(userId) || value.includes(escaped)),
  );
}

/**
 * Rewrites one row under its ETag; on a lost race it reads the row again and applies `change` to
 * the fresh copy. `change` returns the row to write, or undefined when there is nothing to do.
 */
export async function rewrite(
  table: StorageTable,
  row: StoredEntity,
  change: (current: NewEntity) => NewEntity | undefined,
): Promise<boolean> {
  let current: StoredEntity | undefined = row;
  return retryOnConflict(`erasing a person from ${table.name}`, DEFAULT_CONFLICT_RETRY, async () => {
    current ??= await table.get({ partitionKey: row.partitionKey ?? '', rowKey: row.rowKey ?? '' });
    const seen = current;
    current = undefined;
    if (!seen) return false;
    const next = change(writable(seen));
    if (!next) return false;
    await table.replace(next, seen.etag);
    return true;
  });
}

/** Deletes rows (a row already gone counts as deleted). */
export async function removeAll(table: StorageTable, rows: readonly StoredEntity[]): Promise<EraseCounts> {
  for (const row of rows) await table.delete({ partitionKey: row.partitionKey ?? '', rowKey: row.rowKey ?? '' });
  return { removed: rows.length, anonymised: 0 };
}

/** Takes the id out of a JSON list held in a string property; undefined when the text is no such list or does not hold it. */
export function withoutInJsonList(text: string, userId: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  const names = (item: unknown): boolean =>
    item === userId ||
    (typeof item === 'object' && item !== null && Object.values(item as Record<string, unknown>).some((v) => v === userId));
  const kept = value.filter((item) => !names(item));
  return kept.length === value.length ? undefined : JSON.stringify(kept);
}

/**
 * For tables whose rows may hold someone's id in a field added later (a team's installer, a tenant's
 * admins): a property equal to the id goes, a JSON list loses the id or the entry that holds it.
 */
export function stripId(entity: NewEntity, userId: string): NewEntity {
  const out: NewEntity = { partitionKey: entity.partitionKey, rowKey: entity.rowKey };
  for (const [name, value] of Object.entries(entity)) {
    if (name === 'partitionKey' || name === 'rowKey') continue;
    if (value === userId) continue;
    out[name] = typeof value === 'string' ? (withoutInJsonList(value, userId) ?? value) : value;
  }
  return out;
}

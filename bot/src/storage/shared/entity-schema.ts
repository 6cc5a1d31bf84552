import { z } from 'zod';
import type { EntityKey } from './keys';
import { MalformedRowError } from './storage-errors';
import type { NewEntity, StoredEntity } from './storage-table';

/** Ids are never empty: an empty id would be a bug that wrote a row nobody can find. */
export const id = z.string().min(1);

/** Timestamps are ISO 8601 strings; reject anything `Date` cannot read. */
export const isoTime = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not an ISO 8601 time');

/** Arrays and objects live in string properties as JSON; the parsed value is checked by `schema`. */
export function jsonText<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

function where(table: string, entity: EntityKey): string {
  return `${table} (PartitionKey '${entity.partitionKey}', RowKey '${entity.rowKey}')`;
}

/**
 * Checks a stored row against its schema and against the keys its own ids produce, so a row that
 * was written by hand, by an old version or into the wrong partition is refused, not mapped.
 */
export function parseRow<S extends z.ZodType>(
  table: string,
  entity: StoredEntity,
  schema: S,
  expectedKey: (row: z.output<S>) => EntityKey,
): z.output<S> {
  const stored: EntityKey = { partitionKey: entity.partitionKey ?? '', rowKey: entity.rowKey ?? '' };
  const result = schema.safeParse(entity);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(row)'}: ${issue.message}`);
    throw new MalformedRowError(`Row in ${where(table, stored)} does not map: ${problems.join('; ')}`);
  }
  let key: EntityKey;
  try {
    key = expectedKey(result.data);
  } catch (error) {
    throw new MalformedRowError(`Row in ${where(table, stored)} has ids that make no key: ${String(error)}`, { cause: error });
  }
  if (key.partitionKey !== stored.partitionKey || key.rowKey !== stored.rowKey) {
    throw new MalformedRowError(
      `Row in ${where(table, stored)} does not match its ids (expected PartitionKey '${key.partitionKey}', RowKey '${key.rowKey}')`,
    );
  }
  return result.data;
}

/** Builds an entity to write, leaving out properties that are undefined (Table Storage has no null). */
export function toEntity(key: EntityKey, properties: Record<string, string | number | boolean | null | undefined>): NewEntity {
  const entity: NewEntity = { partitionKey: key.partitionKey, rowKey: key.rowKey };
  for (const [name, value] of Object.entries(properties)) {
    if (value !== undefined && value !== null) entity[name] = value;
  }
  return entity;
}

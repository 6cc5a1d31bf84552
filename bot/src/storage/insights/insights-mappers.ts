import { z } from 'zod';
import { GRANULARITIES } from '../../domain/insights/insights';
import type { SessionFact } from '../../domain/insights/insights';
import type { PeriodRollup } from '../../domain/insights/insights-repositories';
import { id, isoTime, parseRow, toEntity } from '../shared/entity-schema';
import { insightsFactKey, insightsPeriodKey, TABLES } from '../shared/keys';
import { MalformedRowError } from '../shared/storage-errors';
import type { NewEntity, StoredEntity } from '../shared/storage-table';

/**
 * A string property holds at most 64 KiB (32 K UTF-16 characters): the id sets of a team of 2,000
 * (about 80,000 characters of JSON) are split over numbered properties (`learnerIds0`, `learnerIds1`…,
 * with `learnerIdsParts`), like the buddy rounds' lists.
 */
const PART_CHARS = 30_000;
const MAX_PARTS = 30;

function splitJson(name: string, value: unknown): Record<string, string | number> {
  const text = JSON.stringify(value);
  const parts = Math.max(1, Math.ceil(text.length / PART_CHARS));
  if (parts > MAX_PARTS) throw new RangeError(`${name} of ${text.length} characters does not fit in one row`);
  const out: Record<string, string | number> = { [`${name}Parts`]: parts };
  for (let i = 0; i < parts; i += 1) out[`${name}${i}`] = text.slice(i * PART_CHARS, (i + 1) * PART_CHARS);
  return out;
}

/** The parts joined back: the whole text, or undefined when a part is missing (the schema then refuses the row). */
function joinedJson(entity: StoredEntity, name: string): unknown {
  const parts = entity[`${name}Parts`];
  if (typeof parts !== 'number' || !Number.isInteger(parts) || parts < 1 || parts > MAX_PARTS) return undefined;
  let text = '';
  for (let i = 0; i < parts; i += 1) {
    const part = entity[`${name}${i}`];
    if (typeof part !== 'string') return undefined;
    text += part;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const idList = z.array(id);
const tally = z.object({ answers: z.number().int().min(0), ratingSum: z.number().min(0), learnedYes: z.number().int().min(0) });

const factRow = z.object({
  tenantId: id,
  teamId: id,
  sessionId: id,
  title: z.string(),
  startsAt: isoTime,
  skills: z.array(z.string().min(1)),
  teacherIds: idList,
  attendeeIds: idList,
  answers: z.number().int().min(0),
  ratingSum: z.number().min(0),
  learnedYes: z.number().int().min(0),
  foldedAt: isoTime,
});

export function factToEntity(f: SessionFact): NewEntity {
  return toEntity(insightsFactKey(f.tenantId, f.teamId, f.startsAt, f.sessionId), {
    tenantId: f.tenantId,
    teamId: f.teamId,
    sessionId: f.sessionId,
    title: f.title,
    startsAt: new Date(f.startsAt).toISOString(),
    skills: JSON.stringify(f.skills),
    ...splitJson('teacherIds', f.teacherIds),
    ...splitJson('attendeeIds', f.attendeeIds),
    answers: f.feedback.answers,
    ratingSum: f.feedback.ratingSum,
    learnedYes: f.feedback.learnedYes,
    foldedAt: f.foldedAt,
  });
}

function parsedSkills(entity: StoredEntity): unknown {
  try {
    return typeof entity['skills'] === 'string' ? (JSON.parse(entity['skills']) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

export function factFromEntity(entity: StoredEntity): SessionFact {
  const assembled = {
    ...entity,
    skills: parsedSkills(entity),
    teacherIds: joinedJson(entity, 'teacherIds'),
    attendeeIds: joinedJson(entity, 'attendeeIds'),
  } as StoredEntity;
  const { answers, ratingSum, learnedYes, ...rest } = parseRow(TABLES.insights, assembled, factRow, (r) =>
    insightsFactKey(r.tenantId, r.teamId, r.startsAt, r.sessionId),
  );
  return { ...rest, feedback: { answers, ratingSum, learnedYes } };
}

const periodRow = z.object({
  tenantId: id,
  teamId: id,
  granularity: z.enum(GRANULARITIES),
  period: z.string().regex(/^\d{4}-(W\d{2}|\d{2})$/),
  startsAt: isoTime,
  sessionsHeld: z.number().int().min(0),
  attendances: z.number().int().min(0),
  learnerIds: idList,
  teacherIds: idList,
  answers: z.number().int().min(0),
  ratingSum: z.number().min(0),
  learnedYes: z.number().int().min(0),
  bySkill: z.record(z.string(), tally.extend({ sessions: z.number().int().min(0) })),
});

export function periodToEntity(p: PeriodRollup): NewEntity {
  return toEntity(insightsPeriodKey(p.tenantId, p.teamId, p.granularity, p.period), {
    tenantId: p.tenantId,
    teamId: p.teamId,
    granularity: p.granularity,
    period: p.period,
    startsAt: p.startsAt,
    sessionsHeld: p.sessionsHeld,
    attendances: p.attendances,
    ...splitJson('learnerIds', p.learnerIds),
    ...splitJson('teacherIds', p.teacherIds),
    answers: p.feedback.answers,
    ratingSum: p.feedback.ratingSum,
    learnedYes: p.feedback.learnedYes,
    ...splitJson('bySkill', p.bySkill),
  });
}

export function periodFromEntity(entity: StoredEntity): PeriodRollup {
  const assembled = {
    ...entity,
    learnerIds: joinedJson(entity, 'learnerIds'),
    teacherIds: joinedJson(entity, 'teacherIds'),
    bySkill: joinedJson(entity, 'bySkill'),
  } as StoredEntity;
  const { answers, ratingSum, learnedYes, ...rest } = parseRow(TABLES.insights, assembled, periodRow, (r) =>
    insightsPeriodKey(r.tenantId, r.teamId, r.granularity, r.period),
  );
  return { ...rest, feedback: { answers, ratingSum, learnedYes } };
}

/** Where a session's fact row is (its start when folded), from the pointer row. */
export function pointerStart(entity: StoredEntity): string {
  const startsAt = entity['startsAt'];
  if (typeof startsAt !== 'string' || Number.isNaN(Date.parse(startsAt)))
    throw new MalformedRowError(`Row in ${TABLES.insights} (RowKey '${entity.rowKey ?? ''}') has no start`);
  return startsAt;
}

/** Whether a property is one of the parts of a split list (`learnerIds0`, `learnerIdsParts`). */
export const isPartOf = (name: string, key: string): boolean => key.startsWith(name) && /^(\d+|Parts)$/.test(key.slice(name.length));

/** Privacy: rewrite an id list held in split properties (a row's own fields, as written back). */
export function rewriteIdList(entity: NewEntity, name: string, change: (ids: readonly string[]) => readonly string[]): NewEntity {
  const ids = joinedJson(entity as StoredEntity, name);
  if (!Array.isArray(ids)) return entity;
  const kept = Object.fromEntries(Object.entries(entity).filter(([key]) => !isPartOf(name, key)));
  return {
    ...kept,
    partitionKey: entity.partitionKey,
    rowKey: entity.rowKey,
    ...splitJson(name, change(ids.filter((v): v is string => typeof v === 'string'))),
  };
}

/** Privacy: the ids of a split list, as stored. */
export function idListOf(entity: StoredEntity, name: string): string[] {
  const ids = joinedJson(entity, name);
  return Array.isArray(ids) ? ids.filter((v): v is string => typeof v === 'string') : [];
}

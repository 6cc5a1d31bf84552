import { z } from 'zod';
import { MEET_MODES, MET_ANSWERS, WEEKDAYS } from '../../domain/buddies/buddy';
import type { BuddyMetAnswer, BuddyPreference } from '../../domain/buddies/buddy';
import type { BuddySchedule } from '../../domain/buddies/buddy-repositories';
import { id, isoTime, jsonText, parseRow, toEntity } from '../shared/entity-schema';
import { buddyAnswerKey, buddyPreferenceKey, buddyScheduleKey, TABLES } from '../shared/keys';
import type { NewEntity, StoredEntity } from '../shared/storage-table';

const availabilitySchema = z.object({
  days: z.array(z.enum(WEEKDAYS)).min(1),
  modes: z.array(z.enum(MEET_MODES)).min(1),
});

const preferenceRow = z.object({
  tenantId: id,
  poolId: id,
  userId: id,
  optIn: z.boolean(),
  skipNext: z.boolean(),
  availability: jsonText(availabilitySchema),
  updatedAt: isoTime,
});

export function preferenceToEntity(p: BuddyPreference): NewEntity {
  return toEntity(buddyPreferenceKey(p.tenantId, p.poolId, p.userId), {
    tenantId: p.tenantId,
    poolId: p.poolId,
    userId: p.userId,
    optIn: p.optIn,
    skipNext: p.skipNext,
    availability: JSON.stringify({ days: p.availability.days, modes: p.availability.modes }),
    updatedAt: p.updatedAt,
  });
}

export const preferenceFromEntity = (entity: StoredEntity): BuddyPreference =>
  parseRow(TABLES.buddyPreferences, entity, preferenceRow, (r) => buddyPreferenceKey(r.tenantId, r.poolId, r.userId));

const answerRow = z.object({
  tenantId: id,
  poolId: id,
  roundId: id,
  userId: id,
  answer: z.enum(MET_ANSWERS),
  answeredAt: isoTime,
});

export function answerToEntity(a: BuddyMetAnswer): NewEntity {
  return toEntity(buddyAnswerKey(a.tenantId, a.poolId, a.roundId, a.userId), {
    tenantId: a.tenantId,
    poolId: a.poolId,
    roundId: a.roundId,
    userId: a.userId,
    answer: a.answer,
    answeredAt: a.answeredAt,
  });
}

export const answerFromEntity = (entity: StoredEntity): BuddyMetAnswer =>
  parseRow(TABLES.buddyAnswers, entity, answerRow, (r) => buddyAnswerKey(r.tenantId, r.poolId, r.roundId, r.userId));

const scheduleRow = z.object({
  tenantId: id,
  poolId: id,
  everyWeeks: z.union([z.literal(1), z.literal(2), z.literal(4)]).optional(),
  weekday: z.enum(WEEKDAYS).optional(),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .optional(),
  nextDueAt: isoTime.optional(),
  firedSlot: isoTime.optional(),
  pendingRoundId: id.optional(),
  pendingAt: isoTime.optional(),
  updatedAt: isoTime,
});

export function scheduleToEntity(s: BuddySchedule): NewEntity {
  return toEntity(buddyScheduleKey(s.tenantId, s.poolId), {
    tenantId: s.tenantId,
    poolId: s.poolId,
    everyWeeks: s.cadence?.everyWeeks,
    weekday: s.cadence?.weekday,
    time: s.cadence?.time,
    nextDueAt: s.nextDueAt,
    firedSlot: s.firedSlot,
    pendingRoundId: s.pendingRoundId,
    pendingAt: s.pendingAt,
    updatedAt: s.updatedAt,
  });
}

export function scheduleFromEntity(entity: StoredEntity): BuddySchedule {
  const { everyWeeks, weekday, time, nextDueAt, firedSlot, pendingRoundId, pendingAt, ...rest } = parseRow(
    TABLES.buddySchedules,
    entity,
    scheduleRow,
    (r) => buddyScheduleKey(r.tenantId, r.poolId),
  );
  return {
    ...rest,
    ...(everyWeeks && weekday && time ? { cadence: { everyWeeks, weekday, time } } : {}),
    ...(nextDueAt ? { nextDueAt } : {}),
    ...(firedSlot ? { firedSlot } : {}),
    ...(pendingRoundId ? { pendingRoundId } : {}),
    ...(pendingAt ? { pendingAt } : {}),
  };
}

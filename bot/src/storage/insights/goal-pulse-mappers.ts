import { z } from 'zod';
import { GOAL_PERIODS } from '../../domain/insights/goals';
import type { TeamGoal } from '../../domain/insights/goals';
import { PULSE_QUESTIONS } from '../../domain/insights/pulse';
import type { Pulse } from '../../domain/insights/pulse';
import { id, isoTime, jsonText, parseRow, toEntity } from '../shared/entity-schema';
import { pulseAnswerKey, pulseKey, TABLES, teamGoalsKey } from '../shared/keys';
import type { NewEntity, StoredEntity } from '../shared/storage-table';

const target = z.number().int().min(1);
const goal = z.discriminatedUnion('kind', [
  z.object({ goalId: id, kind: z.enum(['sessions', 'teachers', 'participation']), target, period: z.enum(GOAL_PERIODS) }),
  z.object({
    goalId: id,
    kind: z.literal('skillCoverage'),
    target,
    skill: z.string().min(1),
    due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
]);
const goalsRow = z.object({ tenantId: id, teamId: id, goals: jsonText(z.array(goal)), updatedAt: isoTime });

export function teamGoalsToEntity(tenantId: string, teamId: string, goals: readonly TeamGoal[], updatedAt: string): NewEntity {
  return toEntity(teamGoalsKey(tenantId, teamId), { tenantId, teamId, goals: JSON.stringify(goals), updatedAt });
}

export function teamGoalsFromEntity(entity: StoredEntity): TeamGoal[] {
  return parseRow(TABLES.teamGoals, entity, goalsRow, (r) => teamGoalsKey(r.tenantId, r.teamId)).goals;
}

const counts = z.tuple([
  z.number().int().min(0),
  z.number().int().min(0),
  z.number().int().min(0),
  z.number().int().min(0),
  z.number().int().min(0),
]);
const pulseRow = z.object({
  tenantId: id,
  teamId: id,
  pulseId: id,
  channelId: id,
  postedBy: id,
  postedAt: isoTime,
  closesAt: isoTime,
  responses: z.number().int().min(0),
  counts: jsonText(
    z.object(Object.fromEntries(PULSE_QUESTIONS.map((q) => [q, counts])) as Record<(typeof PULSE_QUESTIONS)[number], typeof counts>),
  ),
});

export function pulseToEntity(p: Pulse): NewEntity {
  return toEntity(pulseKey(p.tenantId, p.teamId, p.pulseId), {
    tenantId: p.tenantId,
    teamId: p.teamId,
    pulseId: p.pulseId,
    channelId: p.channelId,
    postedBy: p.postedBy,
    postedAt: p.postedAt,
    closesAt: p.closesAt,
    responses: p.responses,
    counts: JSON.stringify(p.counts),
  });
}

export function pulseFromEntity(entity: StoredEntity): Pulse {
  return parseRow(TABLES.pulses, entity, pulseRow, (r) => pulseKey(r.tenantId, r.teamId, r.pulseId));
}

/** The answer marker: the pulse it belongs to and nothing else (no person, no scores). */
export function answerMarkerToEntity(tenantId: string, teamId: string, pulseId: string, marker: string): NewEntity {
  return toEntity(pulseAnswerKey(tenantId, teamId, pulseId, marker), { pulseId });
}

import { z } from 'zod';
import { LEARNING_REQUEST_STATUSES } from '../../domain/requests/learning-request';
import type { LearningRequest, LearningRequestVote } from '../../domain/requests/learning-request';
import { id, isoTime, parseRow, toEntity } from '../shared/entity-schema';
import { learningRequestKey, learningRequestVoteKey, openSkillRequestKey, TABLES } from '../shared/keys';
import type { NewEntity, StoredEntity } from '../shared/storage-table';

const requestRow = z.object({
  tenantId: id,
  teamId: id,
  requestId: id,
  authorUserId: id,
  skill: z.string().min(1),
  note: z.string().min(1).optional(),
  status: z.enum(LEARNING_REQUEST_STATUSES),
  votes: z.number().int().min(0),
  takenBy: z.string().min(1).optional(),
  sessionId: z.string().min(1).optional(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

export function learningRequestToEntity(r: LearningRequest): NewEntity {
  return toEntity(learningRequestKey(r.tenantId, r.teamId, r.requestId), {
    tenantId: r.tenantId,
    teamId: r.teamId,
    requestId: r.requestId,
    authorUserId: r.authorUserId,
    skill: r.skill,
    note: r.note,
    status: r.status,
    votes: r.votes,
    takenBy: r.takenBy,
    sessionId: r.sessionId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  });
}

export function learningRequestFromEntity(entity: StoredEntity): LearningRequest {
  const { note, takenBy, sessionId, ...rest } = parseRow(TABLES.learningRequests, entity, requestRow, (r) =>
    learningRequestKey(r.tenantId, r.teamId, r.requestId),
  );
  return { ...rest, ...(note ? { note } : {}), ...(takenBy ? { takenBy } : {}), ...(sessionId ? { sessionId } : {}) };
}

const voteRow = z.object({ tenantId: id, teamId: id, requestId: id, userId: id, votedAt: isoTime });

export function voteToEntity(v: LearningRequestVote): NewEntity {
  return toEntity(learningRequestVoteKey(v.tenantId, v.teamId, v.requestId, v.userId), {
    tenantId: v.tenantId,
    teamId: v.teamId,
    requestId: v.requestId,
    userId: v.userId,
    votedAt: v.votedAt,
  });
}

export function voteFromEntity(entity: StoredEntity): LearningRequestVote {
  return parseRow(TABLES.learningRequests, entity, voteRow, (v) => learningRequestVoteKey(v.tenantId, v.teamId, v.requestId, v.userId));
}

/** The marker of a skill's open request in a team (see keys.ts). */
interface OpenSkillMarker {
  readonly tenantId: string;
  readonly teamId: string;
  readonly skillKey: string;
  readonly requestId: string;
}

const markerRow = z.object({ tenantId: id, teamId: id, skillKey: id, requestId: id });

export function markerToEntity(m: OpenSkillMarker): NewEntity {
  return toEntity(openSkillRequestKey(m.tenantId, m.teamId, m.skillKey), {
    tenantId: m.tenantId,
    teamId: m.teamId,
    skillKey: m.skillKey,
    requestId: m.requestId,
  });
}

export function markerFromEntity(entity: StoredEntity): OpenSkillMarker {
  return parseRow(TABLES.learningRequests, entity, markerRow, (m) => openSkillRequestKey(m.tenantId, m.teamId, m.skillKey));
}

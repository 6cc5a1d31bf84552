import { z } from 'zod';
import { RSVP_RESPONSES } from '../../domain/sessions/session';
import type { Rsvp } from '../../domain/sessions/session';
import { id, isoTime, parseRow, toEntity } from '../shared/entity-schema';
import { rsvpKey, rsvpOfUserKey, TABLES } from '../shared/keys';
import type { NewEntity, StoredEntity } from '../shared/storage-table';

const row = z.object({
  tenantId: id,
  teamId: id,
  sessionId: id,
  userId: id,
  response: z.enum(RSVP_RESPONSES),
  respondedAt: isoTime,
  waitlisted: z.boolean().optional(),
});

function fields(rsvp: Rsvp) {
  return {
    tenantId: rsvp.tenantId,
    teamId: rsvp.teamId,
    sessionId: rsvp.sessionId,
    userId: rsvp.userId,
    response: rsvp.response,
    respondedAt: rsvp.respondedAt,
    waitlisted: rsvp.waitlisted ? true : undefined,
  };
}

export function rsvpToEntity(rsvp: Rsvp): NewEntity {
  return toEntity(rsvpKey(rsvp.tenantId, rsvp.sessionId, rsvp.userId), fields(rsvp));
}

/** The person-indexed copy of an answer (see keys.ts). */
export function rsvpOfUserToEntity(rsvp: Rsvp): NewEntity {
  return toEntity(rsvpOfUserKey(rsvp.tenantId, rsvp.userId, rsvp.sessionId), fields(rsvp));
}

export function rsvpFromEntity(entity: StoredEntity): Rsvp {
  const { waitlisted, ...rest } = parseRow(TABLES.rsvps, entity, row, (r) => rsvpKey(r.tenantId, r.sessionId, r.userId));
  return waitlisted ? { ...rest, waitlisted } : rest;
}

export function rsvpOfUserFromEntity(entity: StoredEntity): Rsvp {
  const { waitlisted, ...rest } = parseRow(TABLES.rsvps, entity, row, (r) => rsvpOfUserKey(r.tenantId, r.userId, r.sessionId));
  return waitlisted ? { ...rest, waitlisted } : rest;
}

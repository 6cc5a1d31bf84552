import { z } from 'zod';
import { RSVP_RESPONSES } from '../domain/session';
import type { Rsvp } from '../domain/session';
import { id, isoTime, parseRow, toEntity } from './entity-schema';
import { rsvpKey, TABLES } from './keys';
import type { NewEntity, StoredEntity } from './storage-table';

const row = z.object({
  tenantId: id,
  teamId: id,
  sessionId: id,
  userId: id,
  response: z.enum(RSVP_RESPONSES),
  respondedAt: isoTime,
  waitlisted: z.boolean().optional(),
});

export function rsvpToEntity(rsvp: Rsvp): NewEntity {
  return toEntity(rsvpKey(rsvp.tenantId, rsvp.sessionId, rsvp.userId), {
    tenantId: rsvp.tenantId,
    teamId: rsvp.teamId,
    sessionId: rsvp.sessionId,
    userId: rsvp.userId,
    response: rsvp.response,
    respondedAt: rsvp.respondedAt,
    waitlisted: rsvp.waitlisted ? true : undefined,
  });
}

export function rsvpFromEntity(entity: StoredEntity): Rsvp {
  const { waitlisted, ...rest } = parseRow(TABLES.rsvps, entity, row, (r) => rsvpKey(r.tenantId, r.sessionId, r.userId));
  return waitlisted ? { ...rest, waitlisted } : rest;
}

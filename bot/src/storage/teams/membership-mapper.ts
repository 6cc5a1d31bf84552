import { z } from 'zod';
import type { Membership } from '../../domain/teams/team';
import { id, isoTime, parseRow, toEntity } from '../shared/entity-schema';
import { membershipByTeamKey, membershipByUserKey, TABLES } from '../shared/keys';
import type { EntityKey } from '../shared/keys';
import type { NewEntity, StoredEntity } from '../shared/storage-table';

/** The two rows of one membership: under its team, and under its user. */
type MembershipRowKind = 'byTeam' | 'byUser';

const row = z.object({
  tenantId: id,
  teamId: id,
  userId: id,
  role: z.enum(['owner', 'member']),
  joinedAt: isoTime,
  // Rows from before issue #15 have no name; toEntity never writes undefined, so absent is a missing column.
  displayName: z.string().exactOptional(),
});

export function membershipKey(kind: MembershipRowKind, m: Pick<Membership, 'tenantId' | 'teamId' | 'userId'>): EntityKey {
  return kind === 'byTeam' ? membershipByTeamKey(m.tenantId, m.teamId, m.userId) : membershipByUserKey(m.tenantId, m.teamId, m.userId);
}

export function membershipToEntity(kind: MembershipRowKind, membership: Membership): NewEntity {
  return toEntity(membershipKey(kind, membership), {
    tenantId: membership.tenantId,
    teamId: membership.teamId,
    userId: membership.userId,
    role: membership.role,
    joinedAt: membership.joinedAt,
    displayName: membership.displayName || undefined,
  });
}

export function membershipFromEntity(kind: MembershipRowKind, entity: StoredEntity): Membership {
  return parseRow(TABLES.memberships, entity, row, (r) => membershipKey(kind, r));
}

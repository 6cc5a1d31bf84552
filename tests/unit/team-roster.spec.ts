import { describe, expect, it } from '@jest/globals';
import { planRosterSync } from '../../bot/src/domain/teams/team-roster';
import type { Membership } from '../../bot/src/domain/teams/team';

const AT = new Date('2026-11-27T10:00:00Z');
const m = (userId: string, role: Membership['role'], joinedAt = '2026-01-01T00:00:00.000Z'): Membership => ({
  tenantId: 't',
  teamId: 'x',
  userId,
  role,
  joinedAt,
});
const r = (userId: string) => ({ userId, displayName: userId.toUpperCase() });

describe('planRosterSync', () => {
  it('a first read: the installer owns, the rest are members, joined now', () => {
    const change = planRosterSync('t', 'x', [], [r('ann'), r('bob')], 'ann', AT);
    expect(change.upsert).toEqual([m('ann', 'owner', AT.toISOString()), m('bob', 'member', AT.toISOString())]);
    expect(change.remove).toEqual([]);
  });

  it('keeps known owners and join dates, writes only what changed, removes who left', () => {
    const stored = [m('ann', 'owner'), m('bob', 'member'), m('cleo', 'member')];
    const change = planRosterSync('t', 'x', stored, [r('ann'), r('bob'), r('dirk')], 'bob', AT);
    expect(change.upsert).toEqual([m('bob', 'owner'), m('dirk', 'member', AT.toISOString())]);
    expect(change.remove).toEqual(['cleo']);
  });

  it('an installer that is not on the roster (a bot, an admin outside the team) owns nothing', () => {
    const change = planRosterSync('t', 'x', [], [r('ann')], 'admin', AT);
    expect(change.upsert).toEqual([m('ann', 'member', AT.toISOString())]);
  });
});

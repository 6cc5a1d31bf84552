import { describe, expect, it } from '@jest/globals';
import { isDemoTeam, peopleKeptOnRosterRead } from '../../bot/src/domain/demo/demo-guard';
import { DEMO_PEOPLE, DEMO_TEAM_ID, DEMO_TENANT_ID } from '../../bot/src/domain/demo/demo-team';
import { planRosterSync } from '../../bot/src/domain/teams/team-roster';
import type { Membership } from '../../bot/src/domain/teams/team';

const AT = new Date('2026-11-27T10:00:00Z');
const m = (userId: string, role: Membership['role'], joinedAt = '2026-01-01T00:00:00.000Z'): Membership => ({
  tenantId: 't',
  teamId: 'x',
  userId,
  role,
  joinedAt,
  // The roster's name (see `r`): a membership keeps it, and nothing else of the person (issue #15).
  displayName: userId.toUpperCase(),
});
const r = (userId: string, displayName = userId.toUpperCase()) => ({ userId, displayName });
const installer = (installerId: string) => ({ from: 'installer' as const, installerId });
const graph = (...ownerIds: string[]) => ({ from: 'graph' as const, ownerIds: new Set(ownerIds) });

describe('planRosterSync', () => {
  it('a first read: the installer owns, the rest are members, joined now', () => {
    const change = planRosterSync('t', 'x', [], [r('ann'), r('bob')], installer('ann'), AT);
    expect(change.upsert).toEqual([m('ann', 'owner', AT.toISOString()), m('bob', 'member', AT.toISOString())]);
    expect(change.remove).toEqual([]);
  });

  it('keeps known owners and join dates, writes only what changed, removes who left', () => {
    const stored = [m('ann', 'owner'), m('bob', 'member'), m('cleo', 'member')];
    const change = planRosterSync('t', 'x', stored, [r('ann'), r('bob'), r('dirk')], installer('bob'), AT);
    expect(change.upsert).toEqual([m('bob', 'owner'), m('dirk', 'member', AT.toISOString())]);
    expect(change.remove).toEqual(['cleo']);
  });

  it('never removes the people it is told to keep (the demo people of the demo team, issue #12)', () => {
    const stored = [m('ann', 'owner'), m('bob', 'member'), m('cleo', 'member')];
    const change = planRosterSync('t', 'x', stored, [r('ann')], installer('ann'), AT, new Set(['bob']));
    expect(change.remove).toEqual(['cleo']);
  });

  it('keeps all 13 demo people in the demo team only; other teams of the tenant and other tenants keep nobody', () => {
    expect([...peopleKeptOnRosterRead(DEMO_TENANT_ID, DEMO_TEAM_ID)].sort()).toEqual(DEMO_PEOPLE.map((p) => p.userId).sort());
    expect(DEMO_PEOPLE).toHaveLength(13);
    expect(peopleKeptOnRosterRead(DEMO_TENANT_ID, '19:other@thread.tacv2').size).toBe(0);
    expect(peopleKeptOnRosterRead('another-tenant', DEMO_TEAM_ID).size).toBe(0);
    expect([isDemoTeam(DEMO_TENANT_ID, DEMO_TEAM_ID), isDemoTeam('another-tenant', DEMO_TEAM_ID)]).toEqual([true, false]);
  });

  it('an installer that is not on the roster (a bot, an admin outside the team) owns nothing', () => {
    const change = planRosterSync('t', 'x', [], [r('ann')], installer('admin'), AT);
    expect(change.upsert).toEqual([m('ann', 'member', AT.toISOString())]);
  });

  it("with Graph's answer: Graph's owners own, everyone else is a member, the installer and known owners included", () => {
    const stored = [m('ann', 'owner'), m('bob', 'member'), m('cleo', 'owner')];
    const change = planRosterSync('t', 'x', stored, [r('ann'), r('bob'), r('cleo'), r('dirk')], graph('bob', 'dirk'), AT);
    expect(change.upsert).toEqual([m('ann', 'member'), m('bob', 'owner'), m('cleo', 'member'), m('dirk', 'owner', AT.toISOString())]);
    expect(change.remove).toEqual([]);
  });

  it("matches Graph's lowercase ids whatever the case of the roster's, and writes nothing that already agrees", () => {
    const id = '6B3D0C8E-0000-4000-8000-00000000000A';
    expect(planRosterSync('t', 'x', [], [r(id)], graph(id.toLowerCase()), AT).upsert).toEqual([m(id, 'owner', AT.toISOString())]);
    expect(planRosterSync('t', 'x', [m(id, 'owner'), m('bob', 'member')], [r(id), r('bob')], graph(id.toLowerCase()), AT).upsert).toEqual(
      [],
    );
  });

  it('keeps names current: a renamed person and a row from before names are rewritten; an empty roster name keeps the stored one', () => {
    const { displayName: _none, ...unnamed } = m('bob', 'member');
    const stored = [m('ann', 'member'), unnamed, m('cleo', 'member')];
    const change = planRosterSync('t', 'x', stored, [r('ann', 'Ann Renamed'), r('bob'), r('cleo', '')], installer('nobody'), AT);
    expect(change.upsert).toEqual([{ ...m('ann', 'member'), displayName: 'Ann Renamed' }, m('bob', 'member')]);
    expect(change.remove).toEqual([]);
  });
});

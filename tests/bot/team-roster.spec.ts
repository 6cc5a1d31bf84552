import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '../support/eventually';
import type { ApiError, TipView } from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { botAddedToTeam, MEGAN, PLAYGROUND_TENANT, postActivity } from '../support/activities';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector, RosterMember } from '../support/fake-connector';
import { devToken, startTestService } from '../support/service';

let service: RunningService;
let connector: FakeConnector;

beforeAll(async () => {
  [service, connector] = await Promise.all([startTestService({ seedDemo: false }), startFakeConnector()]);
});
afterAll(async () => {
  await Promise.all([service?.close(), connector?.close()]);
});

const oid = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
const person = (n: number, name = `Colleague ${n}`): RosterMember => ({ id: `29:user-${n}`, name, aadObjectId: oid(n), userRole: 'user' });

/** A member joining or leaving a team, as Teams posts it in the team's General channel. */
function memberEvent(
  team: { id: string; name: string },
  change: 'membersAdded' | 'membersRemoved',
  members: readonly { id: string; aadObjectId?: string }[],
) {
  return {
    ...botAddedToTeam(connector.serviceUrl, team),
    membersAdded: undefined,
    [change]: members,
    channelData: {
      tenant: { id: PLAYGROUND_TENANT },
      team,
      eventType: change === 'membersAdded' ? 'teamMemberAdded' : 'teamMemberRemoved',
    },
  };
}

async function members(teamId: string) {
  return (await service.repositories.teams.listMembers(PLAYGROUND_TENANT, teamId)).map((m) => [m.userId, m.role]).sort();
}

async function nameIn(teamId: string, userId: string) {
  return (await service.repositories.teams.listMembers(PLAYGROUND_TENANT, teamId)).find((m) => m.userId === userId)?.displayName;
}

describe('the team roster, kept by the bot', () => {
  it('reads the whole roster (over several pages) when added to a team: the installer owns, everyone else is a member', async () => {
    const team = { id: '19:roster-a@thread.tacv2', name: 'Roster A' };
    const roster = [{ ...MEGAN, userRole: 'user' }, ...Array.from({ length: 1200 }, (_, i) => person(100 + i))];
    // A guest from outside without an object id cannot be a PeerLearn person.
    connector.rosters.set(team.id, [...roster, { id: '29:no-oid', name: 'Somebody' }]);
    const res = await postActivity(service.url, botAddedToTeam(connector.serviceUrl, team));
    expect(res.status).toBe(200);
    // The install turn ends before the roster is stored: Teams must not wait (and resend) for a big team.
    expect((await members(team.id)).length).toBeLessThan(1201);

    const stored = await eventually(
      async () => {
        const now = await members(team.id);
        expect(now).toHaveLength(1201);
        return now;
      },
      { timeout: 30_000, interval: 100 },
    );
    expect(stored.filter(([, role]) => role === 'owner')).toEqual([[MEGAN.aadObjectId, 'owner']]);
    // Three pages of at most 500.
    expect(connector.requests.filter((r) => r.path.endsWith('/pagedmembers')).length).toBe(3);
    // Names for the planning form's pickers and the board, in the memberships: no profiles (issue #15).
    expect(await nameIn(team.id, oid(1299))).toBe('Colleague 1299');
    expect(await service.repositories.members.get(PLAYGROUND_TENANT, oid(1299))).toBeUndefined();
  }, 60_000);

  it('adds people who join and removes people who leave; a reinstall drops who left meanwhile and keeps the owners', async () => {
    const team = { id: '19:roster-b@thread.tacv2', name: 'Roster B' };
    connector.rosters.set(team.id, [{ id: MEGAN.id, name: MEGAN.name, aadObjectId: MEGAN.aadObjectId ?? '' }, person(1), person(2)]);
    await postActivity(service.url, botAddedToTeam(connector.serviceUrl, team));
    await eventually(async () =>
      expect(await members(team.id)).toEqual(
        [
          [oid(1), 'member'],
          [oid(2), 'member'],
          [MEGAN.aadObjectId, 'owner'],
        ].sort(),
      ),
    );

    // A join event carries ids only; the name comes from the roster.
    connector.rosters.get(team.id)?.push(person(3, 'Noor Bakker'));
    await postActivity(service.url, memberEvent(team, 'membersAdded', [{ id: '29:user-3', aadObjectId: oid(3) }]));
    expect(await members(team.id)).toContainEqual([oid(3), 'member']);
    expect(await nameIn(team.id, oid(3))).toBe('Noor Bakker');
    expect(await service.repositories.members.get(PLAYGROUND_TENANT, oid(3))).toBeUndefined();

    await postActivity(service.url, memberEvent(team, 'membersRemoved', [{ id: '29:user-1', aadObjectId: oid(1) }]));
    expect((await members(team.id)).map(([id]) => id)).not.toContain(oid(1));

    // Someone left while the app was not listening; the reinstall (by someone else) reads the roster again.
    connector.rosters.set(team.id, [{ id: MEGAN.id, name: MEGAN.name, aadObjectId: MEGAN.aadObjectId ?? '' }, person(3, 'Noor Bakker')]);
    await postActivity(service.url, {
      ...botAddedToTeam(connector.serviceUrl, team),
      from: { id: '29:user-3', name: 'Noor Bakker', aadObjectId: oid(3) },
    });
    await eventually(async () =>
      expect(await members(team.id)).toEqual(
        [
          [oid(3), 'owner'],
          [MEGAN.aadObjectId, 'owner'],
        ].sort(),
      ),
    );
  });

  it('lets a member of a real (non-demo) team post a tip from the tab; someone outside the team gets 403', async () => {
    const team = { id: '19:roster-c@thread.tacv2', name: 'Roster C' };
    connector.rosters.set(team.id, [person(7, 'Sanne de Vries')]);
    await postActivity(service.url, botAddedToTeam(connector.serviceUrl, team));
    // The installer is an owner at once; the roster read brings in the rest.
    await eventually(async () => expect((await members(team.id)).map(([userId]) => userId)).toContain(oid(7)));
    const post = async (userId: string) => {
      const token = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId, name: 'x' });
      return fetch(`${service.url}/api/v1/teams/${encodeURIComponent(team.id)}/tips`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Use keyboard shortcuts in Teams', body: 'Ctrl+. shows them all.', skills: ['Teams'] }),
      });
    };
    const member = await post(oid(7));
    expect(member.status).toBe(201);
    expect(((await member.json()) as TipView).title).toBe('Use keyboard shortcuts in Teams');
    const outsider = await post(oid(999));
    expect(outsider.status).toBe(403);
    expect(((await outsider.json()) as ApiError).error.code).toBe('not_member');
  });

  it('still welcomes the team when the roster cannot be read, with the person who added the app as its owner', async () => {
    const team = { id: '19:roster-d@thread.tacv2', name: 'Roster D' };
    connector.sent.length = 0;
    const res = await postActivity(service.url, botAddedToTeam(connector.serviceUrl, team));
    expect(res.status).toBe(200);
    const [welcome] = await connector.waitFor(1);
    expect(welcome?.conversationId).toBe(team.id);
    expect((await members(team.id)).map(([userId, role]) => [userId, role])).toEqual([[MEGAN.aadObjectId, 'owner']]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError, CreateSessionResponse, ExpertsResponse, TeamSessionsResponse } from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { botAddedToTeam, MEGAN, PLAYGROUND_TENANT, personalMessage, postActivity } from '../support/activities';
import { eventually } from '../support/eventually';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector, RosterMember } from '../support/fake-connector';
import { callApi, devToken, startTestService } from '../support/service';

/**
 * Issue #15, "keep less": a roster read stores ids and names in the memberships only (no profiles for
 * people who never used the app, so nobody finds them as experts), and removing the app from a team
 * removes its memberships and address.
 */
let service: RunningService;
let connector: FakeConnector;

beforeAll(async () => {
  [service, connector] = await Promise.all([startTestService({ seedDemo: false }), startFakeConnector()]);
});
afterAll(async () => {
  await Promise.all([service?.close(), connector?.close()]);
});

const N = 40;
const oid = (n: number) => `00000000-0000-0000-0000-0000000f${String(n).padStart(4, '0')}`;
const person = (n: number): RosterMember => ({ id: `29:kl-${n}`, name: `Rosterling ${n}`, aadObjectId: oid(n), userRole: 'user' });
const megan = { id: MEGAN.id, name: MEGAN.name, aadObjectId: MEGAN.aadObjectId ?? '', userRole: 'user' };
const asMegan = () => devToken(service, { tenantId: PLAYGROUND_TENANT, userId: MEGAN.aadObjectId ?? '', name: MEGAN.name });

async function install(team: { id: string; name: string }, people: number) {
  connector.rosters.set(team.id, [megan, ...Array.from({ length: people }, (_, i) => person(i + 1))]);
  expect((await postActivity(service.url, botAddedToTeam(connector.serviceUrl, team))).status).toBe(200);
  return eventually(async () => {
    const stored = await service.repositories.teams.listMembers(PLAYGROUND_TENANT, team.id);
    expect(stored).toHaveLength(people + 1);
    return stored;
  });
}

/** Expert search as the tab asks it; the tenant's index may still be warming (503) at first. */
async function experts(q: string): Promise<string[]> {
  const token = await asMegan();
  return eventually(async () => {
    const res = await callApi<ExpertsResponse>(service, token, 'GET', `/experts?q=${encodeURIComponent(q)}&count=25`);
    expect(res.status).toBe(200);
    return res.body.results.map((r) => r.displayName);
  });
}

describe('a roster read keeps ids and names only', () => {
  const team = { id: '19:keep-less-a@thread.tacv2', name: 'Keep less A' };

  it(`stores ${N} memberships with ids and names, no profiles; nobody finds them until they tell a skill`, async () => {
    const stored = await install(team, N);
    for (const m of stored.filter((m) => m.userId !== MEGAN.aadObjectId)) {
      expect(Object.keys(m).sort()).toEqual(['displayName', 'joinedAt', 'role', 'teamId', 'tenantId', 'userId']);
      expect(m.displayName).toMatch(/^Rosterling \d+$/);
    }
    const ids = Array.from({ length: N }, (_, i) => oid(i + 1));
    expect(await service.repositories.members.getMany(PLAYGROUND_TENANT, ids)).toEqual([]);
    expect(await experts('Rosterling')).toEqual([]);

    // Someone tells the bot a skill: now they used the app, have a profile and are an expert.
    const seven = person(7);
    await postActivity(service.url, personalMessage(connector.serviceUrl, 'my skills: Kubernetes', { ...seven, aadObjectId: oid(7) }));
    expect((await service.repositories.members.get(PLAYGROUND_TENANT, oid(7)))?.teaches.map((s) => s.name)).toEqual(['Kubernetes']);
    await eventually(async () => expect(await experts('Rosterling')).toEqual(['Rosterling 7']));
    expect(await experts('kubernetes')).toEqual(['Rosterling 7']);
    // Still nobody else: the others never used the app.
    expect(await service.repositories.members.getMany(PLAYGROUND_TENANT, ids)).toHaveLength(1);
  }, 60_000);

  it('names a roster-only teacher on the board from the membership', async () => {
    const token = await asMegan();
    const teamPath = `/teams/${encodeURIComponent(team.id)}`;
    const startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const created = await callApi<CreateSessionResponse>(service, token, 'POST', `${teamPath}/sessions`, {
      title: 'Roster names',
      startsAt,
      durationMinutes: 30,
      channelId: team.id,
      teacherIds: [oid(12)],
    });
    expect(created.status).toBe(201);
    const board = await callApi<TeamSessionsResponse>(service, token, 'GET', `${teamPath}/sessions`);
    expect(board.body.sessions.find((s) => s.title === 'Roster names')?.teachers).toEqual([
      { userId: oid(12), displayName: 'Rosterling 12' },
    ]);
    expect(await service.repositories.members.get(PLAYGROUND_TENANT, oid(12))).toBeUndefined();
  });
});

/** The app removed from a team, as Teams says it: an installationUpdate and a conversationUpdate. */
function removal(team: { id: string; name: string }, kind: 'installationUpdate' | 'membersRemoved' | 'teamDeleted') {
  const base = { ...botAddedToTeam(connector.serviceUrl, team), membersAdded: undefined };
  if (kind === 'installationUpdate') return { ...base, type: 'installationUpdate', action: 'remove' };
  if (kind === 'teamDeleted') return { ...base, channelData: { ...base.channelData, eventType: 'teamDeleted' } };
  return { ...base, membersRemoved: [{ id: base.recipient.id }], channelData: { ...base.channelData, eventType: 'teamMemberRemoved' } };
}

describe('removing the app from a team', () => {
  it.each(['installationUpdate', 'membersRemoved', 'teamDeleted'] as const)(
    '%s: memberships (both rows) and the team address go, the board says the app is gone; a reinstall brings it back',
    async (kind) => {
      const team = { id: `19:keep-less-${kind}@thread.tacv2`, name: `Keep less ${kind}` };
      // More than one batch of 100 memberships.
      await install(team, 230);
      expect(await service.delivery.addresses.getTeam(PLAYGROUND_TENANT, team.id)).toBeDefined();
      const token = await asMegan();
      const board = () => callApi<TeamSessionsResponse | ApiError>(service, token, 'GET', `/teams/${encodeURIComponent(team.id)}/sessions`);
      expect((await board()).status).toBe(200);

      // Teams sends both events for one removal; each is handled, the second finds nothing left.
      expect((await postActivity(service.url, removal(team, kind))).status).toBe(200);
      expect((await postActivity(service.url, removal(team, 'installationUpdate'))).status).toBe(200);
      await eventually(async () => expect(await service.repositories.teams.listMembers(PLAYGROUND_TENANT, team.id)).toEqual([]), {
        timeout: 30_000,
      });
      for (const n of [1, 150, 230])
        expect(await service.repositories.teams.listTeamsOf(PLAYGROUND_TENANT, oid(n))).not.toContainEqual(
          expect.objectContaining({ teamId: team.id }),
        );
      expect(await service.delivery.addresses.getTeam(PLAYGROUND_TENANT, team.id)).toBeUndefined();
      const gone = await board();
      expect(gone.status).toBe(410);
      expect((gone.body as ApiError).error.code).toBe('not_installed');
      expect((gone.body as ApiError).error.message).toMatch(/no longer installed/);
      // The team row stays (sessions, settings) for a reinstall.
      expect((await service.repositories.teams.get(PLAYGROUND_TENANT, team.id))?.uninstalledAt).toBeDefined();

      await install(team, 3);
      expect((await service.repositories.teams.get(PLAYGROUND_TENANT, team.id))?.uninstalledAt).toBeUndefined();
      expect((await board()).status).toBe(200);
      expect(await service.delivery.addresses.getTeam(PLAYGROUND_TENANT, team.id)).toBeDefined();
    },
    90_000,
  );
});

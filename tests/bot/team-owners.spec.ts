import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type { Logger } from '../../bot/src/domain/shared/logger';
import { startService } from '../../bot/src/server';
import type { RunningService } from '../../bot/src/server';
import { botAddedToTeam, MEGAN, PLAYGROUND_TENANT, postActivity } from '../support/activities';
import { eventually } from '../support/eventually';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector, RosterMember } from '../support/fake-connector';
import { graphMember, startFakeGraph } from '../support/fake-graph';
import type { FakeGraph } from '../support/fake-graph';
import { startTestAzurite } from '../support/azurite';

// What is faked: Teams' Bot Connector (the roster) and Microsoft Graph, both local HTTP servers
// speaking their wire protocol, and Entra ID: the token provider below stands in for the bot's
// client-credentials request. The Graph client, the roster sync and storage are the real code.
const GRAPH_TOKEN = 'eyJ0eXAiOiJKV1QifQ.graph-token-for-the-bot.sig';

const warnings: string[] = [];
const log: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (message) => void warnings.push(message),
  error: () => undefined,
  scope: (_fields, work) => work(),
};

let service: RunningService;
let connector: FakeConnector;
let graph: FakeGraph;
const tokenRequests: string[] = [];

beforeAll(async () => {
  [connector, graph] = await Promise.all([startFakeConnector(), startFakeGraph({ token: GRAPH_TOKEN, pageSize: 2 })]);
  const config = { ...readConfig({ NODE_ENV: 'test', GRAPH_BASE_URL: graph.baseUrl }), port: 0, seedDemo: false };
  service = await startService(config, {
    log,
    inMemoryStorage: true,
    azurite: await startTestAzurite(),
    graphTokens: {
      token: async (tenantId) => {
        tokenRequests.push(tenantId);
        return GRAPH_TOKEN;
      },
    },
  });
});
afterAll(async () => {
  await Promise.all([service?.close(), connector?.close(), graph?.close()]);
});

const oid = (n: number) => `6b3d0c8e-0000-4000-8000-${String(n).padStart(12, '0')}`;
const person = (n: number): RosterMember => ({ id: `29:user-${n}`, name: `Colleague ${n}`, aadObjectId: oid(n), userRole: 'user' });
const megan: RosterMember = { id: MEGAN.id, name: MEGAN.name, aadObjectId: MEGAN.aadObjectId ?? '', userRole: 'user' };
const inGraph = (n: number, roles: string[] = []) => graphMember(oid(n), `Colleague ${n}`, PLAYGROUND_TENANT, roles);

/** The app added to a team by Megan, as Teams sends it: the team's Entra group id included. */
const installed = (team: { id: string; name: string; aadGroupId: string }) => {
  const activity = botAddedToTeam(connector.serviceUrl, team);
  return postActivity(service.url, { ...activity, channelData: { ...activity.channelData, team } });
};

async function roles(teamId: string) {
  return (await service.repositories.teams.listMembers(PLAYGROUND_TENANT, teamId)).map((m) => [m.userId, m.role]).sort();
}
const refusals = () => warnings.filter((w) => w.includes('refused'));

describe("team owners, from Microsoft Graph's members of the team", () => {
  const team = { id: '19:owners-a@thread.tacv2', name: 'Owners A', aadGroupId: '0a1b2c3d-0000-4000-8000-00000000000a' };

  it("makes Graph's owners (over several pages) the team's owners, and the installer a member when Graph says so", async () => {
    connector.rosters.set(team.id, [megan, person(1), person(2), person(3), person(4)]);
    graph.teams.set(team.aadGroupId, [
      graphMember(MEGAN.aadObjectId ?? '', MEGAN.name, PLAYGROUND_TENANT),
      inGraph(1, ['owner']),
      inGraph(2),
      inGraph(3),
      // A guest is no owner; the last owner is on the last page.
      graphMember(oid(9), 'Guest', 'another-tenant', ['guest']),
      inGraph(4, ['owner']),
    ]);
    expect((await installed(team)).status).toBe(200);
    await eventually(async () =>
      expect(await roles(team.id)).toEqual(
        [
          [MEGAN.aadObjectId, 'member'],
          [oid(1), 'owner'],
          [oid(2), 'member'],
          [oid(3), 'member'],
          [oid(4), 'owner'],
        ].sort(),
      ),
    );
    const calls = graph.requests.filter((r) => r.path.startsWith(`/v1.0/teams/${team.aadGroupId}/members`));
    expect(calls.map((c) => c.path)).toEqual([
      `/v1.0/teams/${team.aadGroupId}/members`,
      `/v1.0/teams/${team.aadGroupId}/members?$skiptoken=2`,
      `/v1.0/teams/${team.aadGroupId}/members?$skiptoken=4`,
    ]);
    expect(calls.every((c) => c.status === 200 && c.authorization === `Bearer ${GRAPH_TOKEN}`)).toBe(true);
    expect(tokenRequests).toContain(PLAYGROUND_TENANT);
    expect(refusals()).toEqual([]);
  });

  it('follows a promotion and a demotion in Graph at the next roster sync', async () => {
    graph.teams.set(team.aadGroupId, [
      graphMember(MEGAN.aadObjectId ?? '', MEGAN.name, PLAYGROUND_TENANT),
      inGraph(1),
      inGraph(2),
      inGraph(3, ['owner']),
      inGraph(4, ['owner']),
    ]);
    await installed(team);
    await eventually(async () =>
      expect(await roles(team.id)).toEqual(
        [
          [MEGAN.aadObjectId, 'member'],
          [oid(1), 'member'],
          [oid(2), 'member'],
          [oid(3), 'owner'],
          [oid(4), 'owner'],
        ].sort(),
      ),
    );
  });

  it('falls back to the installer rule when Graph refuses (no consent), with one warning for the tenant', async () => {
    const teamB = { id: '19:owners-b@thread.tacv2', name: 'Owners B', aadGroupId: '0a1b2c3d-0000-4000-8000-00000000000b' };
    const teamC = { id: '19:owners-c@thread.tacv2', name: 'Owners C', aadGroupId: '0a1b2c3d-0000-4000-8000-00000000000c' };
    for (const t of [teamB, teamC]) {
      graph.refused.add(t.aadGroupId);
      connector.rosters.set(t.id, [megan, person(5)]);
    }
    await installed(teamB);
    await eventually(async () =>
      expect(await roles(teamB.id)).toEqual(
        [
          [MEGAN.aadObjectId, 'owner'],
          [oid(5), 'member'],
        ].sort(),
      ),
    );
    await installed(teamC);
    await eventually(async () =>
      expect(await roles(teamC.id)).toEqual(
        [
          [MEGAN.aadObjectId, 'owner'],
          [oid(5), 'member'],
        ].sort(),
      ),
    );
    expect(graph.requests.filter((r) => r.status === 403)).toHaveLength(2);
    expect(refusals()).toEqual([expect.stringContaining('HTTP 403')]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TeamSessionsResponse } from '../../bot/src/api/contract';
import { loadTeamBoard } from '../../bot/src/domain/sessions/board';
import type { LearningSession } from '../../bot/src/domain/sessions/session';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { eventually } from '../support/eventually';
import { devToken, getJson, startTestService } from '../support/service';
import { TEAM_ID, people, seedTeam } from '../support/bot/session-fixtures';
import { useStorageCalls } from '../support/storage-calls';
import { session as storedSession } from '../support/storage/fixtures';

/**
 * The board names its people from the warm expert index (issue #16): a page of 24 sessions named up to
 * 48 people, each a point read of their profile (48 of the call's 54 storage requests). The index holds
 * every profile of the tenant, so once it is warm the board reads none; what it shows must stay what the
 * profiles say, also after another instance's rename (within a poll). Erasures and emptied names reaching
 * the index through the feed: tests/unit/expert-profile-names.spec.ts.
 */
const T = PLAYGROUND_TENANT;
const DAY = 24 * 3_600_000;
const RITA = '00000000-0000-0000-0000-00000000a0f1';
const path = `/api/v1/teams/${encodeURIComponent(TEAM_ID)}/sessions?limit=24`;
const countCalls = useStorageCalls();

let service: RunningService;
let token: string;

/** The storage fixture's session, on a day from now, naming exactly these people. */
function session(
  sessionId: string,
  inDays: number,
  roles: Pick<LearningSession, 'hostId' | 'teacherIds' | 'discussionLeaderId'>,
): LearningSession {
  const { discussionLeaderId: _fixturesLeader, ...row } = storedSession(T, TEAM_ID, sessionId, {
    startsAt: new Date(Date.now() + inDays * DAY).toISOString(),
  });
  return { ...row, ...roles };
}

/** Each session's people as the board shows them: host, teachers, discussion leader. */
type Named = [sessionId: string, host: string, teachers: string[], leader: string | undefined];

const shown = (body: TeamSessionsResponse): Named[] =>
  body.sessions.map((s) => [s.sessionId, s.host.displayName, s.teachers.map((p) => p.displayName), s.discussionLeader?.displayName]);

async function board(): Promise<Named[]> {
  const { status, body } = await getJson<TeamSessionsResponse>(service, path, token);
  expect(status).toBe(200);
  return shown(body);
}

/** The same page named from storage alone (the repositories, no index), as the API shows an unnamed person. */
async function fromStorage(): Promise<Named[]> {
  const team = await service.repositories.teams.get(T, TEAM_ID);
  if (!team) throw new Error('the team is gone');
  const page = await loadTeamBoard(service.repositories, team, new Date(), { limit: 24 });
  const name = (id: string) => page.people.get(id)?.displayName || '—';
  return page.sessions.map((s) => [
    s.sessionId,
    name(s.hostId),
    s.teacherIds.map(name),
    s.discussionLeaderId ? name(s.discussionLeaderId) : undefined,
  ]);
}

const profileReads = (calls: readonly { table: string }[]) => calls.filter((c) => c.table === 'plProfiles').length;

beforeAll(async () => {
  service = await startTestService({ seedDemo: false });
  await seedTeam(service.repositories, new Date());
  // Rita never used the app: no profile, named by the roster's membership row.
  await service.repositories.teams.addMembers([
    { tenantId: T, teamId: TEAM_ID, userId: RITA, role: 'member', joinedAt: new Date().toISOString(), displayName: 'Rita Roster' },
  ]);
  const { host, ann, bob, cleo } = people;
  await service.repositories.sessions.putMany([
    session('first', 1, { hostId: host.aadObjectId, teacherIds: [ann.aadObjectId] }),
    session('second', 2, { hostId: bob.aadObjectId, teacherIds: [ann.aadObjectId, RITA], discussionLeaderId: cleo.aadObjectId }),
    session('third', 3, { hostId: ann.aadObjectId, teacherIds: [] }),
  ]);
  token = await devToken(service, { tenantId: T, userId: cleo.aadObjectId, name: cleo.name });
});
afterAll(async () => {
  await service?.close();
});

describe('the board’s names from the warm expert index', () => {
  it('reads each profile while the tenant’s index is cold, only the missing one once it is warm, and shows the same names', async () => {
    expect(service.experts.isWarm(T)).toBe(false);
    const cold = await countCalls(board);
    // Hanna, Ann, Bob, Cleo and Rita: a point read each.
    expect(profileReads(cold.calls)).toBe(5);

    await service.experts.index(T);
    const warm = await countCalls(board);
    // Only Rita's, who has no profile: the index cannot know that none was made since its last poll.
    expect(profileReads(warm.calls)).toBe(1);
    // The team's row once: the check that it is installed hands it to the board (it was read twice).
    expect(warm.calls.filter((c) => c.table === 'plTeams')).toHaveLength(1);
    expect(warm.result).toEqual(cold.result);
    expect(warm.result).toEqual(await fromStorage());
    expect(warm.result).toEqual([
      ['first', people.host.name, [people.ann.name], undefined],
      ['second', people.bob.name, [people.ann.name, 'Rita Roster'], people.cleo.name],
      ['third', people.ann.name, [], undefined],
    ]);
  });

  it('shows a rename another instance wrote within a poll of the change feed', async () => {
    await service.experts.index(T);
    await service.repositories.members.update(T, people.bob.aadObjectId, (p) =>
      p ? { ...p, displayName: 'Bob Renamed', updatedAt: new Date().toISOString() } : undefined,
    );
    const renamed = await eventually(async () => {
      const names = await board();
      expect(names[1]?.[1]).toBe('Bob Renamed');
      return names;
    });
    expect(renamed).toEqual(await fromStorage());
    // From the index, not from the profile: only Rita's (no profile) is read.
    const again = await countCalls(board);
    expect(again.result).toEqual(renamed);
    expect(profileReads(again.calls)).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LearningSession } from '../../bot/src/domain/sessions/session';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT, postActivity } from '../support/activities';
import { findExpertInvoke, resultNames, selectExpertInvoke } from '../support/expert-activities';
import type { ComposeResult } from '../support/expert-activities';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector } from '../support/fake-connector';
import { startTestService } from '../support/service';
import { session as storedSession } from '../support/storage/fixtures';
import { TEAM_ID, people, seedTeam } from '../support/bot/session-fixtures';

// A fake clock: every date below is relative to it.
const NOW = new Date('2026-11-27T12:00:00Z');
const DAY = 24 * 60 * 60_000;
const OTHER_TEAM = '19:other-team@thread.tacv2';
const STRANGER = { id: '29:olga', name: 'Olga Outsider', aadObjectId: '00000000-0000-0000-0000-00000000b001' };

let service: RunningService;
let connector: FakeConnector;

/** A session of `teamId` starting `inDays` days from NOW, hosted by the fixture team's host. */
const session = (teamId: string, sessionId: string, inDays: number, extra: Partial<LearningSession> = {}): LearningSession =>
  storedSession(PLAYGROUND_TENANT, teamId, sessionId, {
    title: sessionId,
    skills: [],
    startsAt: new Date(NOW.getTime() + inDays * DAY).toISOString(),
    durationMinutes: 60,
    capacity: null,
    hostId: people.host.aadObjectId,
    teacherIds: [],
    ...extra,
  });

const query = (text: string | undefined, from = people.ann, locale?: string) =>
  findExpertInvoke(connector.serviceUrl, text, { commandId: 'findSession', from, ...(locale ? { locale } : {}) });

async function invoke(activity: unknown): Promise<ComposeResult> {
  const res = await postActivity(service.url, activity);
  expect(res.status).toBe(200);
  return (await res.json()) as ComposeResult;
}

beforeAll(async () => {
  [service, connector] = await Promise.all([startTestService({ seedDemo: false }, () => NOW), startFakeConnector()]);
  const repos = service.repositories;
  await seedTeam(repos, NOW);
  await seedTeam(repos, NOW, PLAYGROUND_TENANT, OTHER_TEAM);
  await repos.teams.update(PLAYGROUND_TENANT, OTHER_TEAM, (t) => t && { ...t, name: 'Data team' });
  // Ann is in the first team only: the other team's own session is not hers to find.
  await repos.teams.removeMembers(PLAYGROUND_TENANT, OTHER_TEAM, [people.ann.aadObjectId]);
  for (const s of [
    session(TEAM_ID, 'Kubernetes basics', 1, { skills: ['Kubernetes'] }),
    session(OTHER_TEAM, 'SQL clinic', 2, { skills: ['SQL'], openToOrganisation: true }),
    session(OTHER_TEAM, 'Data team retro', 3),
    session(TEAM_ID, 'Last week', -7),
  ])
    await repos.sessions.create(s);
});
afterAll(async () => {
  await Promise.all([service?.close(), connector?.close()]);
});

describe('findSession: share an upcoming session from the messaging extension', () => {
  it('lists the sessions of my teams and those open to everyone, soonest first, never another team’s own', async () => {
    const body = await invoke(query(undefined));
    expect(body.composeExtension.type).toBe('result');
    expect(resultNames(body)).toEqual(['Kubernetes basics', 'SQL clinic']);
    const sql = body.composeExtension.attachments?.[1];
    expect(sql?.preview?.content.text).toMatch(/Data team · Open to everyone$/);
    expect(sql?.preview?.content.tap?.value).toEqual({ commandId: 'findSession', teamId: OTHER_TEAM, sessionId: 'SQL clinic' });
  });

  it('searches by skill or title, and says so kindly when nothing matches', async () => {
    expect(resultNames(await invoke(query('sql')))).toEqual(['SQL clinic']);
    expect(resultNames(await invoke(query('KUBER')))).toEqual(['Kubernetes basics']);
    expect(resultNames(await invoke(query('retro')))).toEqual([]);
    const none = await invoke(query('cobol'));
    expect(none.composeExtension).toEqual({ type: 'message', text: 'No upcoming sessions match “cobol”.' });
    const dutch = await invoke(query('cobol', people.ann, 'nl-NL'));
    expect(dutch.composeExtension.text).toBe('Er zijn geen komende sessies die passen bij “cobol”.');
  });

  it('gives someone outside every team only what is open to everyone', async () => {
    expect(resultNames(await invoke(query(undefined, STRANGER)))).toEqual(['SQL clinic']);
  });

  it('inserts the invite card of a picked session, with its RSVP buttons', async () => {
    const picked = await invoke(
      selectExpertInvoke(
        connector.serviceUrl,
        { commandId: 'findSession', teamId: OTHER_TEAM, sessionId: 'SQL clinic' },
        { from: STRANGER },
      ),
    );
    const card = picked.composeExtension.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(card?.content)).toContain('"verb":"rsvp"');
    expect(JSON.stringify(card?.content)).toContain('SQL clinic');
  });

  it('refuses a picked team-only session to someone outside its team, and a forged pick', async () => {
    const refused = await invoke(
      selectExpertInvoke(
        connector.serviceUrl,
        { commandId: 'findSession', teamId: OTHER_TEAM, sessionId: 'Data team retro' },
        { from: STRANGER },
      ),
    );
    expect(refused.composeExtension.type).toBe('message');
    expect(refused.composeExtension.attachments).toBeUndefined();
    const forged = await invoke(selectExpertInvoke(connector.serviceUrl, { commandId: 'findSession', teamId: 42 }, { from: STRANGER }));
    expect(forged.composeExtension).toEqual({ type: 'message', text: 'This session is no longer there, or you may not see it.' });
  });
});

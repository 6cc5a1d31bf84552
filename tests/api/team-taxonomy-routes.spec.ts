import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type {
  ApiError,
  CreateLearningRequestResponse,
  CreateSessionResponse,
  PersonalDataExportResponse,
  SessionDetailResponse,
  SkillSuggestResponse,
} from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, startTestService } from '../support/service';
import { CHANNEL_ID, TEAM_ID, people, seedTeam, withoutWorker } from '../support/bot/session-fixtures';

// Issue #12: session and request skills pass the same gate as profiles and tips, and a skill someone
// confirms as new joins the team's own taxonomy (accepted later, suggested for typos, offered in autocomplete).
const OTHER_TEAM = '19:other-team@thread.tacv2';
let service: RunningService;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  const now = new Date();
  service = await startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), () => new Date());
  await seedTeam(service.repositories, now);
  await seedTeam(service.repositories, now, PLAYGROUND_TENANT, OTHER_TEAM);
  for (const [key, p] of Object.entries(people))
    tokens[key] = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: p.aadObjectId, name: p.name });
});
afterAll(async () => {
  await service?.close();
});

const call = <T>(method: string, path: string, who: string, body?: unknown) => callApi<T>(service, tokens[who], method, path, body);
const teamPath = (teamId: string) => `/teams/${encodeURIComponent(teamId)}`;
const inTwoDays = () => new Date(Date.now() + 2 * 86_400_000).toISOString();
const session = (skills: unknown, extra: Record<string, unknown> = {}) => ({
  title: 'Skills session',
  startsAt: inTwoDays(),
  durationMinutes: 60,
  channelId: CHANNEL_ID,
  skills,
  ...extra,
});
const suggest = async (q: string, teamId?: string) =>
  (
    await call<SkillSuggestResponse>(
      'GET',
      `/skills/suggest?${new URLSearchParams({ q, ...(teamId ? { teamId } : {}) }).toString()}`,
      'ann',
    )
  ).body.suggestions.map((s) => s.name);

describe('POST/PATCH …/sessions: session skills through the taxonomy', () => {
  it('refuses a typo with 400 unknownSkill and the suggestion; nothing is stored', async () => {
    const res = await call<ApiError>('POST', `${teamPath(TEAM_ID)}/sessions`, 'host', session(['ts', 'Dokcer']));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('unknownSkill');
    expect(res.body.error.fields).toEqual({ skills: 'unknownSkill' });
    expect(res.body.error.unknownSkills).toEqual([{ field: 'skills', index: 1, skill: 'Dokcer', suggestions: ['Docker'] }]);
    expect(await service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).toEqual([]);
  });

  it('stores the known skills in their canonical spelling and a skill confirmed in newSkills as typed', async () => {
    const res = await call<CreateSessionResponse>(
      'POST',
      `${teamPath(TEAM_ID)}/sessions`,
      'host',
      session(['ts', 'Vouwkunst'], { newSkills: ['vouwkunst'] }),
    );
    expect(res.status).toBe(201);
    expect(res.body.sessions[0]?.skills).toEqual(['TypeScript', 'Vouwkunst']);
  });

  it('an edit keeps the session’s own skills without asking, and asks about an added typo', async () => {
    const created = await call<CreateSessionResponse>('POST', `${teamPath(TEAM_ID)}/sessions`, 'host', session(['SQL']));
    const id = created.body.sessions[0]?.sessionId ?? '';
    const typo = await call<ApiError>('PATCH', `${teamPath(TEAM_ID)}/sessions/${id}`, 'host', { skills: ['SQL', 'Kubernets'] });
    expect(typo.status).toBe(400);
    expect(typo.body.error.unknownSkills).toEqual([{ field: 'skills', index: 1, skill: 'Kubernets', suggestions: ['Kubernetes'] }]);
    const edited = await call<SessionDetailResponse>('PATCH', `${teamPath(TEAM_ID)}/sessions/${id}`, 'host', { skills: ['sql', 'k8s'] });
    expect(edited.status).toBe(200);
    expect(edited.body.skills).toEqual(['SQL', 'Kubernetes']);
  });
});

describe('POST …/requests: the requested skill through the taxonomy', () => {
  it('refuses "Pyhton" with 400 unknownSkill and "did you mean Python?"', async () => {
    const res = await call<ApiError>('POST', `${teamPath(TEAM_ID)}/requests`, 'cleo', { skill: 'Pyhton' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('unknownSkill');
    expect(res.body.error.unknownSkills).toEqual([{ field: 'skill', index: 0, skill: 'Pyhton', suggestions: ['Python'] }]);
  });

  it('asks for a skill confirmed in newSkills', async () => {
    const res = await call<CreateLearningRequestResponse>('POST', `${teamPath(TEAM_ID)}/requests`, 'cleo', {
      skill: 'Beekeeping',
      newSkills: ['Beekeeping'],
    });
    expect(res.status).toBe(201);
    expect(res.body.request.skill).toBe('Beekeeping');
  });
});

describe('the team taxonomy: confirmed once, known to the team from then on', () => {
  it('accepts a skill the team added without asking again, in any spelling', async () => {
    const res = await call<CreateLearningRequestResponse>('POST', `${teamPath(TEAM_ID)}/requests`, 'ann', { skill: 'vouwkunst' });
    expect(res.status).toBe(201);
    expect(res.body.request.skill).toBe('Vouwkunst');
  });

  it('suggests it for a close typo', async () => {
    const res = await call<ApiError>('POST', `${teamPath(TEAM_ID)}/sessions`, 'ann', session(['Vouwkunts']));
    expect(res.status).toBe(400);
    expect(res.body.error.unknownSkills?.[0]?.suggestions).toContain('Vouwkunst');
  });

  it('offers it in the team’s autocomplete, never another team’s', async () => {
    expect(await suggest('vouw', TEAM_ID)).toContain('Vouwkunst');
    expect(await suggest('vouw', OTHER_TEAM)).not.toContain('Vouwkunst');
    const elsewhere = await call<ApiError>('POST', `${teamPath(OTHER_TEAM)}/sessions`, 'host', session(['Vouwkunst']));
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.code).toBe('unknownSkill');
  });

  it('records who added it and when; a skill never confirmed is not in it', async () => {
    const rows = await service.repositories.teamSkills.listForTeam(PLAYGROUND_TENANT, TEAM_ID);
    expect(rows.map((r) => [r.name, r.addedBy])).toEqual(
      expect.arrayContaining([
        ['Vouwkunst', people.host.aadObjectId],
        ['Beekeeping', people.cleo.aadObjectId],
      ]),
    );
    expect(rows.map((r) => r.name)).not.toContain('Dokcer');
    expect(rows.every((r) => Date.parse(r.addedAt) > Date.now() - 600_000)).toBe(true);
  });

  it('export lists the skills the person added; erase takes them out of addedBy and keeps the skill', async () => {
    const exported = await call<PersonalDataExportResponse>('GET', '/me/export', 'cleo');
    const rows = exported.body.tables.find((t) => t.table === 'plTeamSkills')?.rows ?? [];
    expect(rows).toEqual([expect.objectContaining({ name: 'Beekeeping', addedBy: people.cleo.aadObjectId })]);
    expect((await call<undefined>('DELETE', '/me', 'cleo', { confirm: true, contributions: 'anonymise' })).status).toBe(204);
    const after = await service.repositories.teamSkills.listForTeam(PLAYGROUND_TENANT, TEAM_ID);
    const beekeeping = after.find((r) => r.name === 'Beekeeping');
    expect(beekeeping).toBeDefined();
    expect(beekeeping?.addedBy).toBeUndefined();
    expect(JSON.stringify(after)).not.toContain(people.cleo.aadObjectId);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError, ProfileResponse, TipView, UpdateProfileRequest } from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, startTestService } from '../support/service';
import { people, seedTeam, TEAM_ID } from '../support/bot/session-fixtures';

const PERSON = 'aaaaaaaa-0000-0000-0000-00000000c0de';
let service: RunningService;
let token: string;
let member: string;

beforeAll(async () => {
  service = await startTestService();
  token = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: PERSON, name: 'Tess Typo' });
  await seedTeam(service.repositories, new Date());
  member = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: people.ann.aadObjectId, name: people.ann.name });
});
afterAll(async () => {
  await service?.close();
});

const profile = (change: Partial<UpdateProfileRequest>): UpdateProfileRequest => ({
  teaches: [],
  wants: [],
  bio: '',
  languages: [],
  availability: '',
  ...change,
});
const put = <T>(body: UpdateProfileRequest) => callApi<T>(service, token, 'PUT', '/me/profile', body);
const stored = async () => service.repositories.members.get(PLAYGROUND_TENANT, PERSON);

describe('PUT /me/profile: every skill through the taxonomy', () => {
  it('refuses a typo with 400 unknownSkill and the suggestions per field; nothing is stored', async () => {
    const res = await put<ApiError>(
      profile({
        teaches: [
          { name: 'Typscript', level: 2 },
          { name: 'SQL', level: 3 },
        ],
        wants: ['Dokcer', 'Kubernets'],
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('unknownSkill');
    expect(res.body.error.message).toContain('did you mean TypeScript?');
    expect(res.body.error.fields).toEqual({ teaches: 'unknownSkill', wants: 'unknownSkill' });
    expect(res.body.error.unknownSkills).toEqual([
      { field: 'teaches', index: 0, skill: 'Typscript', suggestions: ['TypeScript'] },
      { field: 'wants', index: 0, skill: 'Dokcer', suggestions: ['Docker'] },
      { field: 'wants', index: 1, skill: 'Kubernets', suggestions: ['Kubernetes'] },
    ]);
    expect((await stored())?.teaches ?? []).toEqual([]);
  });

  it('refuses an unknown skill with nothing close, with no suggestions', async () => {
    const res = await put<ApiError>(profile({ wants: ['Origami'] }));
    expect(res.status).toBe(400);
    expect(res.body.error.unknownSkills).toEqual([{ field: 'wants', index: 0, skill: 'Origami', suggestions: [] }]);
  });

  it('stores skills confirmed in newSkills as typed, and the known ones in their canonical spelling', async () => {
    const res = await put<ProfileResponse>(
      profile({
        teaches: [
          { name: 'Typscript', level: 2 },
          { name: 'ts', level: 3 },
        ],
        wants: ['origami'],
        newSkills: ['typscript', 'Origami'],
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.teaches).toEqual([
      { name: 'Typscript', level: 2 },
      { name: 'TypeScript', level: 3 },
    ]);
    expect(res.body.wants).toEqual(['Origami']);
  });

  it('keeps a skill already on the profile without asking again (stored skills are not rewritten)', async () => {
    const res = await put<ProfileResponse>(profile({ teaches: [{ name: 'Typscript', level: 1 }], wants: ['Origami'] }));
    expect(res.status).toBe(200);
    expect(res.body.teaches).toEqual([{ name: 'Typscript', level: 1 }]);
  });

  it('names the field, the skill and the limit of a 90-character skill', async () => {
    const long = 'Advanced '.repeat(10);
    const res = await put<ApiError>(
      profile({
        teaches: [
          { name: 'SQL', level: 1 },
          { name: long, level: 2 },
        ],
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_profile');
    expect(res.body.error.fields).toEqual({ teaches: 'tooLong' });
    expect(res.body.error.message).toContain('teaches[1].name must be at most 60 characters');
  });

  it('refuses a newSkills list that is no list of short texts', async () => {
    const res = await callApi<ApiError>(service, token, 'PUT', '/me/profile', { ...profile({}), newSkills: 'Typscript' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ newSkills: 'shape' });
  });
});

describe('POST /teams/:teamId/tips: tip skills through the taxonomy', () => {
  const tips = `/teams/${encodeURIComponent(TEAM_ID)}/tips`;

  it('refuses "Dokcer" with 400 unknownSkill and "did you mean Docker?"; nothing is stored', async () => {
    const res = await callApi<ApiError>(service, member, 'POST', tips, { title: 'Compose in 5 minutes', skills: ['ts', 'Dokcer'] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('unknownSkill');
    expect(res.body.error.unknownSkills).toEqual([{ field: 'skills', index: 1, skill: 'Dokcer', suggestions: ['Docker'] }]);
    const listed = await callApi<{ tips: TipView[] }>(service, member, 'GET', tips);
    expect(listed.body.tips).toEqual([]);
  });

  it('stores a skill confirmed in newSkills, and the known ones in their canonical spelling', async () => {
    const res = await callApi<TipView>(service, member, 'POST', tips, {
      title: 'Folding paper cranes',
      skills: ['Origami', 'ts'],
      newSkills: ['origami'],
    });
    expect(res.status).toBe(201);
    expect(res.body.skills).toEqual(['Origami', 'TypeScript']);
  });
});

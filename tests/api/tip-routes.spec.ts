import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type { ApiError, TipListResponse, TipView } from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, startTestService } from '../support/service';
import { TEAM_ID, people, seedTeam, withoutWorker } from '../support/bot/session-fixtures';

const OTHER_TENANT = '99999999-0000-0000-0000-000000000000';
const OTHER_TEAM = '19:other-team@thread.tacv2';
let clock = new Date('2026-11-27T12:00:00.000Z');
let service: RunningService;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  service = await startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), () => clock);
  await seedTeam(service.repositories, clock);
  await seedTeam(service.repositories, clock, PLAYGROUND_TENANT, OTHER_TEAM);
  await seedTeam(service.repositories, clock, OTHER_TENANT, TEAM_ID);
  for (const [key, p] of Object.entries(people))
    tokens[key] = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: p.aadObjectId, name: p.name });
  // A colleague of the tenant who is in no team; and the same user id in another tenant.
  tokens.outsider = await devToken(service, {
    tenantId: PLAYGROUND_TENANT,
    userId: '00000000-0000-0000-0000-00000000b001',
    name: 'Olga Outsider',
  });
  tokens.elsewhere = await devToken(service, { tenantId: OTHER_TENANT, userId: people.ann.aadObjectId, name: 'Ann elsewhere' });
});
afterAll(async () => {
  await service?.close();
});

const call = <T>(method: string, path: string, who: string, body?: unknown) => callApi<T>(service, tokens[who], method, path, body);

const tipsOf = (teamId: string) => `/teams/${encodeURIComponent(teamId)}/tips`;
const tips = tipsOf(TEAM_ID);

async function share(who: string, body: Record<string, unknown>, teamId = TEAM_ID): Promise<TipView> {
  clock = new Date(clock.getTime() + 60_000);
  const res = await call<TipView>('POST', tipsOf(teamId), who, body);
  expect(res.status).toBe(201);
  return res.body;
}

describe('tips API', () => {
  it('POST stores a tip for a member; GET lists it newest first with the author’s name', async () => {
    const first = await share('ann', {
      title: 'Draaitabellen in 5 minuten',
      body: 'Invoegen > Draaitabel.',
      skills: ['excel'],
      link: 'https://support.microsoft.com/x',
    });
    expect(first).toMatchObject({
      title: 'Draaitabellen in 5 minuten',
      skills: ['Excel'],
      link: 'https://support.microsoft.com/x',
      author: { userId: people.ann.aadObjectId, displayName: 'Ann Attendee' },
      canDelete: true,
    });
    const second = await share('bob', { title: 'Free TypeScript course', skills: ['ts', 'js'] });
    const listed = await call<TipListResponse>('GET', tips, 'cleo');
    expect(listed.status).toBe(200);
    expect(listed.body.tips.map((t) => t.tipId).slice(0, 2)).toEqual([second.tipId, first.tipId]);
    expect(listed.body.tips[0]).toMatchObject({
      title: 'Free TypeScript course',
      skills: ['TypeScript', 'JavaScript'],
      author: { displayName: 'Bob Builder' },
      canDelete: false,
    });
    expect(listed.body.cursor).toBeUndefined();
  });

  it('GET searches text (accents and case ignored, skills in any spelling) and filters by skill', async () => {
    await share('ann', { title: 'Café-tip: één sneltoets per week', body: 'Ctrl+Shift+L zet filters aan.', skills: ['Excel'] });
    const q = async (query: string) => (await call<TipListResponse>('GET', `${tips}?${query}`, 'cleo')).body.tips.map((t) => t.title);
    expect(await q('q=CAFE%20een')).toEqual(['Café-tip: één sneltoets per week']);
    expect(await q('q=js')).toEqual(['Free TypeScript course']);
    expect(await q('skill=Excel')).toEqual(['Café-tip: één sneltoets per week', 'Draaitabellen in 5 minuten']);
    expect(await q('skill=excel&q=draaitabel')).toEqual(['Draaitabellen in 5 minuten']);
    expect(await q('q=nothing%20like%20this')).toEqual([]);
  });

  it('pages with limit and cursor', async () => {
    const all = (await call<TipListResponse>('GET', tips, 'ann')).body.tips.map((t) => t.tipId);
    expect(all.length).toBeGreaterThanOrEqual(3);
    const page1 = await call<TipListResponse>('GET', `${tips}?limit=2`, 'ann');
    expect(page1.body.tips.map((t) => t.tipId)).toEqual(all.slice(0, 2));
    expect(page1.body.cursor).toEqual(expect.any(String));
    const page2 = await call<TipListResponse>('GET', `${tips}?limit=2&cursor=${encodeURIComponent(page1.body.cursor ?? '')}`, 'ann');
    expect(page2.body.tips.map((t) => t.tipId)).toEqual(all.slice(2, 4));
  });

  it('bad input: 400 with every field named, and nothing stored', async () => {
    const before = (await call<TipListResponse>('GET', `${tips}?limit=50`, 'ann')).body.tips.length;
    const res = await call<ApiError>('POST', tips, 'ann', {
      title: '',
      body: 'x'.repeat(1001),
      link: 'javascript:alert(1)',
      skills: ['!!!'],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_tip');
    expect(res.body.error.problems).toEqual([
      { field: 'title', code: 'titleRequired' },
      { field: 'body', code: 'bodyTooLong' },
      { field: 'link', code: 'linkInvalid' },
      { field: 'skills', code: 'skillInvalid' },
    ]);
    expect(res.body.error.fields).toEqual({
      title: 'Give the tip a title.',
      body: 'Keep the tip to 1000 characters; add a link for the rest.',
      link: 'Use a web link that starts with https:// or http://.',
      skills: expect.stringContaining('at least one letter or digit'),
    });
    expect((await call<TipListResponse>('GET', `${tips}?limit=50`, 'ann')).body.tips.length).toBe(before);
  });

  it.each([
    ['limit=0', 'invalid_limit'],
    ['limit=51', 'invalid_limit'],
    ['limit=abc', 'invalid_limit'],
    ['cursor=forged', 'invalid_cursor'],
    [`q=${'x'.repeat(201)}`, 'invalid_query'],
    ['q=a&q=b', 'invalid_query'],
  ])('GET with %s answers 400 %s', async (query, code) => {
    const res = await call<ApiError>('GET', `${tips}?${query}`, 'ann');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
  });

  it('403 for someone outside the team; 404 for an unknown team; 401 without a token', async () => {
    const outsider = await call<ApiError>('POST', tips, 'outsider', { title: 'Hi' });
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.code).toBe('not_member');
    const unknown = await call<ApiError>('POST', tipsOf('19:nope@thread.tacv2'), 'ann', { title: 'Hi' });
    expect(unknown.status).toBe(404);
    expect((await call<ApiError>('GET', tipsOf('19:nope@thread.tacv2'), 'ann')).status).toBe(404);
    expect((await fetch(`${service.url}/api/v1${tips}`)).status).toBe(401);
  });

  it('DELETE: the author may, an owner may, another member gets 403; unknown ids 404', async () => {
    const mine = await share('bob', { title: 'Bob’s tip' });
    const other = await call<ApiError>('DELETE', `${tips}/${mine.tipId}`, 'cleo');
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('not_allowed');
    expect((await call<undefined>('DELETE', `${tips}/${mine.tipId}`, 'bob')).status).toBe(204);
    expect((await call<ApiError>('DELETE', `${tips}/${mine.tipId}`, 'bob')).status).toBe(404);

    const anns = await share('ann', { title: 'Ann’s tip' });
    // The owner sees the delete option on others' tips.
    const seenByOwner = (await call<TipListResponse>('GET', tips, 'host')).body.tips.find((t) => t.tipId === anns.tipId);
    expect(seenByOwner?.canDelete).toBe(true);
    expect((await call<undefined>('DELETE', `${tips}/${anns.tipId}`, 'host')).status).toBe(204);
    expect((await call<TipListResponse>('GET', tips, 'ann')).body.tips.some((t) => t.tipId === anns.tipId)).toBe(false);
    expect((await call<ApiError>('DELETE', `${tips}/bad%20id`, 'host')).status).toBe(404);
  });

  it('keeps tenants and teams apart: same team id in another tenant, another team of the same tenant', async () => {
    const here = await share('ann', { title: 'Only in the playground tenant' });
    const elsewhere = await call<TipListResponse>('GET', tips, 'elsewhere');
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.tips).toEqual([]);
    expect((await call<ApiError>('DELETE', `${tips}/${here.tipId}`, 'elsewhere')).status).toBe(404);
    const otherTeam = await call<TipListResponse>('GET', tipsOf(OTHER_TEAM), 'ann');
    expect(otherTeam.body.tips).toEqual([]);
    // Ann is a member of the other team too (seedTeam): her tip there stays there.
    await share('ann', { title: 'Other team tip' }, OTHER_TEAM);
    expect((await call<TipListResponse>('GET', tips, 'ann')).body.tips.some((t) => t.title === 'Other team tip')).toBe(false);
  });
});

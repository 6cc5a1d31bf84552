import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError, ProfileResponse, UpdateProfileRequest } from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, startTestService } from '../support/service';

/** Issue #12: `requestAlerts` on the profile: on unless turned off, kept when a save leaves it out, a non-boolean refused by name. */
const PERSON = 'aaaaaaaa-0000-0000-0000-0000000a1e27';
let service: RunningService;
let token: string;

beforeAll(async () => {
  service = await startTestService();
  token = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: PERSON, name: 'Rita Requests' });
});
afterAll(async () => {
  await service?.close();
});

const profile: UpdateProfileRequest = { teaches: [{ name: 'Docker', level: 2 }], wants: [], bio: '', languages: [], availability: '' };
const put = <T>(body: unknown) => callApi<T>(service, token, 'PUT', '/me/profile', body);
const stored = async () => service.repositories.members.get(PLAYGROUND_TENANT, PERSON);

describe('PUT /me/profile requestAlerts', () => {
  it('is on for a new profile, turns off, stays off when a save leaves it out, and turns on again', async () => {
    const first = await callApi<ProfileResponse>(service, token, 'GET', '/me/profile');
    expect(first.body.requestAlerts).toBe(true);

    const off = await put<ProfileResponse>({ ...profile, requestAlerts: false });
    expect(off.status).toBe(200);
    expect(off.body.requestAlerts).toBe(false);
    expect((await stored())?.requestAlerts).toBe(false);

    const without = await put<ProfileResponse>({ ...profile, bio: 'Containers, mostly' });
    expect(without.body.requestAlerts).toBe(false);
    expect((await callApi<ProfileResponse>(service, token, 'GET', '/me/profile')).body.requestAlerts).toBe(false);

    const on = await put<ProfileResponse>({ ...profile, requestAlerts: true });
    expect(on.body.requestAlerts).toBe(true);
    expect((await stored())?.requestAlerts).toBe(true);
  });

  it.each([['yes'], [0], [null], [['true']]])('refuses %j with 400 naming the field; nothing is stored', async (value) => {
    const before = await stored();
    const res = await put<ApiError>({ ...profile, bio: 'Not saved', requestAlerts: value });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_profile');
    expect(res.body.error.fields).toEqual({ requestAlerts: 'shape' });
    expect(res.body.error.message).toContain('requestAlerts');
    expect((await stored())?.bio).toBe(before?.bio);
  });
});

import { describe, expect, it } from '@jest/globals';
import type { ContributionChoice, PersonalDataStore } from '../../bot/src/domain/privacy/personal-data';
import { createPrivacyService } from '../../bot/src/domain/privacy/privacy-service';
import { FORMER_COLLEAGUE_ID } from '../../bot/src/domain/shared/person';
import type { PersonRef } from '../../bot/src/domain/shared/person';

const tenantId = 'tenant-1';
const ann: PersonRef = { tenantId, userId: 'ann-1' };

/** A store that only records what it was asked (storage itself is tested on Azurite: tests/storage/privacy-store.spec.ts). */
function recordingStore() {
  const calls: { readonly kind: 'collect' | 'erase'; readonly person: PersonRef; readonly contributions?: ContributionChoice }[] = [];
  const store: PersonalDataStore = {
    collect(person) {
      calls.push({ kind: 'collect', person });
      return Promise.resolve([{ table: 'plProfiles', purpose: 'p', retention: 'r', rows: [{ userId: person.userId }] }]);
    },
    erase(person, contributions) {
      calls.push({ kind: 'erase', person, contributions });
      return Promise.resolve({ removed: 1, anonymised: 0 });
    },
  };
  return { store, calls };
}

function service(clock: { now: Date }, secret = 's'.repeat(40)) {
  const { store, calls } = recordingStore();
  const refreshed: string[][] = [];
  const privacy = createPrivacyService({
    store,
    experts: { refresh: (_t, ids) => Promise.resolve(void refreshed.push([...ids])) },
    secret,
    publicUrl: 'https://pl.example/',
    rsvps: { listForUser: () => Promise.resolve([]), respond: () => Promise.resolve({ ok: true }) },
    now: () => clock.now,
  });
  return { privacy, calls, refreshed };
}

const tokenOf = (url: string) => url.split('/').pop() ?? '';

describe('privacy service: export links and the former colleague', () => {
  it('a link is valid for 15 minutes, for its own person, and only under the secret that signed it', async () => {
    const clock = { now: new Date() };
    const { privacy } = service(clock);
    const link = await privacy.exportLink(ann);
    expect(link.url).toMatch(/^https:\/\/pl\.example\/api\/v1\/me\/export\/link\/[\w-]+\.[\w-]+$/);
    expect(link.expiresAt.getTime() - clock.now.getTime()).toBe(15 * 60_000);
    const token = tokenOf(link.url);

    const opened = await privacy.exportByLink(token);
    expect(opened.ok && opened.value.person).toEqual(ann);
    expect((await privacy.exportByLink(token, ann)).ok).toBe(true);
    expect(await privacy.exportByLink(token, { tenantId, userId: 'bob-1' })).toEqual({
      ok: false,
      failure: { subject: 'privacy', kind: 'notYours' },
    });
    expect(await privacy.exportByLink(token, { tenantId: 'tenant-2', userId: ann.userId })).toMatchObject({
      failure: { kind: 'notYours' },
    });

    // Signed with another secret (another deployment, or a calendar link's purpose): refused.
    expect(await service(clock, 't'.repeat(40)).privacy.exportByLink(token)).toMatchObject({ failure: { kind: 'linkInvalid' } });
    const [payload = '', signature = ''] = token.split('.');
    const otherPayload = btoa(JSON.stringify([tenantId, 'bob-1', link.expiresAt.getTime()])).replace(/=+$/, '');
    for (const bad of [
      `${otherPayload}.${signature}`,
      `${payload}.`,
      `.${signature}`,
      '',
      `${payload}.${signature}.x`,
      'x'.repeat(3_000),
    ]) {
      expect(await privacy.exportByLink(bad)).toMatchObject({ failure: { kind: 'linkInvalid' } });
    }

    clock.now = new Date(link.expiresAt.getTime() - 1);
    expect((await privacy.exportByLink(token)).ok).toBe(true);
    clock.now = link.expiresAt;
    expect(await privacy.exportByLink(token)).toEqual({ ok: false, failure: { subject: 'privacy', kind: 'linkInvalid' } });
  });

  it('erase passes the choice on and lets this instance’s expert search forget the person at once', async () => {
    const { privacy, calls, refreshed } = service({ now: new Date() });
    expect(await privacy.erase(ann, 'remove')).toEqual({ removed: 1, anonymised: 0 });
    expect(calls).toEqual([{ kind: 'erase', person: ann, contributions: 'remove' }]);
    expect(refreshed).toEqual([[ann.userId]]);
  });

  it('the former colleague, who stands for every erased person, can neither export nor erase what it holds', async () => {
    const { privacy, calls } = service({ now: new Date() });
    const former = { tenantId, userId: FORMER_COLLEAGUE_ID };
    expect((await privacy.exportFor(former)).tables).toEqual([]);
    expect(await privacy.erase(former, 'remove')).toEqual({ removed: 0, anonymised: 0 });
    expect(calls).toEqual([]);
  });
});

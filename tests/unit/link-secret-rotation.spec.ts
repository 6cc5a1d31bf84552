import { describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type { Config } from '../../bot/src/config';
import { createBuddyChatLinks } from '../../bot/src/domain/buddies/buddy-chat-links';
import type { BuddyChatEvent } from '../../bot/src/domain/buddies/buddy-chat-links';
import { createPrivacyService } from '../../bot/src/domain/privacy/privacy-service';
import { createSessionLinks } from '../../bot/src/domain/sessions/session-links';

const OLD = 'o'.repeat(40);
const NEW = 'n'.repeat(40);
const PUBLIC_URL = 'https://pl.example';

/** The links exactly as server.ts builds them from the config. */
function linksFrom(config: Config) {
  const secrets = { secret: config.sessions.calendarLinkSecret, previousSecret: config.sessions.calendarLinkPreviousSecret };
  const now = new Date();
  return {
    sessions: createSessionLinks({ publicUrl: PUBLIC_URL, ...secrets }),
    buddies: createBuddyChatLinks({ publicUrl: PUBLIC_URL, ...secrets }),
    privacy: createPrivacyService({
      store: { collect: () => Promise.resolve([]), erase: () => Promise.resolve({ removed: 0, anonymised: 0 }) },
      experts: { refresh: () => Promise.resolve() },
      ...secrets,
      publicUrl: PUBLIC_URL,
      rsvps: { listForUser: () => Promise.resolve([]), respond: () => Promise.resolve({ ok: true }) },
      now: () => now,
    }),
  };
}

const settings = (env: Record<string, string>) => linksFrom(readConfig(env));
const before = settings({ CALENDAR_LINK_SECRET: OLD });
const during = settings({ CALENDAR_LINK_SECRET: NEW, CALENDAR_LINK_SECRET_PREVIOUS: OLD });
const after = settings({ CALENDAR_LINK_SECRET: NEW });

const tokenOf = (url: string) => new URL(url).searchParams.get('token') ?? '';
const event: BuddyChatEvent = {
  tenantId: 't1',
  poolId: '19:team@thread.tacv2',
  roundId: 'r1',
  start: new Date(Date.now() + 86_400_000).toISOString(),
  locale: 'en',
};

describe('rotating CALENDAR_LINK_SECRET: links signed with the previous secret', () => {
  it('a session calendar link verifies while the previous secret is set, not after it is removed', async () => {
    const token = tokenOf(await before.sessions.calendarUrl('t1', '19:team@thread', 's1'));
    expect(await during.sessions.verifyCalendarToken('t1', '19:team@thread', 's1', token)).toBe(true);
    expect(await after.sessions.verifyCalendarToken('t1', '19:team@thread', 's1', token)).toBe(false);
    // Still bound to what it signed: the previous secret does not make an altered link pass.
    expect(await during.sessions.verifyCalendarToken('t1', '19:team@thread', 's2', token)).toBe(false);
  });

  it('a buddy chat link likewise', async () => {
    const token = tokenOf(await before.buddies.calendarUrl(event));
    expect(await during.buddies.verify(event, token)).toBe(true);
    expect(await during.buddies.verify({ ...event, locale: 'nl' }, token)).toBe(false);
    expect(await after.buddies.verify(event, token)).toBe(false);
  });

  it('an export link likewise', async () => {
    const link = await before.privacy.exportLink({ tenantId: 't1', userId: 'ann-1' });
    const token = link.url.split('/').pop() ?? '';
    expect(await during.privacy.exportByLink(token)).toMatchObject({ ok: true });
    expect(await after.privacy.exportByLink(token)).toMatchObject({ ok: false, failure: { kind: 'linkInvalid' } });
  });

  it('new links are signed with the current secret only', async () => {
    const token = tokenOf(await during.sessions.calendarUrl('t1', '19:team@thread', 's1'));
    expect(await after.sessions.verifyCalendarToken('t1', '19:team@thread', 's1', token)).toBe(true);
    expect(await before.sessions.verifyCalendarToken('t1', '19:team@thread', 's1', token)).toBe(false);
  });

  it('the setting is checked: long enough, and only beside a current secret', () => {
    expect(() => readConfig({ CALENDAR_LINK_SECRET: NEW, CALENDAR_LINK_SECRET_PREVIOUS: 'short' })).toThrow(
      'CALENDAR_LINK_SECRET_PREVIOUS must be at least 32 characters long',
    );
    expect(() => readConfig({ CALENDAR_LINK_SECRET_PREVIOUS: OLD })).toThrow(
      'CALENDAR_LINK_SECRET_PREVIOUS is only accepted beside CALENDAR_LINK_SECRET',
    );
    expect(
      readConfig({ CALENDAR_LINK_SECRET: NEW, CALENDAR_LINK_SECRET_PREVIOUS: ' ' }).sessions.calendarLinkPreviousSecret,
    ).toBeUndefined();
  });
});

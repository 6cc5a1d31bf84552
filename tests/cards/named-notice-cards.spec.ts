import { describe, expect, it } from '@jest/globals';
import type { AdaptiveCard } from '../../bot/src/cards/shared/adaptive-card';
import { namedNoticeCard, roleDeclinedCard } from '../../bot/src/cards/sessions/session-notice-cards';
import type { Locale } from '../../bot/src/domain/shared/person';
import type { LearningSession } from '../../bot/src/domain/sessions/session';
import { renderCard } from '../support/render-card';

const TZ = 'Europe/Amsterdam';
const NOW = new Date();

/** Thursday 3 December 2026, 14:00 in Amsterdam (13:00 UTC): the example of issue #11. */
function session(overrides: Partial<LearningSession> = {}): LearningSession {
  return {
    tenantId: 't',
    teamId: '19:team@thread.tacv2',
    sessionId: 's1',
    title: 'Intro to TypeScript',
    description: '',
    skills: [],
    format: 'talk',
    startsAt: '2026-12-03T13:00:00.000Z',
    durationMinutes: 60,
    capacity: null,
    hostId: 'host',
    teacherIds: ['teacher'],
    discussionLeaderId: 'leader',
    status: 'scheduled',
    openToOrganisation: false,
    counts: { yes: 0, maybe: 0, no: 0 },
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...overrides,
  };
}

function rendered(card: AdaptiveCard): string {
  const r = renderCard(card);
  expect(r.errors).toEqual([]);
  expect(r.bytes).toBeLessThan(20 * 1024);
  return r.text;
}

/** The card's Action.Execute buttons: title, verb and data. */
const buttons = (card: AdaptiveCard) =>
  (card.actions ?? []).flatMap((a) => (a.type === 'Action.Execute' ? [{ title: a.title, verb: a.verb, data: a.data }] : []));

describe.each(['en', 'nl'] as Locale[])('named notices in %s', (locale) => {
  const t = (en: string, nl: string) => (locale === 'en' ? en : nl);

  it('to a teacher: who named them, the session and its time in the team’s zone; show it, or say “I can’t”', () => {
    const card = namedNoticeCard({ session: session(), role: 'teacher', hostName: 'Hanna' }, locale, TZ);
    const text = rendered(card);
    expect(text).toContain(
      t(
        'Hanna named you as a teacher of “Intro to TypeScript” on Thursday',
        'Hanna heeft je als leraar genoemd bij “Intro to TypeScript” op donderdag',
      ),
    );
    expect(text).toContain(t('3 December', '3 december'));
    expect(text).toContain('14:00');
    const data = { teamId: '19:team@thread.tacv2', sessionId: 's1' };
    expect(buttons(card)).toEqual([
      { title: t('Show the session', 'Sessie bekijken'), verb: 'refresh', data },
      { title: t('I can’t', 'Ik kan niet'), verb: 'declineRole', data },
    ]);
  });

  it('to a discussion leader, and from a host PeerLearn has no name for', () => {
    const text = rendered(namedNoticeCard({ session: session(), role: 'leader', hostName: undefined }, locale, TZ));
    expect(text).toContain(t('The host named you as the discussion leader of', 'De organisator heeft je als gespreksleider genoemd bij'));
  });

  it('user text stays text: a host name or title cannot make links or emphasis', () => {
    const card = namedNoticeCard(
      { session: session({ title: '**Big** [win](https://evil.example)' }), role: 'teacher', hostName: '[Hanna](https://evil.example)' },
      locale,
      TZ,
    );
    const r = renderCard(card);
    expect(r.errors).toEqual([]);
    expect(r.element?.querySelectorAll('a, strong')).toHaveLength(0);
    expect(r.text).toContain('[Hanna](https://evil.example)');
  });

  it('to the host: who cannot, which session, and what to do', () => {
    const text = rendered(roleDeclinedCard(session(), 'Ann', locale, TZ));
    expect(text).toContain(t('Ann can’t take part in “Intro to TypeScript”', 'Ann kan niet meedoen aan “Intro to TypeScript”'));
    expect(text).toContain(t('Edit the session to name someone else.', 'Pas de sessie aan om iemand anders te noemen.'));
    expect(rendered(roleDeclinedCard(session(), undefined, locale, TZ))).toContain(t('Someone can’t', 'Iemand kan niet'));
  });
});

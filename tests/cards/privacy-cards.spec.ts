import { describe, expect, it } from '@jest/globals';
import type { AdaptiveCard } from '../../bot/src/cards/shared/adaptive-card';
import { kudosCard } from '../../bot/src/cards/kudos/kudos-card';
import { ERASE_INPUTS, eraseConfirmCard, erasedCard, exportLinkCard, keptCard } from '../../bot/src/cards/privacy/privacy-cards';
import { learningRequestCard } from '../../bot/src/cards/requests/learning-request-card';
import { sessionInviteCard } from '../../bot/src/cards/sessions/session-invite-card';
import { tipCard } from '../../bot/src/cards/tips/tip-card';
import { FORMER_COLLEAGUE_ID } from '../../bot/src/domain/shared/person';
import type { Locale } from '../../bot/src/domain/shared/person';
import type { LearningSession } from '../../bot/src/domain/sessions/session';
import { renderCard } from '../support/render-card';

const NOW = new Date();
const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();

function check(card: AdaptiveCard, contains: readonly string[]): string {
  const rendered = renderCard(card);
  expect(rendered.errors).toEqual([]);
  expect(rendered.bytes).toBeLessThan(20 * 1024);
  for (const text of contains) expect(rendered.text).toContain(text);
  return rendered.text;
}

function session(overrides: Partial<LearningSession>): LearningSession {
  return {
    tenantId: 't',
    teamId: '19:team@thread.tacv2',
    sessionId: 's1',
    title: 'Intro to TypeScript',
    description: '',
    skills: ['TypeScript'],
    format: 'talk',
    startsAt: inDays(2),
    durationMinutes: 30,
    capacity: null,
    channelId: '19:team@thread.tacv2',
    hostId: FORMER_COLLEAGUE_ID,
    teacherIds: [FORMER_COLLEAGUE_ID, 'teacher'],
    status: 'scheduled',
    openToOrganisation: false,
    counts: { yes: 3, maybe: 0, no: 0 },
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...overrides,
  };
}

describe.each(['en', 'nl'] as Locale[])('privacy cards in %s', (locale) => {
  const t = (en: string, nl: string) => (locale === 'en' ? en : nl);
  const former = t('a former colleague', 'een voormalige collega');

  it('the export card: the signed link as its one button and the minute it stops working', () => {
    const expiresAt = new Date(Date.UTC(2031, 0, 2, 9, 45));
    const card = exportLinkCard('https://pl.example/api/v1/me/export/link/abc.def', expiresAt, locale);
    check(card, [t('Your data from PeerLearn', 'Je gegevens uit PeerLearn'), '09:45']);
    expect(card.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: t('Download my data', 'Mijn gegevens downloaden'),
        url: 'https://pl.example/api/v1/me/export/link/abc.def',
      },
    ]);
  });

  it('the erase card: the choice for tips and requests, a confirmation toggle, and the two buttons', () => {
    const card = eraseConfirmCard(locale);
    check(card, [t('Erase your data from PeerLearn?', 'Je gegevens uit PeerLearn wissen?'), t('Remove them', 'Verwijder ze')]);
    const inputs = card.body.filter((e) => e.type === 'Input.ChoiceSet' || e.type === 'Input.Toggle');
    expect(inputs.map((e) => ('id' in e ? e.id : ''))).toEqual([ERASE_INPUTS.contributions, ERASE_INPUTS.confirm]);
    expect(card.actions?.map((a) => (a.type === 'Action.Execute' ? a.verb : a.type))).toEqual(['eraseMe', 'keepMyData']);
    // The confirmation starts off: pressing erase at once is answered with the card again, nothing erased.
    expect(JSON.stringify(card)).toContain('"value":"false"');
    check(eraseConfirmCard(locale, 'notConfirmed'), [t('Nothing was erased', 'Er is niets gewist')]);
  });

  it('after the erase: the counts, or that nothing was left; after keeping: nothing was erased', () => {
    check(erasedCard({ removed: 12, anonymised: 3 }, locale), [t('12 removed, 3 kept', '12 verwijderd, 3 bewaard')]);
    check(erasedCard({ removed: 0, anonymised: 0 }, locale), [t('nothing left to erase', 'niets meer te wissen')]);
    check(keptCard(locale), [t('Nothing was erased', 'Er is niets gewist')]);
  });

  it('an erased host and teacher read "a former colleague"; nobody thanks or refreshes them', () => {
    const started = session({ startsAt: inDays(-1) });
    const view = {
      names: new Map([['teacher', 'Tom Teacher']]),
      timeZone: 'Europe/Amsterdam',
      calendarUrl: 'https://pl.example/x.ics',
      now: NOW,
    };
    const upcoming = sessionInviteCard({ ...view, session: session({}), recentResponders: ['u1'] }, undefined, locale);
    const text = check(upcoming, [former, 'Tom Teacher']);
    expect(text).not.toContain(FORMER_COLLEAGUE_ID);
    expect(upcoming.refresh?.userIds).toEqual(['8:orgid:u1']);
    const afterwards = sessionInviteCard({ ...view, session: started, recentResponders: [] }, { userId: 'u1' }, locale);
    expect(JSON.stringify(afterwards)).not.toContain('"verb":"kudos"');
  });

  it('kudos, a learning request and a tip by an erased person name "a former colleague"', () => {
    const kudos = {
      tenantId: 't',
      teamId: 'team',
      kudosId: 'k',
      fromUserId: FORMER_COLLEAGUE_ID,
      toUserId: 'u2',
      message: 'Thanks!',
      createdAt: NOW.toISOString(),
    };
    check(kudosCard({ kudos, fromName: '', toName: 'Noor' }, locale), [former, 'Noor']);
    const request = {
      tenantId: 't',
      teamId: 'team',
      requestId: 'r',
      skill: 'Kubernetes',
      note: '',
      authorUserId: FORMER_COLLEAGUE_ID,
      status: 'open' as const,
      votes: 4,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    };
    check(learningRequestCard({ request, authorName: '', created: true, experts: [] }, locale), [former, 'Kubernetes']);
    check(tipCard({ tip: { title: 'Tip', body: '', skills: [] }, authorName: '', authorUserId: FORMER_COLLEAGUE_ID }, locale), [former]);
  });
});

import { describe, expect, it } from '@jest/globals';
import { appliedFollowUpCard } from '../../bot/src/cards/sessions/applied-card';
import { feedbackSummaryCard } from '../../bot/src/cards/sessions/feedback-cards';
import { kudosCard } from '../../bot/src/cards/kudos/kudos-card';
import type { Feedback, LearningSession } from '../../bot/src/domain/sessions/session';
import type { Locale } from '../../bot/src/domain/shared/person';
import { renderCard } from '../support/render-card';

/** Issue #12: the follow-up "did you apply it?", its lines in the host's summary, and kudos naming a skill, through the real renderer. */
const NOW = new Date();
const TZ = 'Europe/Amsterdam';

const session: LearningSession = {
  tenantId: 't',
  teamId: '19:team@thread.tacv2',
  sessionId: 's1',
  title: 'Intro to <b>TypeScript</b>',
  description: '',
  skills: ['TypeScript'],
  format: 'workshop',
  startsAt: new Date(NOW.getTime() - 15 * 86_400_000).toISOString(),
  durationMinutes: 60,
  capacity: 10,
  hostId: 'host',
  teacherIds: [],
  status: 'scheduled',
  openToOrganisation: false,
  counts: { yes: 3, maybe: 0, no: 0 },
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
};

const feedback: Feedback = {
  tenantId: 't',
  teamId: session.teamId,
  sessionId: 's1',
  userId: 'ann',
  rating: 4,
  learnedSomethingNew: true,
  willApply: '**Strict mode** [everywhere](https://evil.example) ' + 'x'.repeat(480),
  submittedAt: NOW.toISOString(),
};

function rendered(card: ReturnType<typeof appliedFollowUpCard>) {
  const out = renderCard(card);
  expect(out.errors).toEqual([]);
  expect(out.bytes).toBeLessThan(20 * 1024);
  return out;
}

describe.each(['en', 'nl'] as Locale[])('in %s', (locale) => {
  const t = (en: string, nl: string) => (locale === 'en' ? en : nl);

  it('the follow-up: their own words as text (never markup), three answers and a note, the previous answer chosen', () => {
    const card = appliedFollowUpCard(
      session,
      { ...feedback, applied: { level: 'partly', note: 'Half way', answeredAt: NOW.toISOString() } },
      locale,
      TZ,
    );
    const out = rendered(card);
    expect(out.text).toContain(t('Did you apply it?', 'Heb je het toegepast?'));
    // Their words stay text: no link, no bold, whatever they typed.
    expect(out.element?.querySelector('a')).toBeNull();
    expect(out.element?.querySelector('strong')).toBeNull();
    expect(out.text).toContain('**Strict mode**');
    const json = JSON.stringify(card);
    expect(json).toContain('"verb":"applied"');
    expect(json).toContain('"value":"partly"');
    expect(json).toContain('"value":"Half way"');
    for (const word of [t('Yes', 'Ja'), t('Partly', 'Deels'), t('Not yet', 'Nog niet')]) expect(json).toContain(`"title":"${word}"`);
  });

  it('the host’s summary: the applied counts and notes only once someone answered', () => {
    const base = { responses: 3, averageRating: 4, learnedSomethingNew: 2, willApply: ['Strict mode'] };
    const none = rendered(feedbackSummaryCard(session, { ...base, applied: { yes: 0, partly: 0, notYet: 0, notes: [] } }, locale));
    expect(none.text).not.toContain(t('Applied after two weeks', 'Toegepast na twee weken'));
    const some = rendered(
      feedbackSummaryCard(session, { ...base, applied: { yes: 2, partly: 1, notYet: 0, notes: ['On every PR'] } }, locale),
    );
    expect(some.text).toContain(t('2 yes · 1 partly · 0 not yet', '2 ja · 1 deels · 0 nog niet'));
    expect(some.text).toContain('On every PR');
  });

  it('kudos naming a skill say what for', () => {
    const kudos = {
      tenantId: 't',
      teamId: 'x',
      kudosId: 'k',
      fromUserId: 'a',
      toUserId: 'b',
      message: 'Thanks!',
      skill: 'Excel',
      createdAt: NOW.toISOString(),
    };
    expect(renderCard(kudosCard({ kudos, fromName: 'Ann', toName: 'Bob' }, locale)).text).toContain(
      t('For their help with Excel', 'Voor de hulp bij Excel'),
    );
  });
});

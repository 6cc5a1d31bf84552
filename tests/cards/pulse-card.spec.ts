import { describe, expect, it } from '@jest/globals';
import { pulseCard } from '../../bot/src/cards/insights/pulse-card';
import type { PulseCardView } from '../../bot/src/cards/insights/pulse-card';
import type { AdaptiveCard } from '../../bot/src/cards/shared/adaptive-card';
import type { PulseResults } from '../../bot/src/domain/insights/pulse';
import type { Locale } from '../../bot/src/domain/shared/person';
import { renderCard } from '../support/render-card';

const NOW = new Date();
// Closes at local midnight in Amsterdam: the last day it takes answers is the day before.
const closesAt = new Date(Date.UTC(NOW.getUTCFullYear() + 1, 2, 4, 23)).toISOString();
const results = (overrides: Partial<PulseResults> = {}): PulseResults => ({
  pulseId: 'p1',
  postedAt: NOW.toISOString(),
  closesAt,
  open: true,
  responses: 0,
  ...overrides,
});
const view = (overrides: Partial<PulseCardView> = {}): PulseCardView => ({
  teamId: '19:team@thread.tacv2',
  results: results(),
  timeZone: 'Europe/Amsterdam',
  ...overrides,
});

function check(card: AdaptiveCard, contains: readonly string[]): string {
  const rendered = renderCard(card);
  expect(rendered.errors).toEqual([]);
  // Teams takes about 28 KB; PeerLearn keeps its cards under 20 KB.
  expect(rendered.bytes).toBeLessThan(20 * 1024);
  for (const text of contains) expect(rendered.text).toContain(text);
  return rendered.text;
}
const choiceSets = (card: AdaptiveCard) => card.body.filter((e) => e.type === 'Input.ChoiceSet');

describe('the pulse card (real adaptivecards renderer)', () => {
  it.each([
    [
      'en',
      ['This month I learned something from a colleague.', '0 colleagues answered so far.', 'Open until 4 March.', 'we store no name'],
    ],
    [
      'nl',
      ['Deze maand heb ik iets geleerd van een collega.', '0 collega’s hebben al geantwoord.', 'Open tot en met 4 maart.', 'geen naam'],
    ],
  ] as const)('open (%s): three compact 1–5 choices, one pulseAnswer button, the count and the promise', (locale, texts) => {
    const card = pulseCard(view(), locale as Locale);
    check(card, texts);
    const sets = choiceSets(card);
    expect(sets.map((s) => s.id)).toEqual(['learnedFromColleague', 'timeToLearn', 'wouldRecommend']);
    for (const set of sets) {
      expect(set).toMatchObject({ style: 'compact', isRequired: true });
      expect(set.type === 'Input.ChoiceSet' && set.choices.map((c) => c.value)).toEqual(['1', '2', '3', '4', '5']);
    }
    expect(card.actions).toEqual([
      expect.objectContaining({ type: 'Action.Execute', verb: 'pulseAnswer', data: { teamId: '19:team@thread.tacv2', pulseId: 'p1' } }),
    ]);
  });

  it('the live count grows with the answers (plural by the language)', () => {
    check(pulseCard(view({ results: results({ responses: 1 }) }), 'en'), ['1 colleague answered so far.']);
    check(pulseCard(view({ results: results({ responses: 7 }) }), 'nl'), ['7 collega’s hebben al geantwoord.']);
  });

  it('thanks after an answer: no inputs and no button any more', () => {
    const card = pulseCard(view({ results: results({ responses: 3 }), notice: { kind: 'thanks' } }), 'en');
    check(card, ['Thanks, your answer is in!', '3 colleagues answered so far.']);
    expect(choiceSets(card)).toHaveLength(0);
    expect(card.actions).toBeUndefined();
  });

  it('a refusal the person can fix keeps the inputs; one they cannot fix does not', () => {
    const retry = pulseCard(view({ notice: { kind: 'failed', text: 'Some of the details are not right.', retry: true } }), 'en');
    check(retry, ['Some of the details are not right.']);
    expect(choiceSets(retry)).toHaveLength(3);
    const done = pulseCard(view({ notice: { kind: 'failed', text: 'You already answered this pulse.', retry: false } }), 'en');
    expect(choiceSets(done)).toHaveLength(0);
  });

  it('closed: says so, no inputs, no button', () => {
    const card = pulseCard(view({ results: results({ open: false, responses: 12 }) }), 'nl');
    check(card, ['Deze peiling is gesloten.', '12 collega’s hebben al geantwoord.']);
    expect(choiceSets(card)).toHaveLength(0);
    expect(card.actions).toBeUndefined();
  });
});

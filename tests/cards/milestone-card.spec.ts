import { describe, expect, it } from '@jest/globals';
import { milestoneCard, milestoneTitle } from '../../bot/src/cards/milestones/milestone-card';
import { MILESTONES } from '../../bot/src/domain/milestones/milestones';
import type { Locale } from '../../bot/src/domain/shared/person';
import { renderCardMarkdown } from '../support/card-markdown';
import { renderCard } from '../support/render-card';

/** Issue #12: every milestone's card through the real renderer, in both languages, with the name as plain text. */
const NAME = 'Sanne _de_ <i>[Vries](https://evil.example)</i>';

describe.each(['en', 'nl'] as Locale[])('the milestone card in %s', (locale) => {
  it.each(MILESTONES.map((m) => m.id))('%s renders without errors, small, with a headline of its own', (milestone) => {
    const out = renderCard(milestoneCard({ milestone, displayName: NAME }, locale));
    expect(out.errors).toEqual([]);
    expect(out.bytes).toBeLessThan(20 * 1024);
    const headline = milestoneTitle({ milestone, displayName: NAME }, locale);
    expect(renderCardMarkdown(headline)).not.toMatch(/<a\b|<em>|<i>/);
    expect(out.text).toContain('evil.example');
  });

  it('each milestone says something different; nobody named is "a colleague"', () => {
    const titles = MILESTONES.map((m) => milestoneTitle({ milestone: m.id, displayName: 'Sanne' }, locale));
    expect(new Set(titles).size).toBe(MILESTONES.length);
    expect(milestoneTitle({ milestone: 'taught1', displayName: '  ' }, locale)).toContain(locale === 'nl' ? 'Een collega' : 'A colleague');
  });
});

describe('the Dutch card', () => {
  it('reads as Dutch', () => {
    expect(milestoneTitle({ milestone: 'attended5', displayName: 'Sanne' }, 'nl')).toBe('🎉 Sanne was al bij 5 sessies');
    expect(renderCard(milestoneCard({ milestone: 'kudos10', displayName: 'Sanne' }, 'nl')).text).toContain('Vier het mee!');
  });
});

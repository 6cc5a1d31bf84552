import { describe, expect, it } from '@jest/globals';
import { helpCard } from '../../bot/src/cards/help/help-card';
import { welcomeCard } from '../../bot/src/cards/help/welcome-card';
import type { AdaptiveCard } from '../../bot/src/cards/shared/adaptive-card';
import type { Locale } from '../../bot/src/domain/shared/person';
import { renderCard } from '../support/render-card';

const cases: [string, (locale: Locale) => AdaptiveCard, Record<Locale, string>][] = [
  ['help', (l) => helpCard(l), { en: 'What I can do', nl: 'Wat ik kan' }],
  ['team welcome', (l) => welcomeCard('team', l), { en: 'PeerLearn is here', nl: 'PeerLearn is er' }],
  ['personal welcome', (l) => welcomeCard('personal', l, 'Sanne'), { en: 'Hi Sanne', nl: 'Hoi Sanne' }],
];

describe.each(cases)('%s card', (_name, build, expected) => {
  it.each(['en', 'nl'] as const)('renders in %s without errors, under 20 KB', (locale) => {
    const rendered = renderCard(build(locale));
    expect(rendered.errors).toEqual([]);
    expect(rendered.element).toBeDefined();
    expect(rendered.text).toContain(expected[locale]);
    expect(rendered.bytes).toBeLessThan(20 * 1024);
  });
});

describe('card renderer check', () => {
  it('reports a card that is not valid', () => {
    const broken = { ...helpCard('en'), body: [{ type: 'FactSet', facts: 'nope' }] } as unknown as AdaptiveCard;
    const bad = renderCard({ ...broken, version: '9.9' as '1.5' });
    expect(bad.errors.length).toBeGreaterThan(0);
  });
});

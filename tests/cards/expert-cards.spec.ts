import { describe, expect, it } from '@jest/globals';
import type { AdaptiveCard } from '../../bot/src/cards/shared/adaptive-card';
import { chatUrl, expertCard, expertNoticeCard, expertsCard } from '../../bot/src/cards/experts/expert-cards';
import type { Locale } from '../../bot/src/domain/shared/person';
import type { ExpertHit } from '../../bot/src/domain/experts/expert-index';
import { renderCard } from '../support/render-card';

const megan: ExpertHit = {
  userId: '00000000-0000-0000-0000-0000000000021',
  displayName: 'Megan Bowen',
  email: 'meganb@example.com',
  match: 'skill',
  quality: 'typo',
  skill: { name: 'TypeScript', level: 3, endorsements: 6 },
  sessionsTaught: 4,
  teaches: [
    { name: 'TypeScript', level: 3, endorsements: 6 },
    { name: 'React', level: 3, endorsements: 0 },
  ],
  languages: ['English', 'Nederlands'],
  availability: 'Mornings',
};
// Absent, not undefined: the hits the index builds leave out what a person has not given.
const { email: _email, ...meganWithoutEmail } = megan;
const { skill: _skill, ...meganWithoutSkill } = megan;
const fatima: ExpertHit = {
  ...meganWithoutEmail,
  userId: 'f',
  displayName: 'Fatima El Amrani',
  match: 'name',
  skill: { name: 'SQL', level: 3, endorsements: 0 },
  sessionsTaught: 0,
};
const noSkills: ExpertHit = {
  ...meganWithoutSkill,
  userId: 'n',
  displayName: 'Nieuw',
  match: 'name',
  teaches: [],
  languages: [],
  availability: '',
  sessionsTaught: 0,
};
/** The worst case for size: 25 skills of 60 characters, a long availability, many languages. */
const heavy: ExpertHit = {
  ...megan,
  displayName: 'X'.repeat(200),
  teaches: Array.from({ length: 30 }, (_, i) => ({ name: `${'Skill'.padEnd(58, 'x')}${i}`, level: 3 as const, endorsements: 999 })),
  languages: Array.from({ length: 10 }, () => 'L'.repeat(40)),
  availability: 'A'.repeat(200),
};

const cases: [string, (locale: Locale) => AdaptiveCard, Record<Locale, string[]>][] = [
  [
    'expert result',
    (l) => expertCard(megan, l),
    {
      en: ['Megan Bowen', 'TypeScript · level 3 · 6 endorsements · 4 sessions taught', 'Ask for a session', 'Chat'],
      nl: ['TypeScript · niveau 3 · 6 aanbevelingen · 4 sessies gegeven', 'Vraag om een sessie', 'Chatten'],
    },
  ],
  [
    'expert without skills',
    (l) => expertCard(noSkills, l),
    { en: ['Name matches', 'nothing yet'], nl: ['Naam komt overeen', 'nog niets'] },
  ],
  ['heaviest expert result', (l) => expertCard(heavy, l), { en: ['Skill'], nl: ['Skill'] }],
  [
    'who knows, five results',
    (l) => expertsCard('typscript', [megan, fatima, megan, fatima, heavy], l, false),
    { en: ['Who knows “typscript”?', 'Fatima El Amrani'], nl: ['Wie kent “typscript”?'] },
  ],
  [
    'who knows, nobody',
    (l) => expertsCard('kennis', [], l, false),
    { en: ['Nobody found for “kennis”'], nl: ['Nog niemand gevonden voor “kennis”'] },
  ],
  [
    'suggestions',
    (l) => expertsCard('', [{ ...megan, match: 'suggestion', wantedBy: 3 }], l, true),
    { en: ['3 colleagues want to learn this'], nl: ['3 collega’s willen dit leren'] },
  ],
  [
    'picked person not found',
    (l) => expertNoticeCard(l, 'expertGone'),
    { en: ['is not (or no longer) in PeerLearn'], nl: ['staat niet (meer) in PeerLearn'] },
  ],
  ['picked while search starts', (l) => expertNoticeCard(l, 'warming'), { en: ['Expert search is starting up'], nl: ['start nog op'] }],
];

describe.each(cases)('%s card', (_name, build, expected) => {
  it.each(['en', 'nl'] as const)('renders in %s without errors, under 20 KB', (locale) => {
    const rendered = renderCard(build(locale));
    expect(rendered.errors).toEqual([]);
    expect(rendered.element).toBeDefined();
    for (const text of expected[locale]) expect(rendered.text).toContain(text);
    expect(rendered.bytes).toBeLessThan(20 * 1024);
  });
});

describe('chat links', () => {
  it('open a 1:1 chat by e-mail, else by object id, with an optional drafted message', () => {
    expect(chatUrl(megan)).toBe('https://teams.microsoft.com/l/chat/0/0?users=meganb%40example.com');
    expect(chatUrl({ userId: 'abc-123' }, 'Hoi & dag')).toBe(
      'https://teams.microsoft.com/l/chat/0/0?users=abc-123&message=Hoi%20%26%20dag',
    );
    const ask = expertCard(megan, 'nl').actions?.[0];
    expect(ask?.type === 'Action.OpenUrl' && decodeURIComponent(ask.url)).toContain('dat jij verstand hebt van TypeScript');
  });
});

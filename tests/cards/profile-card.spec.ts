import { describe, expect, it } from '@jest/globals';
import type { AdaptiveCard } from '../../bot/src/cards/shared/adaptive-card';
import { profileCard, profileEditCard } from '../../bot/src/cards/experts/profile-card';
import type { ProfileCardView } from '../../bot/src/cards/experts/profile-card';
import type { Locale } from '../../bot/src/domain/shared/person';
import { checkProfileForm, PROFILE_SWITCHES, profileFormOf, shownKey } from '../../bot/src/domain/experts/profile-form';
import type { ProfileFormProblem, ProfileFormValues, ProfileSwitch } from '../../bot/src/domain/experts/profile-form';
import { SEEDED_TAXONOMY } from '../../bot/src/domain/experts/skill-taxonomy';
import { renderCard } from '../support/render-card';

const megan: ProfileCardView = {
  displayName: 'Megan Bowen',
  teaches: [
    { name: 'JavaScript', level: 2, endorsements: 2 },
    { name: 'Presenting', level: 3, endorsements: 0 },
  ],
  wants: ['Power BI'],
  bio: 'Front-end developer who likes teaching.',
  languages: ['English', 'Nederlands'],
  availability: 'Tuesday afternoons',
  celebrateMilestones: true,
  requestAlerts: true,
};
const empty: ProfileCardView = {
  displayName: '',
  teaches: [],
  wants: [],
  bio: '',
  languages: [],
  availability: '',
  celebrateMilestones: false,
  requestAlerts: false,
};
/** The worst case for size: every field at its limit. */
const heavy: ProfileCardView = {
  displayName: 'X'.repeat(200),
  teaches: Array.from({ length: 30 }, (_, i) => ({ name: `${'Skill'.padEnd(58, 'x')}${i}`, level: 3 as const, endorsements: 999 })),
  wants: Array.from({ length: 30 }, (_, i) => `${'Want'.padEnd(58, 'y')}${i}`),
  bio: 'B'.repeat(500),
  languages: Array.from({ length: 10 }, () => 'L'.repeat(40)),
  availability: 'A'.repeat(200),
  celebrateMilestones: true,
  requestAlerts: true,
};
const pasted: ProfileFormValues = {
  teaches: 'x'.repeat(4_000),
  wants: 'w'.repeat(4_000),
  bio: 'b'.repeat(4_000),
  languages: 'l'.repeat(4_000),
  availability: 'a'.repeat(4_000),
  celebrateMilestones: { on: false, shown: true },
  requestAlerts: { on: true, shown: true },
};
const badForm: ProfileFormValues = {
  teaches: 'SQL: 7\n: 2\nExcel: 3',
  wants: 'Python',
  bio: 'b'.repeat(501),
  languages: 'English',
  availability: 'Mondays',
  celebrateMilestones: { on: true, shown: true },
  requestAlerts: { on: true, shown: true },
};
const badProblems = (): readonly ProfileFormProblem[] => {
  const result = checkProfileForm(badForm, SEEDED_TAXONOMY);
  return result.ok ? [] : result.problems;
};

const cases: [string, (locale: Locale) => AdaptiveCard, Record<Locale, string[]>][] = [
  [
    'profile',
    (l) => profileCard(megan, l),
    {
      en: [
        'Your PeerLearn profile',
        'JavaScript (level 2, 2× endorsed)',
        'Presenting (level 3)',
        'Front-end developer',
        'Tuesday afternoons',
        'Edit profile',
        'my skills: Excel, SQL',
        'Milestone cards',
        'celebrated in the team channel',
        'Request alerts',
        'a message when your team asks for a skill you teach',
      ],
      nl: [
        'Je PeerLearn-profiel',
        'JavaScript (niveau 2, 2× aanbevolen)',
        'Over mij',
        'Profiel bewerken',
        'mijn vaardigheden: Excel, SQL',
        'gevierd in het teamkanaal',
        'Meldingen over leervragen',
        'een bericht als je team vraagt om iets wat jij anderen kunt leren',
      ],
    },
  ],
  ['empty profile', (l) => profileCard(empty, l), { en: ['nothing yet', '"value":"off"'], nl: ['nog niets', '"value":"uit"'] }],
  [
    'profile after a save',
    (l) => profileCard(megan, l, { normalised: [{ from: 'js', to: 'JavaScript' }] }),
    { en: ['Saved.', 'js', '→ JavaScript'], nl: ['Opgeslagen.', 'Deze spellingen heb ik netjes gemaakt:'] },
  ],
  [
    'heaviest profile',
    (l) => profileCard(heavy, l, { normalised: heavy.teaches.map((s) => ({ from: s.name.toLowerCase(), to: s.name })) }),
    { en: ['Skill'], nl: ['Skill'] },
  ],
  [
    'edit form',
    (l) => profileEditCard(profileFormOf({ ...megan, teaches: megan.teaches.map(({ name, level }) => ({ name, level })) }), l),
    {
      en: ['Edit your PeerLearn profile', 'one skill per line', 'Save', 'Cancel'],
      nl: ['Je PeerLearn-profiel bewerken', 'één vaardigheid per regel', 'Opslaan', 'Annuleren'],
    },
  ],
  [
    'edit form with problems',
    (l) => profileEditCard(badForm, l, badProblems()),
    {
      en: ['Nothing was saved yet', '“SQL: 7”: the level must be 1', 'at least one letter or digit', 'at most 500 characters'],
      nl: ['Er is nog niets opgeslagen', '“SQL: 7”: het niveau moet 1', 'minstens één letter of cijfer', 'hoogstens 500 tekens'],
    },
  ],
  [
    'edit form after a pasted page',
    (l) =>
      profileEditCard(pasted, l, [
        { field: 'teaches', index: 0, code: 'tooLong', max: 60, line: pasted.teaches },
        { field: 'bio', code: 'tooLong', max: 500 },
      ]),
    { en: ['is too long'], nl: ['is te lang'] },
  ],
];

describe.each(cases)('%s card', (_name, build, expected) => {
  it.each(['en', 'nl'] as const)('renders in %s without errors, under 20 KB', (locale) => {
    const rendered = renderCard(build(locale));
    expect(rendered.errors).toEqual([]);
    expect(rendered.element).toBeDefined();
    for (const text of expected[locale]) expect(JSON.stringify(build(locale)) + rendered.text).toContain(text);
    expect(rendered.bytes).toBeLessThan(20 * 1024);
  });
});

describe('the edit form', () => {
  it('is filled from the stored profile as "Skill: level" lines and comma lists', () => {
    expect(
      profileFormOf({
        teaches: [
          { name: 'SQL', level: 3 },
          { name: 'Excel', level: 1 },
        ],
        wants: ['Python', 'Go'],
        bio: 'Hi',
        languages: ['English'],
        availability: '',
        celebrateMilestones: false,
      }),
    ).toEqual({
      teaches: 'SQL: 3\nExcel: 1',
      wants: 'Python, Go',
      bio: 'Hi',
      languages: 'English',
      availability: '',
      celebrateMilestones: { on: false, shown: false },
      requestAlerts: { on: true, shown: true },
    });
    // Absent (a profile from before the switch, or none yet) is on.
    expect(profileFormOf(undefined).celebrateMilestones).toEqual({ on: true, shown: true });
  });

  it('saves with Action.Execute saveProfile and sends its inputs; cancel sends none', () => {
    const card = profileEditCard(profileFormOf(undefined), 'en');
    expect(card.actions?.map((a) => (a.type === 'Action.Execute' ? [a.verb, a.associatedInputs] : a.type))).toEqual([
      ['saveProfile', 'auto'],
      ['viewProfile', 'none'],
    ]);
    const ids = card.body.flatMap((e) => ('id' in e ? [e.id] : []));
    expect(ids).toEqual(['teaches', 'wants', 'bio', 'languages', 'availability', 'celebrateMilestones', 'requestAlerts']);
  });

  const switches = [
    {
      id: 'celebrateMilestones',
      place: 0,
      title: { en: 'Celebrate my milestones in the team channel', nl: 'Mijn mijlpalen vieren in het teamkanaal' },
    },
    {
      id: 'requestAlerts',
      place: 1,
      title: {
        en: 'Tell me when someone asks to learn a skill I teach',
        nl: 'Laat het me weten als iemand iets wil leren wat ik anderen kan leren',
      },
    },
  ] as const;
  const storedWith = (id: ProfileSwitch, on: boolean) =>
    profileFormOf({
      teaches: [],
      wants: [],
      bio: '',
      languages: [],
      availability: '',
      ...(id === 'requestAlerts' ? { requestAlerts: on } : { celebrateMilestones: on }),
    });

  it.each(switches)(
    'shows the $id switch as stored, rendered, and sends back what it showed so that only a change is saved',
    ({ id, place, title }) => {
      for (const on of [true, false]) {
        const values = storedWith(id, on);
        expect(values[id]).toEqual({ on, shown: on });
        for (const locale of ['en', 'nl'] as const) {
          const card = profileEditCard(values, locale);
          const rendered = renderCard(card);
          expect(rendered.errors).toEqual([]);
          expect(card.body.find((e) => 'id' in e && e.id === id)).toEqual({
            type: 'Input.Toggle',
            id,
            title: title[locale],
            value: String(on),
          });
          // The rendered checkboxes are the ones Teams shows: this one as stored, the other one on (its default).
          const boxes = [...(rendered.element?.querySelectorAll<HTMLInputElement>('input[type=checkbox]') ?? [])];
          expect(boxes.map((b) => b.checked)).toEqual(place === 0 ? [on, true] : [true, on]);
          expect(rendered.text).toContain(title[locale]);
          const save = card.actions?.[0];
          expect(save?.type === 'Action.Execute' && save.data).toEqual({
            celebrateMilestonesShown: 'true',
            requestAlertsShown: 'true',
            [shownKey(id)]: String(on),
          });
        }
      }
      // Absent (a profile from before the switch, or none yet) is on.
      expect(profileFormOf(undefined)[id]).toEqual({ on: true, shown: true });
    },
  );

  it.each(PROFILE_SWITCHES)('puts the %s switch into the edit only when it was changed (absent keeps the stored choice)', (id) => {
    const form = { ...profileFormOf(undefined), teaches: 'Excel: 2' };
    const other = PROFILE_SWITCHES.find((s) => s !== id) ?? id;
    const unchanged = checkProfileForm({ ...form, [id]: { on: false, shown: false } }, SEEDED_TAXONOMY);
    expect(unchanged.ok && id in unchanged.edit).toBe(false);
    const off = checkProfileForm({ ...form, [id]: { on: false, shown: true } }, SEEDED_TAXONOMY);
    expect(off.ok && off.edit[id]).toBe(false);
    // Only the flipped one: the other switch is left as stored.
    expect(off.ok && other in off.edit).toBe(false);
    const on = checkProfileForm({ ...form, [id]: { on: true, shown: false } }, SEEDED_TAXONOMY);
    expect(on.ok && on.edit[id]).toBe(true);
  });

  it('shows request alerts on the profile card, on or off, in both languages', () => {
    for (const [locale, on, off] of [
      [
        'en',
        '"title":"Request alerts","value":"a message when your team asks for a skill you teach"',
        '"title":"Request alerts","value":"off"',
      ],
      [
        'nl',
        '"title":"Meldingen over leervragen","value":"een bericht als je team vraagt om iets wat jij anderen kunt leren"',
        '"title":"Meldingen over leervragen","value":"uit"',
      ],
    ] as const) {
      expect(renderCard(profileCard(megan, locale)).errors).toEqual([]);
      expect(JSON.stringify(profileCard(megan, locale))).toContain(on);
      expect(JSON.stringify(profileCard({ ...megan, requestAlerts: false }, locale))).toContain(off);
    }
  });

  it('reads levels, tidies spellings through the shared rules, and names each bad entry', () => {
    const good = checkProfileForm(
      {
        teaches: 'js: 3\nPresenteren\n\n',
        wants: 'power bi, , ts',
        bio: '  Hoi  ',
        languages: 'Nederlands, Nederlands',
        availability: 'ma',
        celebrateMilestones: { on: true, shown: true },
        requestAlerts: { on: true, shown: true },
      },
      SEEDED_TAXONOMY,
    );
    expect(good).toEqual({
      ok: true,
      edit: {
        teaches: [
          { name: 'JavaScript', level: 3 },
          { name: 'Presenting', level: 2 },
        ],
        wants: ['Power BI', 'TypeScript'],
        bio: 'Hoi',
        languages: ['Nederlands'],
        availability: 'ma',
      },
      normalised: [
        { from: 'js', to: 'JavaScript' },
        { from: 'Presenteren', to: 'Presenting' },
        { from: 'power bi', to: 'Power BI' },
        { from: 'ts', to: 'TypeScript' },
      ],
    });
    expect(badProblems()).toEqual([
      { field: 'teaches', index: 0, code: 'level', line: 'SQL: 7' },
      { field: 'teaches', index: 1, code: 'empty', line: ': 2' },
      { field: 'bio', code: 'tooLong', max: 500 },
    ]);
    const control = checkProfileForm({ ...badForm, teaches: 'SQL', bio: 'hi\u0007there', availability: '\u0000' }, SEEDED_TAXONOMY);
    expect(control).toEqual({
      ok: false,
      problems: [
        { field: 'bio', code: 'control' },
        { field: 'availability', code: 'control' },
      ],
    });
    const tooMany = checkProfileForm(
      { ...badForm, teaches: Array.from({ length: 40 }, (_, i) => `Skill ${i}`).join('\n'), bio: '' },
      SEEDED_TAXONOMY,
    );
    expect(tooMany.ok ? [] : tooMany.problems).toEqual([{ field: 'teaches', code: 'tooMany', max: 30 }]);
  });
});

import { describe, expect, it } from '@jest/globals';
import { expertStrings } from '../../bot/src/cards/experts/expert-strings';
import { profileStrings } from '../../bot/src/cards/experts/profile-strings';
import { requestStrings } from '../../bot/src/cards/requests/learning-request-strings';
import { reminderWhen } from '../../bot/src/cards/sessions/session-notice-cards';
import { sessionStrings } from '../../bot/src/cards/sessions/session-strings';
import { textsKept, t } from '../../bot/src/cards/shared/i18n';
import { commonStrings } from '../../bot/src/cards/shared/strings';
import { tipStrings } from '../../bot/src/cards/tips/tip-strings';
import { buddyStrings } from '../../bot/src/cards/buddies/buddy-strings';
import { privacyStrings } from '../../bot/src/cards/privacy/privacy-strings';

const catalogues = {
  common: commonStrings,
  sessions: sessionStrings,
  tips: tipStrings,
  requests: requestStrings,
  experts: expertStrings,
  profile: profileStrings,
  privacy: privacyStrings,
  buddies: buddyStrings,
};

// Names and words Dutch uses as they are, and texts that are only placeholders and punctuation.
const SAME_IN_DUTCH =
  /^(?:[^\p{L}]*(?:\{\{\w+\}\}[^\p{L}]*)*|PeerLearn|Kudos|Online|Team|Tips?|Experts?|Workshop|Demo|Lunch & learn|Privacy)$/u;

// Keys whose text is rightly the same: example skill names, a loanword in lower case, a label with a placeholder.
const SAME_KEYS = new Set(['wantsPlaceholder', 'modeOnline', 'statusTeam']);

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe.each(Object.entries(catalogues))('the cards’ %s catalogue', (_name, catalogue) => {
  const en: Record<string, string> = catalogue.en;
  const nl: Record<string, string> = catalogue.nl;

  it('says every text in Dutch (the same only for names, loanwords and pure placeholders)', () => {
    const same = Object.keys(en).filter((key) => nl[key] === en[key] && !SAME_IN_DUTCH.test(en[key] ?? '') && !SAME_KEYS.has(key));
    expect(same).toEqual([]);
  });

  it('has the same keys in Dutch and English', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
  });

  it('fills the same placeholders in both languages, all in i18next’s {{name}} form', () => {
    for (const key of Object.keys(en)) {
      expect({ key, nl: placeholders(nl[key] ?? '') }).toEqual({ key, nl: placeholders(en[key] ?? '') });
      for (const text of [en[key] ?? '', nl[key] ?? ''])
        expect({ key, single: text.match(/(?<!\{)\{\w+\}(?!\})/) }).toEqual({ key, single: null });
    }
  });

  it('gives every plural its one and other forms, the other one with the count', () => {
    const plurals = Object.keys(en).filter((k) => /_(one|other)$/.test(k));
    for (const key of plurals) {
      const base = key.replace(/_(one|other)$/, '');
      expect([`${base}_one`, `${base}_other`].filter((k) => !(k in en))).toEqual([]);
      expect({ key, other: placeholders(en[`${base}_other`] ?? '') }).toEqual({ key, other: expect.arrayContaining(['count']) });
    }
  });
});

// Texts whose values are all numbers are kept per language, key and numbers (the expert search asks for
// "level 3 · 2 endorsements" ten times a keystroke); a kept text must read exactly as a fresh one would.
describe('texts with numbers, kept once made', () => {
  it('gives each count its own plural form, asked in any order and again', () => {
    const asked = [1, 2, 1, 0, 2, 1] as const;
    expect(asked.map((count) => t('en', 'experts:endorsements', { count }))).toEqual([
      '1 endorsement',
      '2 endorsements',
      '1 endorsement',
      '0 endorsements',
      '2 endorsements',
      '1 endorsement',
    ]);
    expect(asked.map((count) => t('nl', 'experts:endorsements', { count }))).toEqual([
      '1 aanbeveling',
      '2 aanbevelingen',
      '1 aanbeveling',
      '0 aanbevelingen',
      '2 aanbevelingen',
      '1 aanbeveling',
    ]);
  });

  it('keeps the languages and the keys apart', () => {
    expect(t('en', 'experts:level', { n: 2 })).toBe('level 2');
    expect(t('nl', 'experts:level', { n: 2 })).toBe('niveau 2');
    expect(t('en', 'experts:level', { n: 2 })).toBe('level 2');
    expect(t('en', 'sessions:goingCount', { count: 2 })).toBe('2 going');
    expect(t('en', 'experts:level', { n: 2 })).toBe('level 2');
  });

  it('keeps a text once, and never one with words in its values', () => {
    const before = textsKept('en');
    t('en', 'experts:level', { n: 987_654 });
    t('en', 'experts:level', { n: 987_654 });
    expect(textsKept('en')).toBe(before + 1);
    const withName = t('en', 'experts:askMessageNoSkill', { name: 'Anna' });
    expect(withName).toContain('Anna');
    expect(t('en', 'experts:askMessageNoSkill', { name: 'Bram' })).toContain('Bram');
    expect(textsKept('en')).toBe(before + 1);
  });

  it('stays bounded however many numbers are asked for', () => {
    for (let n = 0; n <= 5_000; n++) expect(t('nl', 'experts:level', { n })).toBe(`niveau ${n}`);
    expect(textsKept('nl')).toBeLessThanOrEqual(5_000);
    expect(textsKept('nl')).toBeGreaterThan(0);
  });
});

describe('plurals by the language’s own rules', () => {
  it.each([
    ['en', 1, '1 going'],
    ['en', 3, '3 going'],
    ['nl', 1, '1 gaat'],
    ['nl', 3, '3 gaan'],
  ] as const)('%s, %i going', (locale, count, text) => {
    expect(t(locale, 'sessions:goingCount', { count })).toBe(text);
  });

  it('says a reminder a day ahead as one day, not "1 days"', () => {
    expect(reminderWhen(30 * 60, 'en')).toBe('in 1 day');
    expect(reminderWhen(30 * 60, 'nl')).toBe('over 1 dag');
    expect(reminderWhen(3 * 24 * 60, 'en')).toBe('in 3 days');
    expect(reminderWhen(3 * 24 * 60, 'nl')).toBe('over 3 dagen');
  });

  it.each([
    ['requests:cardVotes', 1, 'en', '1 colleague wants this'],
    ['requests:cardVotes', 2, 'nl', '2 collega’s willen dit'],
    ['experts:endorsements', 1, 'nl', '1 aanbeveling'],
    ['experts:sessionsTaught', 4, 'en', '4 sessions taught'],
    ['experts:wantedBy', 1, 'en', '1 colleague wants to learn this'],
  ] as const)('%s with %i in %s', (key, count, locale, text) => {
    expect(t(locale, key, { count })).toBe(text);
  });

  it('drafts a session from a request by one colleague without "(1 want this)"', () => {
    expect(t('en', 'requests:draftWithoutNote', { skill: 'SQL', count: 1 })).toBe('A colleague asked on the team board to learn SQL.');
    expect(t('nl', 'requests:draftWithoutNote', { skill: 'SQL', count: 4 })).toBe(
      'Collega’s vroegen op het teambord om SQL te leren (4 willen dit).',
    );
  });

  it('fills placeholders without escaping: cards are not HTML', () => {
    expect(t('en', 'common:welcomePersonalTitle', { name: 'Noor & Sanne <3' })).toBe('Hi Noor & Sanne <3, welcome to PeerLearn 👋');
  });
});

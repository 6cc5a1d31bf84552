import { describe, expect, it } from '@jest/globals';
import { buildDemoTeam } from '../../bot/src/domain/demo/demo-team';
import { TIP_BODY_MAX, TIP_PROBLEMS, TIP_SKILLS_MAX, isWebLink, tipFormValues, validateTipInput } from '../../bot/src/domain/tips/tip';
import type { Tip, TipProblemCode } from '../../bot/src/domain/tips/tip';
import { TIP_PAGE_DEFAULT, TIP_PAGE_MAX, tipMatcher, tipPageSize } from '../../bot/src/domain/tips/tip-search';
import { tipProblemText } from '../../bot/src/cards/tips/tip-form-card';

function tip(overrides: Partial<Tip> = {}): Tip {
  return {
    tenantId: 't',
    teamId: 'team',
    tipId: 'tip-1',
    authorUserId: 'u1',
    title: 'Draaitabellen in 5 minuten',
    body: 'Selecteer je data en kies Invoegen > Draaitabel. Handig voor een snelle analyse.',
    skills: ['Excel', 'Power BI'],
    createdAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

const codes = (input: unknown): TipProblemCode[] => {
  const result = validateTipInput(input);
  return result.ok ? [] : result.problems.map((p) => p.code);
};

describe('validateTipInput', () => {
  it('accepts a full tip, trims it and normalises skills to their canonical names without duplicates', () => {
    const result = validateTipInput({
      title: '  Keyboard   shortcuts ',
      body: ' Line one\r\nLine two ',
      link: 'https://learn.microsoft.com/x',
      skills: 'js, JavaScript, power-bi, Zelfgemaakt',
    });
    expect(result).toEqual({
      ok: true,
      draft: {
        title: 'Keyboard shortcuts',
        body: 'Line one\nLine two',
        link: 'https://learn.microsoft.com/x',
        skills: ['JavaScript', 'Power BI', 'Zelfgemaakt'],
      },
    });
    // An array (the API) works as well as a comma list (the card); an empty link is no link.
    expect(validateTipInput({ title: 'T', skills: ['Excel'], link: '' })).toEqual({
      ok: true,
      draft: { title: 'T', body: '', skills: ['Excel'] },
    });
    expect(validateTipInput({ title: 'Plain http intranet page', link: 'http://intranet.local/training' }).ok).toBe(true);
  });

  it('names every problem at once, each on its field', () => {
    const result = validateTipInput({
      title: 'x'.repeat(121),
      body: 'y'.repeat(TIP_BODY_MAX + 1),
      link: 'javascript:alert(1)',
      skills: Array.from({ length: TIP_SKILLS_MAX + 1 }, (_, i) => `Skill ${i}`),
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems).toEqual([
      { field: 'title', code: 'titleTooLong' },
      { field: 'body', code: 'bodyTooLong' },
      { field: 'link', code: 'linkInvalid' },
      { field: 'skills', code: 'skillsTooMany' },
    ]);
  });

  it.each([
    ['no title', {}, ['titleRequired']],
    ['a blank title', { title: '   ' }, ['titleRequired']],
    ['not an object', 'hello', ['titleRequired']],
    ['a file link', { title: 'T', link: 'file:///c:/secret.txt' }, ['linkInvalid']],
    ['a link without a scheme', { title: 'T', link: 'learn.microsoft.com' }, ['linkInvalid']],
    ['a skill of only punctuation', { title: 'T', skills: 'Excel, !!!' }, ['skillInvalid']],
    ['skills that are not texts', { title: 'T', skills: [1, 2] }, ['skillInvalid']],
    ['a skill that is far too long', { title: 'T', skills: ['s'.repeat(61)] }, ['skillInvalid']],
  ])('refuses %s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('eight skills are fine, also when typed twice in other spellings', () => {
    const eight = ['Excel', 'SQL', 'Python', 'Azure', 'Git', 'Docker', 'React', 'CSS'];
    expect(validateTipInput({ title: 'T', skills: [...eight, 'excel', 'sql'] })).toMatchObject({ ok: true, draft: { skills: eight } });
  });

  it('every problem has an English and a Dutch text with its limit filled in', () => {
    for (const code of TIP_PROBLEMS) {
      for (const locale of ['en', 'nl'] as const) {
        const text = tipProblemText(locale, code);
        expect(text).not.toMatch(/\{|\}/);
        expect(text.length).toBeGreaterThan(5);
      }
    }
    expect(tipProblemText('nl', 'titleTooLong')).toContain('120');
    expect(tipProblemText('en', 'skillsTooMany')).toContain('8');
  });

  it('isWebLink: http and https with a host only', () => {
    expect(isWebLink('https://a.example/x?y=1')).toBe(true);
    expect(isWebLink('http://intranet/x')).toBe(true);
    for (const bad of ['ftp://a.example', 'mailto:a@b.c', 'javascript:void(0)', 'data:text/html,hi', 'https://', ''])
      expect(isWebLink(bad)).toBe(false);
  });

  it('tipFormValues keeps what was typed, as text', () => {
    expect(tipFormValues({ title: 'A', body: 'B', link: 'nope', skills: ['x', 'y'], verb: 'shareTip' })).toEqual({
      title: 'A',
      body: 'B',
      link: 'nope',
      skills: 'x, y',
    });
    expect(tipFormValues(undefined)).toEqual({ title: '', body: '', link: '', skills: '' });
  });
});

describe('tipMatcher', () => {
  const excel = tip();
  const ts = tip({ tipId: 'tip-2', title: 'Free course: generics', body: 'Two evenings.', skills: ['TypeScript', 'JavaScript'] });
  const accents = tip({ tipId: 'tip-3', title: 'Café-sessies over Kotlin', body: 'Zo één per maand.', skills: [] });

  it('an empty search matches everything', () => {
    expect([excel, ts, accents].filter(tipMatcher({}))).toHaveLength(3);
    expect([excel, ts, accents].filter(tipMatcher({ text: '   ' }))).toHaveLength(3);
  });

  it('matches title, body and skill words, ignoring case and accents; every word must occur', () => {
    expect([excel, ts, accents].filter(tipMatcher({ text: 'DRAAITABEL' }))).toEqual([excel]);
    expect([excel, ts, accents].filter(tipMatcher({ text: 'evenings' }))).toEqual([ts]);
    expect([excel, ts, accents].filter(tipMatcher({ text: 'cafe een' }))).toEqual([accents]);
    expect([excel, ts, accents].filter(tipMatcher({ text: 'power bi' }))).toEqual([excel]);
    expect([excel, ts, accents].filter(tipMatcher({ text: 'excel typescript' }))).toEqual([]);
  });

  it('a query that is a skill in another spelling finds the tag ("js" → JavaScript)', () => {
    expect([excel, ts, accents].filter(tipMatcher({ text: 'js' }))).toEqual([ts]);
    expect([excel, ts, accents].filter(tipMatcher({ text: 'powerbi' }))).toEqual([excel]);
  });

  it('the skill filter keeps tips with that skill, in any spelling; combined with text both must hold', () => {
    expect([excel, ts, accents].filter(tipMatcher({ skill: 'typescript' }))).toEqual([ts]);
    expect([excel, ts, accents].filter(tipMatcher({ skill: 'Power-BI' }))).toEqual([excel]);
    expect([excel, ts, accents].filter(tipMatcher({ skill: 'Excel', text: 'generics' }))).toEqual([]);
    expect([excel, ts, accents].filter(tipMatcher({ skill: '!!!' }))).toEqual([]);
  });

  it('tipPageSize: default 20, 1–50, anything else refused', () => {
    expect(tipPageSize(undefined)).toBe(TIP_PAGE_DEFAULT);
    expect(tipPageSize('1')).toBe(1);
    expect(tipPageSize(String(TIP_PAGE_MAX))).toBe(TIP_PAGE_MAX);
    for (const bad of ['0', '51', '2.5', '-1', 'ten', ['5']]) expect(tipPageSize(bad)).toBeUndefined();
  });
});

describe('demo tips', () => {
  it('are valid tips, with canonical skills, newest within the last two weeks, in Dutch and English', () => {
    const now = new Date('2026-11-27T12:00:00.000Z');
    const demo = buildDemoTeam(now);
    expect(demo.tips.length).toBeGreaterThanOrEqual(5);
    for (const t of demo.tips) {
      expect(validateTipInput(t)).toEqual({
        ok: true,
        draft: { title: t.title, body: t.body, ...(t.link ? { link: t.link } : {}), skills: t.skills },
      });
      expect(demo.memberships.some((m) => m.userId === t.authorUserId)).toBe(true);
      expect(Date.parse(t.createdAt)).toBeLessThan(now.getTime());
    }
    expect(demo.tips.some((t) => /draaitabel/i.test(t.title))).toBe(true);
    expect(demo.tips.some((t) => /course/i.test(t.title))).toBe(true);
  });
});

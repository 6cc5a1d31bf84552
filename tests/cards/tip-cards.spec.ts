import { describe, expect, it } from '@jest/globals';
import type { AdaptiveCard } from '../../bot/src/cards/shared/adaptive-card';
import { tipCard } from '../../bot/src/cards/tips/tip-card';
import { SHARE_TIP_VERB, tipFormCard, tipNoticeCard } from '../../bot/src/cards/tips/tip-form-card';
import type { Locale } from '../../bot/src/domain/shared/person';
import { TIP_PROBLEMS } from '../../bot/src/domain/tips/tip';
import type { Tip } from '../../bot/src/domain/tips/tip';
import { renderCard } from '../support/render-card';

const tip: Pick<Tip, 'title' | 'body' | 'link' | 'skills'> = {
  title: 'Draaitabellen in 5 minuten',
  body: 'Selecteer je data, kies Invoegen > Draaitabel en sleep een veld naar Waarden.',
  link: 'https://support.microsoft.com/nl-nl/office/draaitabel',
  skills: ['Excel', 'Power BI'],
};

function check(card: AdaptiveCard, contains: readonly string[]): ReturnType<typeof renderCard> {
  const rendered = renderCard(card);
  expect(rendered.errors).toEqual([]);
  expect(rendered.element).toBeDefined();
  expect(rendered.bytes).toBeLessThan(20 * 1024);
  for (const text of contains) expect(rendered.text).toContain(text);
  return rendered;
}

describe.each(['en', 'nl'] as Locale[])('tip cards in %s', (locale) => {
  const t = (en: string, nl: string) => (locale === 'en' ? en : nl);

  it('the tip card: title, text, skills as tags, author, the link as Action.OpenUrl', () => {
    const card = tipCard({ tip, authorName: 'Sanne de Vries' }, locale);
    expect(card.version).toBe('1.5');
    const rendered = check(card, [
      'Draaitabellen in 5 minuten',
      'Invoegen > Draaitabel',
      'Excel',
      'Power BI',
      t('Shared by Sanne de Vries', 'Gedeeld door Sanne de Vries'),
    ]);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: t('Open link', 'Link openen'), url: tip.link }]);
    // Each skill is its own tag (a container of its own), not a sentence.
    const tags = rendered.element?.querySelectorAll('.ac-container') ?? [];
    expect([...new Set([...tags].map((e) => e.textContent?.trim()).filter((text) => text === 'Excel' || text === 'Power BI'))]).toEqual([
      'Excel',
      'Power BI',
    ]);
  });

  it('without a link, body or skills there is no button and nothing empty; an unknown author is "a colleague"', () => {
    const card = tipCard({ tip: { title: 'Kort', body: '', skills: [] }, authorName: '' }, locale);
    check(card, ['Kort', t('a colleague', 'een collega')]);
    expect(card.actions).toBeUndefined();
  });

  it('stays under 20 KB at the limits (and beyond them, clipped)', () => {
    const huge = {
      title: 'T'.repeat(5000),
      body: 'B'.repeat(50_000),
      link: `https://example.com/${'x'.repeat(900)}`,
      skills: Array.from({ length: 20 }, (_, i) => `Skill ${'s'.repeat(50)} ${i}`),
    };
    const rendered = check(tipCard({ tip: huge, authorName: 'N'.repeat(500) }, locale), []);
    expect(rendered.text).not.toContain('B'.repeat(1001));
  });

  it('the form: four fields, submit with the shareTip verb; after a refused save the problems and typed values', () => {
    const empty = tipFormCard({}, locale);
    check(empty, [t('Share a tip or training material', 'Een tip of trainingsmateriaal delen')]);
    const inputs = JSON.stringify(empty).match(/"id":"(\w+)"/g);
    expect(inputs).toEqual(['"id":"title"', '"id":"body"', '"id":"link"', '"id":"skills"']);
    expect(empty.actions).toEqual([
      { type: 'Action.Submit', title: t('Share tip', 'Tip delen'), data: { verb: SHARE_TIP_VERB }, style: 'positive' },
    ]);

    const problems = TIP_PROBLEMS.map((code) => ({
      field: code.startsWith('title')
        ? ('title' as const)
        : code.startsWith('body')
          ? ('body' as const)
          : code.startsWith('link')
            ? ('link' as const)
            : ('skills' as const),
      code,
    }));
    const again = tipFormCard(
      { values: { title: 'x'.repeat(5000), body: 'y'.repeat(90_000), link: 'ftp://x', skills: 'a, !!!' }, problems },
      locale,
    );
    const rendered = check(again, [
      t('Give the tip a title.', 'Geef de tip een titel.'),
      t('Keep the title to 120 characters.', 'Houd de titel op hoogstens 120 tekens.'),
      t('Choose at most 8 skills.', 'Kies hoogstens 8 vaardigheden.'),
      t('Please check', 'Kijk nog even'),
    ]);
    expect(rendered.text).not.toMatch(/\{max\}/);
    const json = JSON.stringify(again);
    expect(json).toContain('"value":"ftp://x"');
    expect(json).toContain('"value":"a, !!!"');
  });

  it('the notice card renders', () => {
    check(tipNoticeCard(t('Tips belong to a team.', 'Tips horen bij een team.')), [t('Tips belong', 'Tips horen')]);
  });
});

import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from '@jest/globals';
import { defaultDatePickerStrings } from '@fluentui/react-datepicker-compat';
import PlanSessionView from '../../tabs/src/features/plan/plan-session';
import { en } from '../../tabs/src/app/i18n/en';
import { nl } from '../../tabs/src/app/i18n/nl';
import { insightsEn } from '../../tabs/src/features/insights/i18n/en';
import { insightsNl } from '../../tabs/src/features/insights/i18n/nl';
import { createFakeService } from '../support/tab/fake-service';
import { TAB_NOW, teamId } from '../support/tab/fixtures';
import { apiFor, renderView } from '../support/tab/render-view';

/**
 * Issue #12: "Dutch that reads as Dutch". Nothing English may show in the Dutch tab: not a text of
 * our catalogue left untranslated, not a default of a Fluent component (the date picker's "Go to
 * today", "Selected date december 2, 2026").
 */
const leaves = (value: unknown, path = ''): [string, string][] =>
  typeof value === 'string'
    ? [[path, value]]
    : Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => leaves(v, path ? `${path}.${key}` : key));

// The same in both languages on purpose: names, loanwords Dutch uses as they are, and pure placeholders.
/** A text of only placeholders and punctuation (`{{team}} · {{date}}`) has nothing to translate. */
const hasWords = (text: string): boolean => /\p{L}/u.test(text.replace(/\{\{[^}]*\}\}/g, ''));

const SAME_IN_DUTCH = new Set([
  'PeerLearn',
  'Open PeerLearn in Microsoft Teams',
  'Team',
  'Team: {{name}}',
  'Menu',
  'Experts',
  'Tips',
  'Privacy',
  'Online',
  'Kudos',
  'Details',
  'Workshop',
  'Lunch & learn',
  'Demo',
  '+1',
  '· {{count}}',
  '{{count}} expert',
  '{{count}} experts',
  '{{count}} tip',
  '{{count}} tips',
  '{{count}} min',
  '{{count}} week',
  'Feedback',
  'Download CSV',
  'Download CSV: {{table}}',
  'Week',
  'Per',
  'feedback',
  '{{name}}: {{answer}}',
]);

const dutch = new Map(leaves(nl));
/** Texts of the English tab that the Dutch tab never says. */
const englishOnly = new Set(leaves(en).flatMap(([, text]) => ([...dutch.values()].includes(text) ? [] : [text])));
const fluentEnglish = Object.values(defaultDatePickerStrings).flatMap((v) => (typeof v === 'string' ? [v] : []));

/** Every text a Dutch reader meets: visible text nodes and the names screen readers read. */
function shownTexts(): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    if (text) texts.push(text);
  }
  for (const el of document.body.querySelectorAll('[aria-label],[placeholder],[title]')) {
    for (const name of ['aria-label', 'placeholder', 'title']) {
      const value = el.getAttribute(name)?.trim();
      if (value) texts.push(value);
    }
  }
  return texts;
}

afterEach(() => window.sessionStorage.clear());

describe('the Dutch tab says nothing in English', () => {
  it('every text of the catalogue is translated (the same only for names and loanwords)', () => {
    const untranslated = leaves(en).filter(([path, text]) => dutch.get(path) === text && !SAME_IN_DUTCH.has(text) && hasWords(text));
    expect(untranslated).toEqual([]);
  });

  it('every text of the Insights view (its own namespace, loaded with its chunk) is translated too', () => {
    const insightsDutch = new Map(leaves(insightsNl));
    const untranslated = leaves(insightsEn).filter(([path, text]) => insightsDutch.get(path) === text && !SAME_IN_DUTCH.has(text));
    expect(untranslated).toEqual([]);
  });

  it('the plan form with its date picker open: no English text, no English label', async () => {
    const service = createFakeService({});
    await renderView(
      <PlanSessionView
        api={apiFor(service.fetch)}
        teamId={teamId}
        onSaved={() => undefined}
        onCancel={() => undefined}
        now={() => new Date(TAB_NOW)}
      />,
      'nl',
    );
    fireEvent.click(await screen.findByPlaceholderText(nl.plan.datePlaceholder));
    // The calendar is open: its "go to today" button speaks Dutch.
    await screen.findByRole('button', { name: nl.calendar.goToToday });
    const shown = shownTexts();
    const english = shown.filter(
      (text) =>
        (englishOnly.has(text) && !SAME_IN_DUTCH.has(text)) ||
        fluentEnglish.some((f) => f.length > 3 && text.includes(f.replace(' {0}', ''))),
    );
    expect(english).toEqual([]);
    // Fluent's own pattern ("december 2, 2026") would be English even with Dutch month names.
    expect(
      shown.filter((text) =>
        /\b(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{1,2}, \d{4}/.test(text),
      ),
    ).toEqual([]);
  });
});

import axe from 'axe-core';

/**
 * axe-core's violations in a rendered part of the jsdom page, one readable line each. Colour contrast
 * needs layout, which jsdom has not: Chromium checks it (tests/support/axe.ts). Tabster's focus
 * sentinels are aria-hidden and focusable by design (see FACTS.md) and are left out, nothing else.
 */
export async function axeViolations(root: Element): Promise<string[]> {
  const result = await axe.run(
    { include: [root], exclude: [['[data-tabster-dummy]']] },
    { resultTypes: ['violations'], rules: { 'color-contrast': { enabled: false } } },
  );
  return result.violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

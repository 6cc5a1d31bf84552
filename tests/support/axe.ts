import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

// axe-core's own bundle, injected into the page or frame as it is (no wrapper library).
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/**
 * Waits for Fluent's colour transitions so axe measures settled colours. An animation that is cancelled
 * meanwhile (its element went away: a lazy section's spinner) rejects `finished`, which counts as done;
 * endless ones (spinners) are not waited for.
 */
export async function settleAnimations(target: Page | Frame): Promise<void> {
  await target.evaluate(() =>
    Promise.allSettled(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished),
    ),
  );
}

/**
 * Serious and critical axe violations in a page or frame as it is now, each as one readable line;
 * `within` limits the check to one part (a CSS selector).
 */
export async function seriousViolations(target: Page | Frame, within?: string): Promise<string[]> {
  // Fluent animates colour changes (a button enabled a moment ago fades in): axe must measure settled
  // colours, or a contrast check fails at random mid-fade.
  await settleAnimations(target);
  // Evaluated through the DevTools protocol, which the tab's CSP (`script-src 'self'`) rightly does not
  // let an inline <script> do; the CSP stays on for the app itself.
  if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(axeSource);
  const violations = await target.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: Violation[] }> } }).axe;
    // Tabster's focus sentinels (Fluent's focus management) are aria-hidden and focusable by design:
    // they hand focus on at once and are never read; everything else is checked.
    const context = { ...(include ? { include: [[include]] } : {}), exclude: [['[data-tabster-dummy]']] };
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations;
  }, within);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

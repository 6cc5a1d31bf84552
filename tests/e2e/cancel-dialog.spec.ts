import { describe, expect, it } from '@jest/globals';
import { seriousViolations } from '../support/axe';
import { memberContext, useTabInChromium } from '../support/tab-suite';

const suite = useTabInChromium();
const themes = ['light', 'dark', 'contrast'] as const;

// Isaiah Langer hosts the demo team's "Pair session: your first Azure Function", tomorrow.
const host = '00000000-0000-0000-0000-0000000000001/00000000-0000-0000-0000-0000000000023';
const sessionHash = '#/sessions/team-id/demo-azure-pair';

/**
 * The cancel dialog in a real browser, the check jsdom cannot make (tests/support/tab/dialog.ts):
 * the open dialog is exposed to assistive technology (not aria-hidden), holds focus, is axe clean in
 * every theme and at 360 px, and "Keep it" or Escape close it without a request, focus back on the trigger.
 */
describe('the session cancel dialog in Chromium', () => {
  it('exposed, focus inside, axe clean at 360 px in three themes; Keep it and Escape send nothing and give focus back', async () => {
    const problems: string[] = [];
    for (const theme of themes) {
      const context = await memberContext(suite.browser, host, { width: 360, theme });
      const cancels: string[] = [];
      context.on('request', (r) => {
        if (r.method() === 'DELETE') cancels.push(new URL(r.url()).pathname);
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${suite.service.url}/${sessionHash}`);
      const trigger = page.getByRole('button', { name: 'Cancel session' });
      await trigger.waitFor();

      for (const close of ['keep', 'escape'] as const) {
        await trigger.click();
        // getByRole finds only what the accessibility tree exposes: an aria-hidden dialog would not be found.
        const dialog = page.getByRole('dialog', { name: 'Cancel this session?' });
        await dialog.waitFor();
        expect(await dialog.evaluate((el) => el.closest('[aria-hidden="true"]') === null)).toBe(true);
        expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
        // Tab stays inside the modal dialog.
        for (let i = 0; i < 4; i += 1) {
          await page.keyboard.press('Tab');
          expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
        }
        if (close === 'keep') {
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
          await page.screenshot({ path: `test-results/cancel-dialog-360-${theme}.png` });
          problems.push(...(await seriousViolations(page, '[role="dialog"]')).map((v) => `${theme}: ${v}`));
          await dialog.getByRole('button', { name: 'Keep it' }).click();
        } else {
          await page.keyboard.press('Escape');
        }
        await dialog.waitFor({ state: 'detached' });
        expect(await trigger.evaluate((el) => el === document.activeElement)).toBe(true);
      }
      expect(cancels).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
    expect(problems).toEqual([]);
  });
});

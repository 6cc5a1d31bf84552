import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import type { PersonalDataExportResponse } from '../../bot/src/api/contract';
import { DEMO_PEOPLE } from '../../bot/src/domain/demo/demo-team';
import { seriousViolations } from '../support/axe';
import { eventually } from '../support/eventually';
import { useTabInChromium } from '../support/tab-suite';

const suite = useTabInChromium();
const tenantId = '00000000-0000-0000-0000-0000000000001';
// Adele Vance hosts two upcoming demo sessions and was thanked on the kudos wall; Megan Bowen looks on.
const adele = DEMO_PEOPLE.find((p) => p.name === 'Adele Vance');
const megan = DEMO_PEOPLE.find((p) => p.name === 'Megan Bowen');

async function signedIn(userId: string) {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', acceptDownloads: true });
  await context.addInitScript((member) => localStorage.setItem('peerlearn.member', member), `${tenantId}/${userId}`);
  const calls: { readonly method: string; readonly path: string; readonly body: unknown }[] = [];
  context.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/')) calls.push({ method: request.method(), path: pathname, body: request.postDataJSON() as unknown });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, calls, errors };
}

describe('My profile → Privacy against the real service', () => {
  it('downloads my export, erases me (remove my contributions), calls nothing afterwards, and colleagues see "a former colleague"', async () => {
    if (!adele || !megan) throw new Error('The demo team no longer has Adele Vance and Megan Bowen');
    const before = await signedIn(megan.userId);
    await before.page.goto(`${suite.service.url}/#/board`);
    await eventually(async () => expect(await before.page.getByTestId('board').innerText()).toContain('Adele Vance'));
    await before.context.close();

    const { context, page, calls, errors } = await signedIn(adele.userId);
    await page.goto(`${suite.service.url}/#/profile`);
    await page.getByRole('heading', { level: 2, name: 'Privacy' }).waitFor();

    // Download: the export with the bearer token, saved as a JSON file that names her.
    // Bounded by the test's own budget, not Playwright's 30 s (CI once saw no download within that, on a
    // loaded machine); and if the page says the download failed, that is the failure shown.
    const failed = page.getByTestId('privacy').getByRole('alert');
    const download = await Promise.all([
      page.waitForEvent('download', { timeout: 90_000 }),
      page.getByRole('button', { name: 'Download my data' }).click(),
    ]).then(
      ([started]) => started,
      async (error: unknown) => {
        if ((await failed.count()) > 0) throw new Error(`The page says the download failed: ${await failed.innerText()}`);
        throw error;
      },
    );
    expect(download.suggestedFilename()).toMatch(/^peerlearn-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as PersonalDataExportResponse;
    expect(exported.format).toBe('peerlearn-export/1');
    expect(exported.person).toEqual({ tenantId, userId: adele.userId });
    expect(exported.tables.find((t) => t.table === 'plProfiles')?.rows).toEqual([expect.objectContaining({ displayName: 'Adele Vance' })]);
    await page.getByText(/Your data is downloaded as peerlearn-my-data-/).waitFor();

    // Erase: the dialog, the choice, the confirmation, the 204, and then only the erased state.
    await page.getByRole('button', { name: 'Erase my data' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase your data from PeerLearn?' });
    await dialog.getByRole('radio', { name: 'Remove them' }).check();
    await dialog.getByRole('checkbox', { name: 'I understand this cannot be undone' }).check();
    await dialog.getByRole('button', { name: 'Erase my data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your data was erased' }).waitFor();
    expect(calls.filter((c) => c.method === 'DELETE')).toEqual([
      { method: 'DELETE', path: '/api/v1/me', body: { confirm: true, contributions: 'remove' } },
    ]);
    const callsAtErase = calls.length;
    await page.evaluate(() => {
      window.location.hash = '#/board';
    });
    await page.getByRole('heading', { level: 1, name: 'Your data was erased' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'PeerLearn' }).count()).toBe(0);
    // Also to assistive tech: the closed dialog handed the page back before the view changed.
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.querySelector('[aria-hidden="true"] h1') !== null)).toBe(false);
    expect(calls.slice(callsAtErase)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();

    // Her profile is not recreated behind her back: nobody stored under her id any more.
    expect(await suite.service.repositories.members.get(tenantId, adele.userId)).toBeUndefined();

    // A colleague's board: her sessions stay, hosted by "a former colleague"; her name is nowhere.
    const after = await signedIn(megan.userId);
    await after.page.goto(`${suite.service.url}/#/board`);
    const board = after.page.getByTestId('board');
    await eventually(async () => {
      const text = await board.innerText();
      expect(text).toContain('A former colleague');
      expect(text).not.toContain('Adele Vance');
    });
    await eventually(async () => expect(await after.page.getByTestId('kudos-wall').innerText()).toMatch(/thanked a former colleague/));
    expect(after.errors).toEqual([]);
    await after.context.close();
  });
});

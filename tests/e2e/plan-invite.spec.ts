import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_TEAM_ID, DEMO_TENANT_ID } from '../../bot/src/domain/demo/demo-team';
import { eventually } from '../support/eventually';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector } from '../support/fake-connector';
import { useTabInChromium } from '../support/tab-suite';

// Issue #12 item 1: a series planned on the board, in Dutch, is announced in the channel chosen in
// the form. The built tab in Chromium, the real service and its outbox worker; only Teams' Bot
// Connector is a fake, speaking its REST protocol.
const suite = useTabInChromium();
const ANNOUNCEMENTS = 'channel-announcements-id';
let connector: FakeConnector;

beforeAll(async () => {
  connector = await startFakeConnector();
  // What the bot keeps when it is added to a team (conversation-references.ts): where to post for it.
  await suite.service.delivery.addresses.putTeam({
    tenantId: DEMO_TENANT_ID,
    teamId: DEMO_TEAM_ID,
    serviceUrl: connector.serviceUrl,
    botId: '28:peerlearn-bot',
    updatedAt: new Date().toISOString(),
  });
});
afterAll(async () => {
  await connector?.close();
});

/** Tomorrow in New York, where this browser is: the first session within the week, so its invite goes out at once. */
function tomorrowInNewYork(): { day: number; nextMonth: boolean } {
  const parts = (d: Date) =>
    new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', day: 'numeric', month: 'numeric' })
      .formatToParts(d)
      .reduce<Record<string, number>>((acc, p) => (p.type === 'literal' ? acc : { ...acc, [p.type]: Number(p.value) }), {});
  const today = parts(new Date());
  const tomorrow = parts(new Date(Date.now() + 86_400_000));
  return { day: tomorrow['day'] ?? 0, nextMonth: tomorrow['month'] !== today['month'] };
}

describe('planning in the tab posts the invite', () => {
  it('plans a weekly series in Dutch from a New York browser, in the chosen channel; the fake connector receives the invite there', async () => {
    const context = await suite.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'nl-NL',
      timezoneId: 'America/New_York',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(suite.service.url);
    await page.getByRole('button', { name: 'Alex Wilber' }).click();
    await page.locator('[data-testid="session-card"]').first().waitFor({ timeout: 15_000 });

    await page.getByRole('link', { name: 'Een sessie plannen' }).click();
    await page.getByRole('textbox', { name: 'Titel' }).fill('Reeks: SQL-vensterfuncties');
    const { day, nextMonth } = tomorrowInNewYork();
    await page.getByRole('combobox', { name: 'Datum' }).click();
    if (nextMonth) await page.getByRole('button', { name: /next month|volgende maand/i }).click();
    await page
      .getByRole('gridcell')
      .getByRole('button', { name: new RegExp(`^${day},`) })
      .first()
      .click();
    await page.getByRole('combobox', { name: 'Begintijd' }).fill('10:00');
    await page.getByRole('combobox', { name: 'Begintijd' }).press('Tab');
    // The team plans in Amsterdam time; this browser's clock is shown beside it.
    await eventually(async () => expect(await page.getByTestId('plan-zone').innerText()).toMatch(/10:00 Amsterdam · \d{2}:00 jouw tijd/));

    await page.getByRole('combobox', { name: 'Kanaal voor de uitnodiging' }).selectOption(ANNOUNCEMENTS);
    await page.getByRole('combobox', { name: 'Herhalen' }).selectOption('weekly');
    await page
      .getByText('PeerLearn plaatst de uitnodiging in Announcements; voor elke volgende sessie van de reeks een week vooraf.')
      .waitFor();
    await page.getByRole('group', { name: 'Medeleraren' }).getByRole('checkbox', { name: 'Megan Bowen' }).check();
    await page.screenshot({ path: 'test-results/plan-invite-nl.png', fullPage: true });
    await page.getByRole('button', { name: 'Sessie opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reeks: SQL-vensterfuncties' }).waitFor({ timeout: 15_000 });

    // The worker posts the first occurrence's invite into Announcements (later ones a week before theirs).
    await eventually(
      async () => {
        const invites = connector.sent.filter(
          (s) => s.conversationId === ANNOUNCEMENTS && JSON.stringify(s.activity.attachments ?? []).includes('SQL-vensterfuncties'),
        );
        expect(invites).toHaveLength(1);
        expect(invites[0]?.activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
      },
      { timeout: 30_000 },
    );
    // Nothing of it went to another channel.
    expect(
      connector.sent.filter((s) => JSON.stringify(s.activity).includes('SQL-vensterfuncties') && s.conversationId !== ANNOUNCEMENTS),
    ).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

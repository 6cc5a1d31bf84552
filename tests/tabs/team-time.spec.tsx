import { screen, within } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import { Board } from '../../tabs/src/features/board/board';
import SessionDetailView from '../../tabs/src/features/session/session-detail';
import { createFakeService, json } from '../support/tab/fake-service';
import { teamId, teamSessions, workshop } from '../support/tab/fixtures';
import { apiFor, renderView } from '../support/tab/render-view';
import { detailOf } from '../support/tab/session-detail';

// Issue #12 item 4: the board and a session's page show times on the team's clock, with the viewer's
// own beside them when it differs. The workshop starts 2026-12-03T13:00Z: 14:00 in Amsterdam, 08:00 in New York.
const sessionsPath = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`;

function renderBoard(viewerZone: string) {
  const service = createFakeService({
    [`GET ${sessionsPath}`]: () => json(200, { ...teamSessions([workshop]), timeZone: 'Europe/Amsterdam' }),
  });
  return renderView(<Board api={apiFor(service.fetch)} teamId={teamId} locale="en-GB" timeZone={viewerZone} />);
}

describe("session times on the team's clock", () => {
  it("the board shows the team's time and a New York viewer's own beside it", async () => {
    await renderBoard('America/New_York');
    const card = await screen.findByTestId('session-card');
    const when = within(card).getByText(/Amsterdam · 08:00 your time/);
    expect(when.textContent).toMatch(/3 December 2026.*14:00.*14:45 Amsterdam · 08:00 your time$/);
  });

  it('the board shows one clock to a viewer in the team zone', async () => {
    await renderBoard('Europe/Amsterdam');
    const card = await screen.findByTestId('session-card');
    expect(card.textContent).toMatch(/14:00/);
    expect(card.textContent).not.toMatch(/your time/);
  });

  it("the session's page, in Dutch, for a New York team seen from Amsterdam: 08:00 New York · 14:00 jouw tijd", async () => {
    const service = createFakeService({
      [`GET ${sessionsPath}/s-1`]: () => json(200, detailOf({ timeZone: 'America/New_York' })),
    });
    await renderView(
      <SessionDetailView api={apiFor(service.fetch)} teamId={teamId} sessionId="s-1" locale="nl-NL" viewerTimeZone="Europe/Amsterdam" />,
      'nl',
    );
    const detail = await screen.findByTestId('session-detail');
    expect(detail.textContent).toMatch(/08:00.*08:45 New York · 14:00 jouw tijd/);
  });
});

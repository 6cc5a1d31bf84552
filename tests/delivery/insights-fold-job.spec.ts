import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { TEAM_ID, people, seedTeam } from '../support/bot/session-fixtures';
import { startDeliveryService } from '../support/delivery-service';
import { eventually } from '../support/eventually';
import { feedback, rsvp, session } from '../support/storage/fixtures';

let service: RunningService;

beforeAll(async () => {
  service = await startDeliveryService({ composer: 'app' });
  await seedTeam(service.repositories, new Date());
});
afterAll(async () => {
  await service?.close();
});

describe('the foldInsights job through the real outbox worker', () => {
  it('a session that ended gets its fact and its month row; the job posts nothing but the first-session milestones of its host and of Ann', async () => {
    const repos = service.repositories;
    const [host, ann, bob] = [people.host, people.ann, people.bob].map((p) => p.aadObjectId) as [string, string, string];
    const startsAt = new Date(Date.now() - 2 * 3600_000).toISOString();
    await repos.sessions.putMany([
      session(PLAYGROUND_TENANT, TEAM_ID, 'ended', { startsAt, durationMinutes: 60, hostId: host, teacherIds: [] }),
    ]);
    await repos.rsvps.putMany([
      rsvp(PLAYGROUND_TENANT, TEAM_ID, 'ended', ann, 'yes'),
      rsvp(PLAYGROUND_TENANT, TEAM_ID, 'ended', bob, 'no'),
    ]);
    await repos.feedback.putMany([feedback(PLAYGROUND_TENANT, TEAM_ID, 'ended', ann, 5)]);
    // As session-changes.ts enqueues it at the session's end (that moment has passed).
    await service.outbox.enqueue({ kind: 'foldInsights', tenantId: PLAYGROUND_TENANT, teamId: TEAM_ID, sessionId: 'ended' });
    const everything = () =>
      repos.insights.listPeriods(
        PLAYGROUND_TENANT,
        TEAM_ID,
        'month',
        new Date(0).toISOString(),
        new Date(Date.now() + 86_400_000).toISOString(),
      );
    // The fold is done when its month row is (the fact is written first, the periods after it).
    const months = await eventually(async () => {
      const rows = await everything();
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(months.map((m) => [m.sessionsHeld, m.attendances, m.learnerIds, m.teacherIds])).toEqual([[1, 1, [ann], [host]]]);
    const fact = await repos.insights.getFact(PLAYGROUND_TENANT, TEAM_ID, 'ended');
    expect(fact).toMatchObject({ teacherIds: [host], attendeeIds: [ann], feedback: { answers: 1, ratingSum: 5 } });
    // The fold posts no card of its own; the host's first session taught and Ann's first attended are
    // milestones, whose channel cards are sent after the fold (and set aside here: the app is not
    // installed in this test team). Nothing else.
    const parked = await eventually(async () => {
      const found = await service.delivery.parked.listForTeam(PLAYGROUND_TENANT, TEAM_ID);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(parked.map((p) => (p.message && 'summary' in p.message ? p.message.summary : '')).sort()).toEqual([
      '🎉 Ann Attendee joined their first session',
      '🎉 Hanna Host taught their first session',
    ]);
  });
});

import { buildDemoTeam, DEMO_TENANT_ID } from './demo-team';
import type { Repositories } from '../shared/repositories';
import { foldSession } from '../insights/session-fold';
import { sessionEndsAt } from '../sessions/session';
import { settingsOf } from '../teams/team-settings';

/** The demo's past sessions folded at once (as their jobs would), so `npm start` shows insights without waiting for a backfill. */
async function foldDemoHistory(repos: Repositories, demo: ReturnType<typeof buildDemoTeam>, now: Date): Promise<void> {
  const { tenantId, teamId } = demo.team;
  const facts = demo.sessions
    .filter((s) => s.status === 'scheduled' && sessionEndsAt(s).getTime() <= now.getTime())
    .map((s) =>
      foldSession(
        s,
        demo.rsvps.filter((r) => r.sessionId === s.sessionId),
        demo.feedback.filter((f) => f.sessionId === s.sessionId),
        now,
      ),
    );
  await repos.insights.saveFacts(tenantId, teamId, facts, settingsOf(demo.team).timeZone);
  await repos.insights.claimBackfill(tenantId, teamId, now.toISOString(), settingsOf(demo.team).timeZone);
}

/**
 * Seeds the demo team once. Every write is an idempotent upsert and the tenant row goes last,
 * so a start that dies half-way simply seeds again next time.
 */
export async function seedDemoIfEmpty(repos: Repositories, now: Date): Promise<boolean> {
  if (await repos.tenants.get(DEMO_TENANT_ID)) return false;
  const demo = buildDemoTeam(now);
  await repos.members.putMany(demo.profiles);
  await repos.teams.upsert(demo.team);
  await repos.teams.addMembers(demo.memberships);
  await repos.sessions.putMany(demo.sessions);
  await repos.rsvps.putMany(demo.rsvps);
  await repos.feedback.putMany(demo.feedback);
  // Kudos rows are create-only; a seed that died half-way skips the ones it already wrote.
  for (const k of demo.kudos) if (!(await repos.kudos.get(k.tenantId, k.teamId, k.kudosId))) await repos.kudos.add(k);
  for (const tip of demo.tips) if (!(await repos.tips.get(tip.tenantId, tip.teamId, tip.tipId))) await repos.tips.add(tip);
  await repos.learningRequests.putMany(demo.learningRequests, demo.learningRequestVotes);
  await foldDemoHistory(repos, demo, now);
  await repos.tenants.upsert(demo.tenant);
  return true;
}

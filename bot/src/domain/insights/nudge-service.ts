import type { Outbox } from '../delivery/outbox';
import { fold } from '../experts/text-fold';
import { toLocale } from '../shared/person';
import type { Locale, PersonRef } from '../shared/person';
import type { Repositories } from '../shared/repositories';
import { failWith, ok } from '../shared/result';
import type { InsightsFailure, Result } from '../shared/result';
import { isUpcoming } from '../sessions/session';
import type { LearningSession } from '../sessions/session';
import { createTeamAccess, mayManage } from '../teams/team-access';
import { settingsOf } from '../teams/team-settings';
import { NUDGE_INTERVAL_DAYS } from './insights';
import type { InsightsService } from './insights-service-contract';

/** At most this many sessions on a nudge card. */
const NUDGE_MAX_SESSIONS = 3;

const DAY_MS = 86_400_000;
const fail = failWith<InsightsFailure>('insights');

/** What the nudge card shows: the person's upcoming sessions to pick from, in their language. */
export interface NudgeContent {
  readonly userId: string;
  readonly locale: Locale;
  readonly teamName: string;
  readonly timeZone: string;
  readonly sessions: readonly LearningSession[];
  /** Whether the sessions match what they want to learn (else they are simply the next ones). */
  readonly matched: boolean;
}

export interface NudgeService extends Pick<InsightsService, 'nudge'> {
  /** The `nudgeMember` job's content; undefined when there is nothing to suggest or they left the team. */
  content(job: { readonly tenantId: string; readonly teamId: string; readonly userId: string }): Promise<NudgeContent | undefined>;
}

interface NudgeDeps {
  readonly repositories: Pick<Repositories, 'teams' | 'members' | 'sessions' | 'nudges' | 'rsvps'>;
  readonly outbox: Outbox;
  readonly now: () => Date;
}

/**
 * The owners' nudge to a quiet member (issue #14): a private, friendly personal card with upcoming
 * sessions that match what they want to learn. Owners only; to a member of the team; at most once
 * per NUDGE_INTERVAL_DAYS (claimed under the row's ETag, so two owners at once send one).
 */
export function createNudgeService(deps: NudgeDeps): NudgeService {
  const { teams, members, sessions, nudges, rsvps } = deps.repositories;
  const access = createTeamAccess(teams);

  const isMember = async (tenantId: string, teamId: string, userId: string): Promise<boolean> =>
    (await teams.listTeamsOf(tenantId, userId)).some((m) => m.teamId === teamId);

  return {
    async nudge(actor: PersonRef, teamId: string, userId: string): Promise<Result<{ readonly nudgedAt: string }, InsightsFailure>> {
      const team = await teams.get(actor.tenantId, teamId);
      if (!team) return fail({ kind: 'teamUnknown' });
      if (team.uninstalledAt) return fail({ kind: 'notInstalled' });
      const standing = await access.standing(actor, teamId);
      if (standing === 'outsider') return fail({ kind: 'notMember' });
      if (!mayManage(standing)) return fail({ kind: 'ownersOnly' });
      if (typeof userId !== 'string' || userId === '' || !(await isMember(actor.tenantId, teamId, userId)))
        return fail({ kind: 'notFound' });

      const now = deps.now();
      const nudgedAt = now.toISOString();
      const notBefore = new Date(now.getTime() - NUDGE_INTERVAL_DAYS * DAY_MS).toISOString();
      const claim = await nudges.claim({ tenantId: actor.tenantId, teamId, userId, nudgedAt }, notBefore);
      if (!claim.claimed) return fail({ kind: 'nudgedRecently', nudgedAt: claim.nudgedAt });
      await deps.outbox.enqueue({ kind: 'nudgeMember', tenantId: actor.tenantId, teamId, userId, nudgedAt });
      return ok({ nudgedAt });
    },

    async content(job) {
      const { tenantId, teamId, userId } = job;
      const [team, profile, member, answers] = await Promise.all([
        teams.get(tenantId, teamId),
        members.get(tenantId, userId),
        isMember(tenantId, teamId, userId),
        rsvps.listForUser(tenantId, userId),
      ]);
      if (!team || team.uninstalledAt || !member) return undefined;
      const now = deps.now();
      const answered = new Set(answers.filter((a) => a.teamId === teamId).map((a) => a.sessionId));
      const upcoming = (await sessions.listForTeamStartingFrom(tenantId, teamId, now.toISOString()))
        // A session they already answered (coming, or not) is no suggestion.
        .filter((s) => isUpcoming(s, now) && s.hostId !== userId && !s.teacherIds.includes(userId) && !answered.has(s.sessionId))
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      if (upcoming.length === 0) return undefined;
      const wants = new Set((profile?.wants ?? []).map(fold));
      const matching = upcoming.filter((s) => s.skills.some((skill) => wants.has(fold(skill))));
      const settings = settingsOf(team);
      return {
        userId,
        locale: profile?.locale ? toLocale(profile.locale) : settings.locale,
        teamName: team.name,
        timeZone: settings.timeZone,
        sessions: (matching.length > 0 ? matching : upcoming).slice(0, NUDGE_MAX_SESSIONS),
        matched: matching.length > 0,
      };
    },
  };
}

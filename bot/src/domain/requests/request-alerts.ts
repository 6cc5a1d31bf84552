import type { OutboxJob } from '../delivery/outbox';
import type { ExpertDirectory } from '../experts/expert-directory';
import { wantsRequestAlerts } from '../experts/member';
import type { MemberProfile } from '../experts/member';
import type { SkillTaxonomy } from '../experts/skill-taxonomy';
import { toLocale } from '../shared/person';
import type { Locale } from '../shared/person';
import type { Repositories } from '../shared/repositories';
import type { Team } from '../teams/team';
import type { LearningRequest } from './learning-request';

/**
 * Issue #12: people who teach a skill hear about a new learning request for it, at most once a day.
 * The day's one alert is claimed by an insert-only row per person per day: two requests on one day
 * (or two instances at once) give one message; the second request is skipped for that person.
 */
export interface RequestAlertClaim {
  readonly tenantId: string;
  readonly userId: string;
  /** The UTC day (YYYY-MM-DD) of the request the alert is about. */
  readonly day: string;
  readonly teamId: string;
  readonly requestId: string;
  readonly claimedAt: string;
}

export interface RequestAlertClaimRepository {
  /** Stores the claim unless the person has one for that day; answers whichever claim holds the day (insert-only: the first wins). */
  claim(claim: RequestAlertClaim): Promise<RequestAlertClaim>;
}

type AlertJob = Extract<OutboxJob, { readonly kind: 'alertTeachers' }>;

/** What the teachers' message shows, read when the job runs. */
interface RequestAlertContent {
  readonly request: LearningRequest;
  readonly team: Team | undefined;
  readonly day: string;
  /** Who gets it now (claimed today for this request), each with their own language. */
  readonly recipients: readonly { readonly userId: string; readonly locale: Locale }[];
}

interface RequestAlertsDeps {
  readonly repositories: Pick<Repositories, 'learningRequests' | 'teams' | 'members' | 'requestAlerts'>;
  readonly experts: Pick<ExpertDirectory, 'taxonomy'>;
  readonly now: () => Date;
}

/** The day a request's alerts count against: the request's own, so a retried job claims the same day. */
const alertDayOf = (request: Pick<LearningRequest, 'createdAt'>): string => request.createdAt.slice(0, 10);

/** Whether the profile teaches the skill, matched by taxonomy key as expert search matches ("TS" teaches "TypeScript"). */
function teachesSkill(profile: Pick<MemberProfile, 'teaches'>, skill: string, taxonomy: SkillTaxonomy): boolean {
  const key = taxonomy.normalise(skill)?.key;
  return key !== undefined && profile.teaches.some((s) => taxonomy.normalise(s.name)?.key === key);
}

export type RequestAlerts = ReturnType<typeof createRequestAlerts>;

export function createRequestAlerts(deps: RequestAlertsDeps) {
  const repos = deps.repositories;
  return {
    /**
     * The team's members who teach the request's skill: never the asker, nor anyone who turned alerts
     * off, nor anyone already alerted that day (about another request). Stale (nothing) when the
     * request is no longer open: someone took it or it was closed before the job ran.
     */
    async content(job: AlertJob): Promise<RequestAlertContent | undefined> {
      const [team, request, members, taxonomy] = await Promise.all([
        repos.teams.get(job.tenantId, job.teamId),
        repos.learningRequests.get(job.tenantId, job.teamId, job.requestId),
        repos.teams.listMembers(job.tenantId, job.teamId),
        deps.experts.taxonomy(job.tenantId),
      ]);
      if (!request || request.status !== 'open') return undefined;
      const ids = members.map((m) => m.userId).filter((id) => id !== request.authorUserId);
      const profiles = await repos.members.getMany(job.tenantId, ids);
      const teachers = profiles.filter((p) => wantsRequestAlerts(p) && teachesSkill(p, request.skill, taxonomy));
      const day = alertDayOf(request);
      const claimedAt = deps.now().toISOString();
      const claims = await Promise.all(
        teachers.map((p) =>
          repos.requestAlerts.claim({
            tenantId: job.tenantId,
            userId: p.userId,
            day,
            teamId: job.teamId,
            requestId: job.requestId,
            claimedAt,
          }),
        ),
      );
      const teamLocale = toLocale(team?.locale);
      const recipients = teachers.flatMap((p, i) => {
        const held = claims[i];
        // The day's claim is this request's (also when a retried job finds its own claim): send; another's: skip.
        if (!held || held.requestId !== job.requestId || held.teamId !== job.teamId) return [];
        return [{ userId: p.userId, locale: p.locale ? toLocale(p.locale) : teamLocale }];
      });
      return { request, team, day, recipients };
    },
  };
}

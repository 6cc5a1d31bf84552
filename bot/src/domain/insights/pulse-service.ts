import type { Outbox } from '../delivery/outbox';
import { toLocale } from '../shared/person';
import type { Locale } from '../shared/person';
import type { PersonRef } from '../shared/person';
import type { Repositories } from '../shared/repositories';
import type { InsightsFailure, Result } from '../shared/result';
import { ok } from '../shared/result';
import { generalChannelOf } from '../teams/general-channel';
import type { Team } from '../teams/team';
import { mayManage } from '../teams/team-access';
import { settingsOf } from '../teams/team-settings';
import type { GoalPulseRepositories } from './goal-pulse-repositories';
import { createInsightsPlace, failInsights } from './insights-place';
import type { InsightsProblem, PulseService } from './insights-service-contract';
import { PULSE_OPEN_DAYS, PULSE_QUESTIONS } from './pulse';
import type { Pulse, PulseResults } from './pulse';
import { checkPulseAnswers, createAnswerMarkers, isPulseOpen, pulseResults } from './pulse-rules';

interface PulseServiceDeps {
  readonly repositories: Pick<Repositories, 'teams'> & Pick<GoalPulseRepositories, 'pulses'>;
  readonly outbox: Outbox;
  /** The server secret: the key of the answer markers' HMAC. */
  readonly secret: string;
  readonly now: () => Date;
  readonly newId?: () => string;
  /** How long after an answer the channel card is updated: the answers of a burst share one update. */
  readonly updateDelayMs?: number;
}

/** What the `postPulse` job posts: the pulse's results in the team's language, and where. */
interface PulseToPost {
  readonly tenantId: string;
  readonly teamId: string;
  readonly channelId: string;
  readonly locale: Locale;
  readonly timeZone: string;
  readonly results: PulseResults;
}

/** A pulse as a member sees it, with the team's clock for its closing date. */
interface PulseView {
  readonly results: PulseResults;
  readonly timeZone: string;
}

export interface PulseServices extends PulseService {
  /** The `postPulse` job's content, read when it runs (undefined: the pulse is gone). */
  toPost(tenantId: string, teamId: string, pulseId: string): Promise<PulseToPost | undefined>;
  /** One pulse as a member sees it (the card a verb answers with); notFound when unknown. */
  view(actor: PersonRef, teamId: string, pulseId: string): Promise<Result<PulseView, InsightsFailure>>;
}

const DAY_MS = 86_400_000;
const UPDATE_DELAY_MS = 3_000;
/** Ids PeerLearn gives pulses; anything else names no pulse (and makes no storage key). */
const PULSE_ID = /^[A-Za-z0-9_-]{1,40}$/;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The General channel; a team whose channels PeerLearn does not know yet still has it, under the team's own id. */
const pulseChannelOf = (team: Team): string => generalChannelOf(team) ?? team.teamId;

function channelOf(team: Team, body: unknown): { readonly channelId: string } | { readonly problems: InsightsProblem[] } {
  if (body === undefined || body === null) return { channelId: pulseChannelOf(team) };
  if (!isObject(body)) return { problems: [{ field: 'body', code: 'notAnObject' }] };
  const problems: InsightsProblem[] = Object.keys(body)
    .filter((key) => key !== 'channelId')
    .map((key) => ({ field: key, code: 'unknownField' }));
  const { channelId } = body;
  const known = (id: string) => id === team.teamId || team.channels.some((c) => c.channelId === id);
  if (channelId !== undefined && (typeof channelId !== 'string' || !known(channelId)))
    problems.push({ field: 'channelId', code: 'unknownValue' });
  if (problems.length > 0) return { problems };
  return { channelId: typeof channelId === 'string' ? channelId : pulseChannelOf(team) };
}

/** Pulse surveys (DESIGN F5): owners post, members answer once and anonymously, everyone sees the count. */
export function createPulseService(deps: PulseServiceDeps): PulseServices {
  const { teams, pulses } = deps.repositories;
  const { now, outbox } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID().replace(/-/g, '').slice(0, 12));
  const place = createInsightsPlace(teams);
  const markerOf = createAnswerMarkers(deps.secret);
  const updateDelayMs = deps.updateDelayMs ?? UPDATE_DELAY_MS;
  // Per pulse, until when an update is already queued: answers before then are read by that update.
  const updateQueuedUntil = new Map<string, number>();

  async function queueUpdate(tenantId: string, teamId: string, pulseId: string): Promise<void> {
    const key = `${tenantId}\n${teamId}\n${pulseId}`;
    const at = now().getTime();
    if ((updateQueuedUntil.get(key) ?? 0) > at) return;
    updateQueuedUntil.set(key, at + updateDelayMs);
    for (const [k, until] of updateQueuedUntil) if (until <= at) updateQueuedUntil.delete(k);
    await outbox.enqueue({ kind: 'postPulse', tenantId, teamId, pulseId, mode: 'update' }, { notBefore: new Date(at + updateDelayMs) });
  }

  return {
    async post(actor, teamId, body) {
      const found = await place(actor, teamId);
      if (!found.ok) return found;
      const { team, standing } = found.value;
      if (!mayManage(standing)) return failInsights({ kind: 'ownersOnly' });
      const channel = channelOf(team, body);
      if ('problems' in channel) return failInsights({ kind: 'invalid', problems: channel.problems });
      const at = now();
      const zero = [0, 0, 0, 0, 0] as const;
      const pulse: Pulse = {
        tenantId: actor.tenantId,
        teamId,
        pulseId: newId(),
        channelId: channel.channelId,
        postedBy: actor.userId,
        postedAt: at.toISOString(),
        closesAt: new Date(at.getTime() + PULSE_OPEN_DAYS * DAY_MS).toISOString(),
        responses: 0,
        counts: Object.fromEntries(PULSE_QUESTIONS.map((q) => [q, zero])) as Pulse['counts'],
      };
      await pulses.create(pulse);
      await outbox.enqueue({ kind: 'postPulse', tenantId: actor.tenantId, teamId, pulseId: pulse.pulseId, mode: 'post' });
      return ok(pulseResults(pulse, at));
    },

    async answer(actor, teamId, pulseId, answers) {
      const found = await place(actor, teamId);
      if (!found.ok) return found;
      const checked = checkPulseAnswers(answers);
      if (!checked.ok) return failInsights({ kind: 'invalid', problems: checked.problems });
      const pulse = PULSE_ID.test(pulseId) ? await pulses.get(actor.tenantId, teamId, pulseId) : undefined;
      if (!pulse) return failInsights({ kind: 'notFound' });
      if (!isPulseOpen(pulse, now())) return failInsights({ kind: 'pulseClosed' });
      const marker = await markerOf(actor.tenantId, pulseId, actor.userId);
      const outcome = await pulses.answer(actor.tenantId, teamId, pulseId, marker, checked.scores);
      if (outcome.kind === 'notFound') return failInsights({ kind: 'notFound' });
      if (outcome.kind === 'alreadyAnswered') return failInsights({ kind: 'alreadyAnswered' });
      await queueUpdate(actor.tenantId, teamId, pulseId);
      return ok(pulseResults(outcome.pulse, now()));
    },

    async latest(actor, teamId) {
      const found = await place(actor, teamId);
      if (!found.ok) return found;
      const pulse = await pulses.latest(actor.tenantId, teamId);
      // No pulse yet is how every team starts, not a failure.
      return ok(pulse ? pulseResults(pulse, now()) : undefined);
    },

    async view(actor, teamId, pulseId) {
      const found = await place(actor, teamId);
      if (!found.ok) return found;
      const pulse = PULSE_ID.test(pulseId) ? await pulses.get(actor.tenantId, teamId, pulseId) : undefined;
      if (!pulse) return failInsights({ kind: 'notFound' });
      return ok({ results: pulseResults(pulse, now()), timeZone: settingsOf(found.value.team).timeZone });
    },

    async toPost(tenantId, teamId, pulseId) {
      const [team, pulse] = await Promise.all([teams.get(tenantId, teamId), pulses.get(tenantId, teamId, pulseId)]);
      if (!pulse || !team || team.uninstalledAt) return undefined;
      return {
        tenantId,
        teamId,
        channelId: pulse.channelId,
        locale: toLocale(team.locale),
        timeZone: settingsOf(team).timeZone,
        results: pulseResults(pulse, now()),
      };
    },
  };
}

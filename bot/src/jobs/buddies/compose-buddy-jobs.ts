import { buddyIntroCard, buddyIntroSummary } from '../../cards/buddies/buddy-intro-card';
import { buddyMetCardFor, buddyMetSummary } from '../../cards/buddies/buddy-met-card';
import type { BuddyIntroduction, BuddyRoundJobs } from '../../domain/buddies/buddy-service-contract';
import { suggestChatStart } from '../../domain/buddies/buddy-chat';
import type { BuddyChatLinks } from '../../domain/buddies/buddy-chat-links';
import type { OutboxJob, OutgoingMessage } from '../../domain/delivery/outbox';

export interface BuddyComposerDeps {
  /** What the round and check-in jobs read (the round computed once, then stored). */
  readonly buddies: BuddyRoundJobs;
  /** Signs the `.ics` of each pair's suggested chat. */
  readonly buddyLinks: BuddyChatLinks;
}

type BuddyJob = Extract<OutboxJob, { readonly kind: 'startBuddyRound' | 'askBuddiesMet' }>;

/**
 * Idempotency keys (the shared contract): one introduction and one check-in per person and round, so
 * a job that is retried, or leased again after a SIGKILL, recomposes the same keys from the stored round
 * and the delivery records skip what was already posted.
 */
const buddyMessageKeys = {
  intro: (i: BuddyIntroduction) => `buddyIntro|${i.tenantId}|${i.poolId}|${i.roundId}|${i.userId}`,
  met: (i: BuddyIntroduction) => `buddyMet|${i.tenantId}|${i.poolId}|${i.roundId}|${i.userId}`,
};

const json = (card: object): OutgoingMessage['card'] => ({ ...card });

/** The buddy jobs' messages: each person's card in their personal chat, in their language. The job's `teamId` is the pool. */
export async function composeBuddyJob(deps: BuddyComposerDeps, job: BuddyJob, now: Date): Promise<OutgoingMessage[]> {
  const ref = { tenantId: job.tenantId, poolId: job.teamId, roundId: job.roundId };
  if (job.kind === 'askBuddiesMet') {
    const people = await deps.buddies.checkIns(ref);
    return people.map((intro) => ({
      key: buddyMessageKeys.met(intro),
      mode: 'post',
      target: { kind: 'person', tenantId: intro.tenantId, userId: intro.userId },
      card: json(buddyMetCardFor(intro)),
      summary: buddyMetSummary(intro),
    }));
  }
  const intros = await deps.buddies.runRound(ref);
  return Promise.all(
    intros.map(async (intro): Promise<OutgoingMessage> => {
      const chatStart = suggestChatStart(now, new Date(intro.endsAt), intro.timeZone, intro.reason.sharedDays);
      const calendarUrl = chatStart
        ? await deps.buddyLinks.calendarUrl({
            tenantId: intro.tenantId,
            poolId: intro.poolId,
            roundId: intro.roundId,
            start: chatStart.toISOString(),
            locale: intro.locale,
          })
        : undefined;
      return {
        key: buddyMessageKeys.intro(intro),
        mode: 'post',
        target: { kind: 'person', tenantId: intro.tenantId, userId: intro.userId },
        card: json(buddyIntroCard({ intro, ...(chatStart ? { chatStart } : {}), ...(calendarUrl ? { calendarUrl } : {}) })),
        summary: buddyIntroSummary(intro),
      };
    }),
  );
}

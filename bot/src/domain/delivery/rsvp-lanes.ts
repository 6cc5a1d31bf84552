import { RSVP_ANSWERS_PER_COMMIT } from '../shared/repositories';
import type { Repositories, RsvpAnswer, RsvpOutcome, RsvpRepository } from '../shared/repositories';
import { RSVP_RESPONSES } from '../sessions/session';
import type { LearningSession, Rsvp } from '../sessions/session';

type SessionRef = Pick<LearningSession, 'tenantId' | 'teamId' | 'sessionId'>;

type Job =
  | {
      readonly kind: 'answer';
      readonly ref: SessionRef;
      readonly answer: RsvpAnswer;
      readonly resolve: (outcome: RsvpOutcome) => void;
      readonly reject: (error: unknown) => void;
    }
  | { readonly kind: 'other'; readonly run: () => Promise<void> };

/**
 * One RSVP write per session at a time inside this instance, and group commit behind it. The RSVP
 * repository moves a session's counts under one row's ETag; when 200 people answer one invite at
 * once, 200 optimistic writers collide round after round, most exhaust their retries (measured: 39
 * of 200 failed, p50 12.8 s). Queued here, an instance sends one writer per session per round; the
 * ETag still settles races between instances. One answer per round still cost a full round each
 * (reads, transaction, session copy: p50 2.6 s for 200), so answers that queue up while a round runs
 * go together into the next one (`respondMany`, up to RSVP_ANSWERS_PER_COMMIT, in arrival order).
 */
export function withOneRsvpWriterPerSession(repositories: Repositories): Repositories {
  const inner = repositories.rsvps;
  const lanes = new Map<string, Job[]>();
  const rsvps: RsvpRepository = {
    get: (tenantId, sessionId, userId) => inner.get(tenantId, sessionId, userId),
    listForSession: (tenantId, sessionId) => inner.listForSession(tenantId, sessionId),
    listForUser: (tenantId, userId) => inner.listForUser(tenantId, userId),
    recentResponders: (tenantId, sessionId) => inner.recentResponders(tenantId, sessionId),
    putMany: (list) => inner.putMany(list),
    respond(session, userId, response, now) {
      // An unknown answer is refused by the repository on its own, never sinking a batch with it.
      if (!RSVP_RESPONSES.includes(response)) return inner.respond(session, userId, response, now);
      return new Promise<RsvpOutcome>((resolve, reject) => {
        enqueue(session, { kind: 'answer', ref: session, answer: { userId, response, now }, resolve, reject });
      });
    },
    respondMany(session, answers) {
      return Promise.all(answers.map((a) => rsvps.respond(session, a.userId, a.response, a.now)));
    },
    promoteWaiting(session) {
      return new Promise<{ readonly session: LearningSession; readonly promoted: readonly Rsvp[] }>((resolve, reject) => {
        enqueue(session, { kind: 'other', run: () => inner.promoteWaiting(session).then(resolve, reject) });
      });
    },
  };

  function enqueue(session: { readonly tenantId: string; readonly sessionId: string }, job: Job): void {
    const key = `${session.tenantId}\n${session.sessionId}`;
    const queue = lanes.get(key);
    if (queue) {
      queue.push(job);
      return;
    }
    lanes.set(key, [job]);
    // Start on the next microtask, so answers arriving in the same tick share the first round. Nothing to
    // await: drain settles every job's own promise, failures included.
    void Promise.resolve().then(() => drain(key));
  }

  async function drain(key: string): Promise<void> {
    for (let queue = lanes.get(key); queue && queue.length > 0; queue = lanes.get(key)) {
      const head = queue[0];
      if (!head) break;
      if (head.kind === 'other') {
        queue.shift();
        await head.run();
        continue;
      }
      // Consecutive answers only (a waitlist promotion keeps its place in the order), same team row.
      const batch: Extract<Job, { kind: 'answer' }>[] = [];
      for (const job of queue) {
        if (batch.length >= RSVP_ANSWERS_PER_COMMIT || job.kind !== 'answer' || job.ref.teamId !== head.ref.teamId) break;
        batch.push(job);
      }
      queue.splice(0, batch.length);
      try {
        const outcomes = await inner.respondMany(
          head.ref,
          batch.map((j) => j.answer),
        );
        batch.forEach((job, i) => {
          const outcome = outcomes[i];
          if (outcome) job.resolve(outcome);
          else job.reject(new Error(`No RSVP outcome for ${job.answer.userId}`));
        });
      } catch (error) {
        for (const job of batch) job.reject(error);
      }
    }
    // The lane is empty: the map only holds sessions being answered right now.
    lanes.delete(key);
  }

  return { ...repositories, rsvps };
}

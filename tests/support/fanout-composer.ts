import type { JobComposer, OutgoingMessage } from '../../bot/src/domain/delivery/outbox';

/** The channel id of fan-out channel `i` (Teams' channel id shape). */
export const fanoutChannel = (i: number): string => `19:fanout-${i}@thread.tacv2`;

/** A card small enough to be cheap and real enough to render. */
export const testCard = (text: string): Record<string, unknown> => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text, wrap: true }],
});

/**
 * A stand-in for the sessions' composer: `postInvite` of session `fanout-N[-from-M]` posts an invite
 * into channels M…M+N-1; `updateInvite` updates them; `postReminder` replies in each thread;
 * `notifyPerson` writes to the person. The worker sees only the JobComposer interface.
 */
export const fanoutComposer: JobComposer = async (job) => {
  if (!('sessionId' in job)) return [];
  const match = /^fanout-(\d+)(?:-from-(\d+))?$/.exec(job.sessionId);
  if (!match) throw new Error(`the test composer cannot compose session ${job.sessionId}`);
  const count = Number(match[1]);
  const from = Number(match[2] ?? 0);
  const channels = Array.from({ length: count }, (_, i) => fanoutChannel(from + i));
  const base = { tenantId: job.tenantId, teamId: job.teamId };
  switch (job.kind) {
    case 'postInvite':
    case 'updateInvite':
      return channels.map((channelId): OutgoingMessage => ({
        key: `invite:${job.sessionId}:${channelId}`,
        mode: job.kind === 'postInvite' ? 'post' : 'update',
        target: { kind: 'channel', ...base, channelId },
        card: testCard(`Invite ${job.sessionId} (${job.kind})`),
        summary: `Invite to ${job.sessionId}`,
      }));
    case 'postReminder':
      return channels.map((channelId) => ({
        key: `reminder:${job.sessionId}:${channelId}:${job.minutesBefore}`,
        mode: 'post',
        target: { kind: 'thread', ...base, channelId, rootKey: `invite:${job.sessionId}:${channelId}` },
        card: testCard(`Starts in ${job.minutesBefore} minutes`),
        summary: 'Reminder',
      }));
    case 'notifyPerson':
      return [
        {
          key: `notify:${job.sessionId}:${job.userId}:${job.reason}`,
          mode: 'post',
          target: { kind: 'person', tenantId: job.tenantId, userId: job.userId },
          card: testCard(job.reason),
          summary: job.reason,
        },
      ];
    case 'requestFeedback':
    case 'foldInsights':
    case 'notifyAskers':
      return [];
  }
};

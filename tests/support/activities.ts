import { randomUUID } from 'node:crypto';

export const PLAYGROUND_TENANT = '00000000-0000-0000-0000-0000000000001';
export const BOT = { id: '28:00000000-0000-0000-0000-00000000000011', name: 'PeerLearn' };

export interface ActivityUser {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId?: string;
}

export const MEGAN: ActivityUser = { id: 'user-id-1', name: 'Megan Bowen', aadObjectId: '00000000-0000-0000-0000-0000000000021' };

/** The envelope of an activity in a person's 1:1 chat with the bot, as the Teams channel (and the Agents Playground) sends it. */
function personalEnvelope(serviceUrl: string, from: ActivityUser, options: { tenantId?: string; locale?: string; source?: string }) {
  const tenantId = options.tenantId ?? PLAYGROUND_TENANT;
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from,
    conversation: { id: `a:personal-${from.id}`, conversationType: 'personal', tenantId },
    recipient: BOT,
    locale: options.locale ?? 'en-US',
    channelData: { tenant: { id: tenantId }, ...(options.source ? { source: { name: options.source } } : {}) },
  };
}

/** A Teams personal-chat message as the Teams channel (and the Agents Playground) sends it. */
export function personalMessage(
  serviceUrl: string,
  text: string,
  from: ActivityUser = MEGAN,
  options: { tenantId?: string; locale?: string } = {},
) {
  return { type: 'message', ...personalEnvelope(serviceUrl, from, options), text };
}

/** An invoke from the 1:1 chat or the compose box (`source: 'compose'`), e.g. a messaging-extension query. */
export function personalInvoke(
  serviceUrl: string,
  name: string,
  value: unknown,
  options: { tenantId?: string; from?: ActivityUser; locale?: string; source?: string } = {},
) {
  return { type: 'invoke', name, ...personalEnvelope(serviceUrl, options.from ?? MEGAN, options), value };
}

/** The bot being added to a team: Teams posts a conversationUpdate in the team's General channel. */
export function botAddedToTeam(
  serviceUrl: string,
  team: { id: string; name: string },
  options: { tenantId?: string; locale?: string } = {},
) {
  const tenantId = options.tenantId ?? PLAYGROUND_TENANT;
  return {
    type: 'conversationUpdate',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: MEGAN,
    conversation: { id: team.id, conversationType: 'channel', isGroup: true, tenantId },
    recipient: BOT,
    membersAdded: [{ id: BOT.id }],
    locale: options.locale ?? 'en-US',
    channelData: { tenant: { id: tenantId }, team: { id: team.id, name: team.name }, eventType: 'teamMemberAdded' },
  };
}

export async function postActivity(baseUrl: string, activity: unknown): Promise<Response> {
  return fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
}

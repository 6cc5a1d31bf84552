import { CardFactory, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Activity, ConversationParameters, ConversationReference } from 'botbuilder';
import type { BotConfig } from '../../config';

/** Where a proactive call goes: the Bot Connector of the conversation's region, as the bot by this id. */
export interface ConnectorAddress {
  readonly serviceUrl: string;
  readonly botId: string;
}

interface CardActivity {
  readonly card: Readonly<Record<string, unknown>>;
  readonly summary: string;
}

/** The proactive Bot Connector calls the sender makes; one HTTP request each, never retried here. */
export interface BotConnector {
  /** Sets up the client for this address ahead of time, so a throttled request leaves the moment its slot comes. */
  prepare(address: ConnectorAddress): Promise<void>;
  post(address: ConnectorAddress, conversationId: string, activity: CardActivity): Promise<string>;
  update(address: ConnectorAddress, conversationId: string, activityId: string, activity: CardActivity): Promise<void>;
  /** Opens (or finds) the 1:1 chat with a person; returns its conversation id. */
  createPersonalConversation(address: ConnectorAddress, tenantId: string, teamsUserId: string): Promise<string>;
}

interface ConnectorClientLike {
  readonly conversations: {
    sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<{ id?: string }>;
    updateActivity(conversationId: string, activityId: string, activity: Partial<Activity>): Promise<{ id?: string }>;
    createConversation(parameters: ConversationParameters): Promise<{ id?: string }>;
  };
}

interface PipelineOwner {
  readonly client?: { readonly pipeline?: { removePolicy(options: { phase: 'Retry' }): unknown } };
}

/** A failed connector call, with what the sender needs to decide: the status and `Retry-After`. */
export class ConnectorCallError extends Error {
  override readonly name = 'ConnectorCallError';
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryAfter: string | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

function toCallError(what: string, error: unknown): ConnectorCallError {
  const e = error as { statusCode?: unknown; response?: { headers?: { get?(name: string): string | undefined } } };
  const status = typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  const retryAfter = e?.response?.headers?.get?.('retry-after') ?? undefined;
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new ConnectorCallError(
    `${what}: ${status === undefined ? 'no response' : `HTTP ${status}`} ${detail ?? ''}`.trim(),
    status,
    retryAfter,
    { cause: error },
  );
}

function messageActivity(activity: CardActivity): Partial<Activity> {
  return { type: 'message', summary: activity.summary, attachments: [CardFactory.adaptiveCard(activity.card)] };
}

/**
 * The real Bot Connector through botbuilder's ConnectorClient, created by the CloudAdapter for the
 * conversation's serviceUrl (with the bot's credentials; anonymous when there is no app id, which
 * the Agents Playground and the test connector accept).
 */
export function createBotConnector(config: BotConfig): BotConnector {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.appId ?? '',
    MicrosoftAppPassword: config.appPassword ?? '',
    MicrosoftAppType: config.appId ? config.type : '',
    MicrosoftAppTenantId: config.tenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  const clients = new Map<string, Promise<ConnectorClientLike>>();

  const clientFor = (address: ConnectorAddress): Promise<ConnectorClientLike> => {
    let client = clients.get(address.serviceUrl);
    if (!client) {
      client = (async () => {
        let found: ConnectorClientLike | undefined;
        const reference: Partial<ConversationReference> = {
          serviceUrl: address.serviceUrl,
          channelId: 'msteams',
          bot: { id: address.botId, name: '' },
          conversation: { id: 'peerlearn-proactive', isGroup: false, conversationType: '', name: '' },
        };
        await adapter.continueConversationAsync(config.appId ?? '', reference, async (context) => {
          found = context.turnState.get<ConnectorClientLike>(context.adapter.ConnectorClientKey);
        });
        if (!found) throw new Error(`no connector client for ${address.serviceUrl}`);
        // The client's own retry policy would resend 429s and 5xx behind our back: uncounted by the
        // rate windows and never parked. The sender owns retries, so every request is one send.
        (found as unknown as PipelineOwner).client?.pipeline?.removePolicy({ phase: 'Retry' });
        return found;
      })();
      client.catch(() => clients.delete(address.serviceUrl));
      clients.set(address.serviceUrl, client);
    }
    return client;
  };

  return {
    async prepare(address) {
      await clientFor(address);
    },
    async post(address, conversationId, activity) {
      const client = await clientFor(address);
      try {
        const response = await client.conversations.sendToConversation(conversationId, {
          ...messageActivity(activity),
          from: { id: address.botId, name: '' },
        });
        if (!response.id) throw new Error('the connector returned no activity id');
        return response.id;
      } catch (error) {
        throw toCallError(`posting to ${conversationId}`, error);
      }
    },
    async update(address, conversationId, activityId, activity) {
      const client = await clientFor(address);
      try {
        await client.conversations.updateActivity(conversationId, activityId, { ...messageActivity(activity), id: activityId });
      } catch (error) {
        throw toCallError(`updating ${activityId} in ${conversationId}`, error);
      }
    },
    async createPersonalConversation(address, tenantId, teamsUserId) {
      const client = await clientFor(address);
      try {
        const response = await client.conversations.createConversation({
          isGroup: false,
          bot: { id: address.botId, name: '' },
          members: [{ id: teamsUserId, name: '' }],
          tenantId,
          channelData: { tenant: { id: tenantId } },
        } as ConversationParameters);
        if (!response.id) throw new Error('the connector returned no conversation id');
        return response.id;
      } catch (error) {
        throw toCallError(`opening a chat with ${teamsUserId}`, error);
      }
    },
  };
}

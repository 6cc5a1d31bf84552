import type { Activity } from 'botbuilder';
import type { MemberSighting } from '../../domain/experts/member';

interface TeamsChannelData {
  readonly tenant?: { readonly id?: string };
  readonly team?: { readonly id?: string; readonly name?: string; readonly aadGroupId?: string };
  readonly channel?: { readonly id?: string; readonly name?: string };
}

export function channelData(activity: Partial<Activity>): TeamsChannelData {
  const data: unknown = activity.channelData;
  return typeof data === 'object' && data !== null ? (data as TeamsChannelData) : {};
}

/** The tenant of a Teams activity: `channelData.tenant.id`, falling back to `conversation.tenantId`. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  return channelData(activity).tenant?.id ?? activity.conversation?.tenantId ?? undefined;
}

/**
 * The person behind an activity: (tenant id, Entra object id). Never the Teams `29:` id or a name,
 * so what someone tells the bot is theirs in the tab too. Undefined when the activity lacks either.
 */
export function personOf(activity: Partial<Activity>): MemberSighting | undefined {
  const tenantId = tenantOf(activity);
  const userId = activity.from?.aadObjectId;
  if (!tenantId || !userId) return undefined;
  return {
    tenantId,
    userId,
    displayName: activity.from?.name ?? '',
    ...(activity.locale ? { locale: activity.locale } : {}),
  };
}

import type { DevMember, DevMembersResponse, DevTokenRequest, DevTokenResponse } from '../../../bot/src/api/contract';
import type { FetchLike, TokenProvider } from './api-client';
import { requestJson } from './api-client';

/** Standalone dev mode only: the service answers 404 when it runs with real Entra auth. */
export function fetchDevMembers(fetchImpl: FetchLike, signal?: AbortSignal): Promise<DevMembersResponse> {
  return requestJson<DevMembersResponse>(fetchImpl, '/dev/members', signal ? { signal } : {});
}

async function fetchDevToken(fetchImpl: FetchLike, request: DevTokenRequest): Promise<string> {
  const body = await requestJson<DevTokenResponse>(fetchImpl, '/dev/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });
  return body.token;
}

/** Mints one dev token per member and reuses it until the API rejects it. */
export function createDevTokenProvider(fetchImpl: FetchLike, member: DevMember): TokenProvider {
  const request: DevTokenRequest = {
    tenantId: member.tenantId,
    userId: member.userId,
    name: member.displayName,
    ...(member.locale ? { locale: member.locale } : {}),
  };
  let current: Promise<string> | undefined;
  return (fresh) => {
    if (fresh || !current) {
      const minted = fetchDevToken(fetchImpl, request);
      // A failed mint must not stick: the next call tries again.
      minted.catch(() => {
        if (current === minted) current = undefined;
      });
      current = minted;
    }
    return current;
  };
}

/** Stable key for remembering a member (user ids are only unique within a tenant). */
export function memberKey(member: Pick<DevMember, 'tenantId' | 'userId'>): string {
  return `${member.tenantId}/${member.userId}`;
}

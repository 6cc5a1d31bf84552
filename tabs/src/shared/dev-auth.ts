import type { DevMember, DevMembersResponse, DevTokenRequest, DevTokenResponse } from '../../../bot/src/api/contract';
import type { FetchLike, TokenProvider } from './api-client';
import { requestJson } from './api-client';

/** Standalone dev mode only: the service answers 404 when it runs with real Entra auth. */
export function fetchDevMembers(fetchImpl: FetchLike, signal?: AbortSignal): Promise<DevMembersResponse> {
  return requestJson<DevMembersResponse>(fetchImpl, '/dev/members', signal ? { signal } : {});
}

function tokenRequest(member: DevMember): DevTokenRequest {
  return {
    tenantId: member.tenantId,
    userId: member.userId,
    name: member.displayName,
    ...(member.locale ? { locale: member.locale } : {}),
  };
}

/** One dev token for `member` (`POST /dev/token`). */
export async function mintDevToken(fetchImpl: FetchLike, member: DevMember): Promise<string> {
  const body = await requestJson<DevTokenResponse>(fetchImpl, '/dev/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(tokenRequest(member)),
  });
  return body.token;
}

/**
 * Mints one dev token per member and reuses it until the API rejects it. `early`: a token already on
 * its way for this member (early-start.ts); when it fails, the first call mints one as usual.
 */
export function createDevTokenProvider(fetchImpl: FetchLike, member: DevMember, early?: Promise<string>): TokenProvider {
  let current: Promise<string> | undefined;
  const remember = (minted: Promise<string>) => {
    // A failed mint must not stick: the next call tries again.
    minted.catch(() => {
      if (current === minted) current = undefined;
    });
    current = minted;
    return minted;
  };
  // Handled where it is awaited; remember's own catch only forgets a failed one.
  if (early) void remember(early.catch(() => mintDevToken(fetchImpl, member)));
  return (fresh) => (fresh || !current ? remember(mintDevToken(fetchImpl, member)) : current);
}

/** Stable key for remembering a member (user ids are only unique within a tenant). */
export function memberKey(member: Pick<DevMember, 'tenantId' | 'userId'>): string {
  return `${member.tenantId}/${member.userId}`;
}

/** The member remembered in full (`memberIdentity`), so a returning visitor needs no member list to start; undefined when absent or damaged. */
export function readRememberedMember(raw: string | null): DevMember | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<DevMember>;
    if (typeof value.tenantId !== 'string' || typeof value.userId !== 'string' || typeof value.displayName !== 'string') return undefined;
    return {
      tenantId: value.tenantId,
      userId: value.userId,
      displayName: value.displayName,
      ...(typeof value.locale === 'string' ? { locale: value.locale } : {}),
    };
  } catch {
    return undefined;
  }
}

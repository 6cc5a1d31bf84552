import { ORGANISATION_POOL } from '../../../../bot/src/api/contract';
import type {
  BuddyCadence,
  BuddyCadenceBody,
  BuddyMeResponse,
  BuddyMetRequest,
  BuddyRoundResponse,
  MetAnswer,
  StartBuddyRoundResponse,
  UpdateBuddyMeRequest,
} from '../../../../bot/src/api/contract';
import type { ApiClient } from '../../shared/api-client';

const base = (teamId: string) => `/api/v1/teams/${encodeURIComponent(teamId)}/buddies`;

/** My participation in a team (and the tenant pool), with my current pairs. */
export function getMyBuddy(api: ApiClient, teamId: string, signal?: AbortSignal): Promise<BuddyMeResponse> {
  return api.get<BuddyMeResponse>(`${base(teamId)}/me`, signal);
}

export function saveMyBuddy(api: ApiClient, teamId: string, change: UpdateBuddyMeRequest): Promise<BuddyMeResponse> {
  return api.send<BuddyMeResponse>('PUT', `${base(teamId)}/me`, change);
}

export function getBuddyCadence(api: ApiClient, teamId: string, signal?: AbortSignal): Promise<BuddyCadenceBody> {
  return api.get<BuddyCadenceBody>(`${base(teamId)}/cadence`, signal);
}

/** `null` stops the scheduled rounds. */
export function saveBuddyCadence(api: ApiClient, teamId: string, cadence: BuddyCadence | null): Promise<BuddyCadenceBody> {
  const body: BuddyCadenceBody = { cadence };
  return api.send<BuddyCadenceBody>('PUT', `${base(teamId)}/cadence`, body);
}

/** Owners: a round now; the service answers 202 with its id and sends the introductions in the background. */
export function startBuddyRound(api: ApiClient, teamId: string): Promise<StartBuddyRoundResponse> {
  return api.send<StartBuddyRoundResponse>('POST', `${base(teamId)}/rounds`);
}

export function getLatestBuddyRound(api: ApiClient, teamId: string, signal?: AbortSignal): Promise<BuddyRoundResponse> {
  return api.get<BuddyRoundResponse>(`${base(teamId)}/rounds/latest`, signal);
}

/** "Did you meet?" for my pair in a round; a tenant-wide pair answers through any of my teams with `?pool=organisation`. */
export async function answerBuddyMet(api: ApiClient, teamId: string, poolId: string, roundId: string, answer: MetAnswer): Promise<void> {
  const pool = poolId === ORGANISATION_POOL ? '?pool=organisation' : '';
  const body: BuddyMetRequest = { answer };
  await api.send<unknown>('PUT', `${base(teamId)}/rounds/${encodeURIComponent(roundId)}/met${pool}`, body);
}

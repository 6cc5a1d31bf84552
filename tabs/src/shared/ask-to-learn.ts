import type { CreateLearningRequestResponse, LearningRequestView } from '../../../bot/src/api/contract';
import type { ApiClient } from './api-client';
import { getMe } from './get-me';
import type { KeyValueStore } from './local-store';
import { preferenceKeys } from './preference-keys';
import { pickTeam } from './chosen-team';

const requestsPath = (teamId: string) => `/api/v1/teams/${encodeURIComponent(teamId)}/requests`;

/**
 * "Ask to learn this" (the skills matrix's gaps, an empty expert search): opens a learning request
 * for the team, or +1s the open one for the same skill. Says which, so the view can tell the person.
 */
export async function askToLearn(
  api: ApiClient,
  teamId: string,
  skill: string,
  /** The skill kept as new on purpose (after the service asked "did you mean …?"). */
  asNew = false,
): Promise<'created' | 'voted'> {
  const answer = await api.send<CreateLearningRequestResponse>('POST', requestsPath(teamId), {
    skill,
    ...(asNew ? { newSkills: [skill] } : {}),
  });
  if (answer.created) return 'created';
  if (answer.request.voted) return 'voted';
  await api.send<LearningRequestView>('PUT', `${requestsPath(teamId)}/${encodeURIComponent(answer.request.requestId)}/vote`);
  return 'voted';
}

/**
 * The team a view outside any channel asks in: the one the person last chose on the board (or in Tips,
 * Insights, Settings), else their first; undefined when they are in no team.
 */
export async function viewedTeamId(api: ApiClient, store: KeyValueStore | undefined): Promise<string | undefined> {
  const { teams } = await getMe(api);
  return pickTeam(teams, store?.get(preferenceKeys.team))?.teamId;
}

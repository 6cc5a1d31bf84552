import type { CreateLearningRequestResponse, LearningRequestView } from '../../../bot/src/api/contract';
import type { ApiClient } from './api-client';

const requestsPath = (teamId: string) => `/api/v1/teams/${encodeURIComponent(teamId)}/requests`;

/**
 * "Ask to learn this" (the skills matrix's gaps, an empty expert search): opens a learning request
 * for the team, or +1s the open one for the same skill. Says which, so the view can tell the person.
 */
export async function askToLearn(api: ApiClient, teamId: string, skill: string): Promise<'created' | 'voted'> {
  const answer = await api.send<CreateLearningRequestResponse>('POST', requestsPath(teamId), { skill });
  if (answer.created) return 'created';
  if (answer.request.voted) return 'voted';
  await api.send<LearningRequestView>('PUT', `${requestsPath(teamId)}/${encodeURIComponent(answer.request.requestId)}/vote`);
  return 'voted';
}

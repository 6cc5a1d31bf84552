import type { SkillSuggestResponse } from '../../../bot/src/api/contract';
import type { ApiClient } from './api-client';

/** Skill names from the team taxonomy for what someone is typing (prefix, aliases such as `js`, typos). */
export async function suggestSkills(api: ApiClient, q: string, signal?: AbortSignal, teamId?: string): Promise<readonly string[]> {
  if (!q.trim()) return [];
  // With a team: its own skills too (the skills its members confirmed as new).
  const params = new URLSearchParams({ q: q.trim(), ...(teamId ? { teamId } : {}) });
  const body = await api.get<SkillSuggestResponse>(`/api/v1/skills/suggest?${params.toString()}`, signal);
  return body.suggestions.map((s) => s.name);
}

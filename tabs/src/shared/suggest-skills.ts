import type { SkillSuggestResponse } from '../../../bot/src/api/contract';
import type { ApiClient } from './api-client';

/** Skill names from the team taxonomy for what someone is typing (prefix, aliases such as `js`, typos). */
export async function suggestSkills(api: ApiClient, q: string, signal?: AbortSignal): Promise<readonly string[]> {
  if (!q.trim()) return [];
  const body = await api.get<SkillSuggestResponse>(`/api/v1/skills/suggest?${new URLSearchParams({ q: q.trim() }).toString()}`, signal);
  return body.suggestions.map((s) => s.name);
}

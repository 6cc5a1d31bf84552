import type { ExpertDoc, IndexedSkill } from './expert-doc';
import { betterSkill, skillPoints } from './expert-doc';
import { score } from './expert-ranking';
import type { Candidate, TopK } from './top-k';

/**
 * An empty query's suggestions: people who teach what many colleagues want to learn, strongest first.
 * Each person is offered with the skill most wanted of theirs (ties: the stronger skill).
 */
export function rankSuggestions(
  docs: readonly (ExpertDoc | undefined)[],
  wants: ReadonlyMap<string, number>,
  top: TopK,
  accept: ((doc: ExpertDoc, points: number) => boolean) | undefined,
): Candidate[] {
  for (const doc of docs) {
    if (!doc || doc.teaches.length === 0) continue;
    let best: IndexedSkill | undefined;
    let bestDemand = -1;
    for (const s of doc.teaches) {
      const demand = wants.get(s.key) ?? 0;
      if (demand > bestDemand || (demand === bestDemand && betterSkill(s, best))) {
        best = s;
        bestDemand = demand;
      }
    }
    if (!best) continue;
    const points = skillPoints(best.level, best.endorsements);
    if (accept && !accept(doc, points)) continue;
    const value = score(0, points, doc.sessions, bestDemand);
    if (top.admits(value)) top.offer({ id: doc.id, score: value, skillKey: best.key, wantedBy: bestDemand });
  }
  return top.items;
}

import type { ExpertDoc, IndexedSkill } from './expert-doc';
import type { ExpertHit, MatchField } from './expert-ranking';
import type { MatchQuality } from './skill-taxonomy';

/** A document as a result: who, why (field, quality, the skill it is about) and what else they teach. */
export function hitOf(
  doc: ExpertDoc,
  field: MatchField,
  quality: MatchQuality,
  skill: IndexedSkill | undefined,
  wantedBy: number | undefined,
): ExpertHit {
  return {
    userId: doc.userId,
    displayName: doc.name.displayName,
    ...(doc.email ? { email: doc.email } : {}),
    match: field,
    ...(field === 'suggestion' ? {} : { quality }),
    ...(skill ? { skill: { name: skill.name, level: skill.level, endorsements: skill.endorsements } } : {}),
    sessionsTaught: doc.sessions,
    ...(wantedBy !== undefined ? { wantedBy } : {}),
    teaches: doc.teaches.map((s) => ({ name: s.name, level: s.level, endorsements: s.endorsements })),
    languages: doc.languages.languages,
    availability: doc.availability,
  };
}

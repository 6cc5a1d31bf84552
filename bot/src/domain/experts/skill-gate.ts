import type { PersonRef } from '../shared/person';
import type { TeamRepository } from '../shared/repositories';
import { createTeamAccess } from '../teams/team-access';
import type { ExpertDirectory } from './expert-directory';
import { unknownSkills } from './skill-check';
import type { SkillAcceptance, UnknownSkill } from './skill-check';
import type { SkillTaxonomy } from './skill-taxonomy';
import type { TeamSkill, TeamSkillRepository } from './team-skills';
import { cleanText, compactKey } from './text-fold';

/** Skills that passed: each field as it will be stored, and the team's new skills to record once it is saved. */
export interface AdmittedSkills {
  readonly ok: true;
  /** Known skills in the taxonomy's spelling ("ts" → TypeScript), confirmed new ones tidied, stored ones as they were; no duplicates. */
  readonly fields: Readonly<Record<string, readonly string[]>>;
  /** Adds the skills confirmed as new to the team's taxonomy: call it after what carries them was saved. */
  commit(): Promise<void>;
}

export type SkillAdmission = AdmittedSkills | { readonly ok: false; readonly unknown: readonly UnknownSkill[] };

export interface SkillGate {
  /** The tenant's taxonomy plus the team's own skills when the person is in the team (an outsider never sees them). */
  taxonomyFor(actor: PersonRef, teamId?: string): Promise<SkillTaxonomy>;
  /** Every typed skill through the team's taxonomy: refused with suggestions unless known, stored already, or confirmed in `newSkills`. */
  admit(
    actor: PersonRef,
    teamId: string | undefined,
    fields: Readonly<Record<string, readonly string[]>>,
    acceptance?: SkillAcceptance,
  ): Promise<SkillAdmission>;
}

interface SkillGateDeps {
  readonly experts: Pick<ExpertDirectory, 'taxonomy'>;
  readonly teamSkills: TeamSkillRepository;
  readonly teams: Pick<TeamRepository, 'listTeamsOf' | 'membershipsIn' | 'listMembers'>;
  readonly now: () => Date;
}

/**
 * The one gate every stored skill passes on every surface (API, tab, bot task modules and commands):
 * the same taxonomy, the same refusal, and the same deliberate step that adds a team's own skill.
 */
export function createSkillGate(deps: SkillGateDeps): SkillGate {
  const access = createTeamAccess(deps.teams);

  /** The team's own skills, or undefined for someone outside the team (who never sees them). */
  async function teamSkillsFor(actor: PersonRef, teamId: string | undefined): Promise<readonly TeamSkill[] | undefined> {
    if (!teamId) return [];
    if ((await access.standing(actor, teamId)) === 'outsider') return undefined;
    return deps.teamSkills.listForTeam(actor.tenantId, teamId);
  }

  async function taxonomyOf(actor: PersonRef, teamId: string | undefined): Promise<{ taxonomy: SkillTaxonomy; outsider: boolean }> {
    const [base, own] = await Promise.all([deps.experts.taxonomy(actor.tenantId), teamSkillsFor(actor, teamId)]);
    return { taxonomy: own && own.length > 0 ? base.withAdditions(own.map((s) => s.name)) : base, outsider: own === undefined };
  }

  return {
    taxonomyFor: async (actor, teamId) => (await taxonomyOf(actor, teamId)).taxonomy,
    async admit(actor, teamId, fields, acceptance = {}) {
      const { taxonomy, outsider } = await taxonomyOf(actor, teamId);
      // Someone outside the team may store nothing there: the service's own refusal (403) is the answer, not a question about skills.
      if (outsider) return { ok: true, fields, commit: () => Promise.resolve() };
      const unknown = unknownSkills(fields, taxonomy, acceptance);
      if (unknown.length > 0) return { ok: false, unknown };
      const storedKeys = new Set((acceptance.stored ?? []).map(compactKey));
      const added = new Map<string, string>();
      const admitted: Record<string, string[]> = {};
      for (const [field, names] of Object.entries(fields)) {
        const kept: string[] = [];
        const keys = new Set<string>();
        for (const typed of names) {
          const normalised = taxonomy.normalise(typed);
          if (!normalised || keys.has(normalised.key)) continue;
          keys.add(normalised.key);
          // A skill already stored keeps its spelling: stored names are never rewritten behind someone's back.
          const stored = !normalised.known && storedKeys.has(compactKey(typed));
          kept.push(stored ? cleanText(typed) : normalised.name);
          if (!normalised.known && !stored) added.set(normalised.key, normalised.name);
        }
        admitted[field] = kept;
      }
      return {
        ok: true,
        fields: admitted,
        async commit() {
          if (!teamId || added.size === 0) return;
          const addedAt = deps.now().toISOString();
          for (const [key, name] of added) {
            await deps.teamSkills.add({ tenantId: actor.tenantId, teamId, key, name, addedBy: actor.userId, addedAt });
          }
        },
      };
    },
  };
}

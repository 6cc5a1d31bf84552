/**
 * A team's own skills beyond the seeded catalogue (issue #12: "an unknown skill is added to the team
 * taxonomy deliberately, never by accident"): written only when someone confirms a skill as new, so
 * later checks in that team accept it without asking again and suggest it for close typos.
 */
export interface TeamSkill {
  readonly tenantId: string;
  readonly teamId: string;
  /** The compact key of its name: the skill's identity (one row per key and team). */
  readonly key: string;
  /** As the person confirmed it (tidied by the taxonomy). */
  readonly name: string;
  /** Who added it; absent after that person erased their data (the skill stays for the team). */
  readonly addedBy?: string;
  readonly addedAt: string;
}

export interface TeamSkillRepository {
  /** Every skill the team added (one partition). */
  listForTeam(tenantId: string, teamId: string): Promise<TeamSkill[]>;
  /** Stores the skill unless the team has it already (the first to add it stays its adder); true when stored. */
  add(skill: TeamSkill): Promise<boolean>;
}

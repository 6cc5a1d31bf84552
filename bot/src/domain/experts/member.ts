export type SkillLevel = 1 | 2 | 3;

export interface TeachSkill {
  readonly name: string;
  readonly level: SkillLevel;
}

export interface MemberProfile {
  readonly tenantId: string;
  readonly userId: string;
  readonly displayName: string;
  readonly email?: string;
  readonly locale?: string;
  readonly bio: string;
  readonly teaches: readonly TeachSkill[];
  readonly wants: readonly string[];
  readonly languages: readonly string[];
  readonly availability: string;
  /** Milestone cards about them in their teams' channels (issue #12); absent is on. */
  readonly celebrateMilestones?: boolean;
  /**
   * Whether the person hears about new learning requests for a skill they teach (issue #12). Absent
   * means on: every profile stored before the setting existed keeps hearing them.
   */
  readonly requestAlerts?: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Request alerts are on unless the person turned them off. */
export const wantsRequestAlerts = (profile: Pick<MemberProfile, 'requestAlerts'>): boolean => profile.requestAlerts !== false;

/** Milestone cards are posted unless the person turned them off. */
export const celebratesMilestones = (profile: Pick<MemberProfile, 'celebrateMilestones'>): boolean => profile.celebrateMilestones !== false;

/** The fields a surface may set when it first meets a person (bot message, tab sign-in). */
export interface MemberSighting {
  readonly tenantId: string;
  readonly userId: string;
  readonly displayName: string;
  readonly email?: string;
  readonly locale?: string;
}

export function newMemberProfile(sighting: MemberSighting, now: Date): MemberProfile {
  const at = now.toISOString();
  return {
    ...sighting,
    bio: '',
    teaches: [],
    wants: [],
    languages: [],
    availability: '',
    createdAt: at,
    updatedAt: at,
  };
}

import { DEMO_PEOPLE, DEMO_TEAM_ID, DEMO_TENANT_ID } from './demo-team';

const DEMO_PERSON_IDS: ReadonlySet<string> = new Set(DEMO_PEOPLE.map((p) => p.userId));
const NOBODY: ReadonlySet<string> = new Set();

/**
 * The demo team lives in the Agents Playground's tenant and team (demo-team.ts), but the pinned
 * Playground's configuration holds at most six people and names its team "My Team". Installing the
 * app from the Playground reads that roster, which would remove the other demo people and rename
 * the team (issue #12). So the demo team is only ever added to by a roster, never emptied or renamed.
 */
export const isDemoTeam = (tenantId: string, teamId: string): boolean => tenantId === DEMO_TENANT_ID && teamId === DEMO_TEAM_ID;

/** The people a roster read must not remove from this team: the demo people in the demo team, nobody elsewhere. */
export const peopleKeptOnRosterRead = (tenantId: string, teamId: string): ReadonlySet<string> =>
  isDemoTeam(tenantId, teamId) ? DEMO_PERSON_IDS : NOBODY;

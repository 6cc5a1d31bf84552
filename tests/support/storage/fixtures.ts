import { TableClient } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import type { MemberProfile } from '../../../bot/src/domain/experts/member';
import type { Feedback, LearningSession, Rsvp } from '../../../bot/src/domain/sessions/session';
import type { Membership, Team, Tenant } from '../../../bot/src/domain/teams/team';

export const AT = '2026-03-02T09:00:00.000Z';

/** Ids as Teams, Entra and the Agents Playground send them, plus characters keys must survive. */
export const ids = {
  tenant: (): string => randomUUID(),
  user: (): string => randomUUID(),
  teamsThread: (): string => `19:${randomUUID().replaceAll('-', '')}@thread.tacv2`,
  awkward: (): string => `a/b\\c#d?e|f~g'h %20\u0001é😀-${randomUUID().slice(0, 8)}`,
};

/** A raw client for writing rows the repositories would never write. */
export function rawTable(connectionString: string, table: string): TableClient {
  return TableClient.fromConnectionString(connectionString, table, { allowInsecureConnection: true });
}

export function tenant(tenantId: string): Tenant {
  return { tenantId, name: `Tenant ${tenantId.slice(0, 4)}`, createdAt: AT };
}

export function team(tenantId: string, teamId: string, overrides: Partial<Team> = {}): Team {
  return {
    tenantId,
    teamId,
    name: 'Data team',
    aadGroupId: randomUUID(),
    locale: 'nl-NL',
    channels: [
      { channelId: teamId, name: 'General' },
      { channelId: '19:leren@thread.tacv2', name: 'Leren' },
    ],
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function membership(tenantId: string, teamId: string, userId: string, role: Membership['role'] = 'member'): Membership {
  return { tenantId, teamId, userId, role, joinedAt: AT };
}

export function profile(tenantId: string, userId: string, overrides: Partial<MemberProfile> = {}): MemberProfile {
  return {
    tenantId,
    userId,
    displayName: 'Anouk de Vries',
    email: 'anouk@example.com',
    locale: 'nl-NL',
    bio: 'Data engineer; "quotes", emoji 😀 and newlines\nwelcome.',
    teaches: [
      { name: 'TypeScript', level: 3 },
      { name: 'SQL', level: 2 },
    ],
    wants: ['Kusto'],
    languages: ['nl', 'en'],
    availability: 'Tue/Thu afternoons',
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function session(tenantId: string, teamId: string, sessionId: string, overrides: Partial<LearningSession> = {}): LearningSession {
  return {
    tenantId,
    teamId,
    sessionId,
    title: 'Intro to Kusto',
    description: 'Thirty minutes, hands on.',
    skills: ['Kusto', 'Data'],
    format: 'workshop',
    startsAt: '2026-03-10T12:00:00.000Z',
    durationMinutes: 30,
    onlineUrl: 'https://teams.microsoft.com/l/meetup-join/x',
    capacity: 12,
    channelId: teamId,
    hostId: 'host-user',
    teacherIds: [],
    discussionLeaderId: 'leader-user',
    status: 'scheduled',
    openToOrganisation: false,
    counts: { yes: 0, maybe: 0, no: 0 },
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function rsvp(tenantId: string, teamId: string, sessionId: string, userId: string, response: Rsvp['response']): Rsvp {
  return { tenantId, teamId, sessionId, userId, response, respondedAt: AT };
}

export function feedback(tenantId: string, teamId: string, sessionId: string, userId: string, rating = 4): Feedback {
  return { tenantId, teamId, sessionId, userId, rating, learnedSomethingNew: true, willApply: 'Use joins', submittedAt: AT };
}

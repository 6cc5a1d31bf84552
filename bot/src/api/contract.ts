/**
 * The tab's HTTP API contract (`/api/v1`). The tab imports only this file from `bot/`.
 * Keep it free of runtime imports so the tab bundle never pulls in server code.
 */

export type ApiLocale = 'en' | 'nl';

export interface ApiError {
  readonly error: {
    /** Stable machine code, e.g. `invalid_json`, `not_found`, `storage_unavailable`. */
    readonly code: string;
    /** A sentence a person understands (English; the tab translates by `code`). */
    readonly message: string;
  };
}

export interface MeTeam {
  readonly teamId: string;
  readonly name: string;
  readonly role: 'owner' | 'member';
}

export interface MeResponse {
  readonly tenantId: string;
  readonly userId: string;
  readonly displayName: string;
  readonly locale?: string;
  readonly bio: string;
  readonly teaches: readonly { readonly name: string; readonly level: 1 | 2 | 3 }[];
  readonly wants: readonly string[];
  readonly teams: readonly MeTeam[];
}

export interface SessionPerson {
  readonly userId: string;
  readonly displayName: string;
}

export interface SessionSummary {
  readonly sessionId: string;
  readonly teamId: string;
  readonly title: string;
  readonly description: string;
  readonly skills: readonly string[];
  readonly format: 'talk' | 'workshop' | 'pair' | 'lunchAndLearn' | 'demo' | 'qa';
  readonly startsAt: string;
  readonly durationMinutes: number;
  readonly onlineUrl?: string;
  readonly place?: string;
  readonly capacity: number | null;
  readonly status: 'scheduled' | 'cancelled';
  readonly host: SessionPerson;
  readonly teachers: readonly SessionPerson[];
  readonly discussionLeader?: SessionPerson;
  readonly going: number;
  readonly maybe: number;
  readonly upcoming: boolean;
}

export interface TeamSessionsResponse {
  readonly teamId: string;
  readonly teamName: string;
  readonly sessions: readonly SessionSummary[];
}

export interface DevTokenRequest {
  readonly tenantId: string;
  readonly userId: string;
  readonly name: string;
  readonly locale?: string;
}

export interface DevTokenResponse {
  readonly token: string;
}

/** Standalone dev mode: the demo members a newcomer can act as. */
export interface DevMember {
  readonly tenantId: string;
  readonly userId: string;
  readonly displayName: string;
  readonly locale?: string;
}

export interface DevMembersResponse {
  readonly members: readonly DevMember[];
}

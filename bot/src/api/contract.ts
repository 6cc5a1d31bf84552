/**
 * The tab's HTTP API contract (`/api/v1`). The tab imports only this file from `bot/`.
 * Its only runtime imports are the domain's limit files, which import nothing themselves, so the tab
 * bundle never pulls in server code (tests/unit/contract-bundle.spec.ts checks it).
 */

import type { InsightsReport } from '../domain/insights/insights-report';
import type { GoalInput, GoalProgress } from '../domain/insights/goals';
import type { MyLearning } from '../domain/insights/my-learning';
import type { PulseResults } from '../domain/insights/pulse';

// The rules the tab checks before it sends a form. The domain owns them; these re-exports let the tab
// read the very same numbers and problem codes instead of copies.
export { TIP_BODY_MAX, TIP_LINK_MAX, TIP_PROBLEMS, TIP_SKILL_MAX, TIP_SKILLS_MAX, TIP_TITLE_MAX } from '../domain/tips/tip-limits';
export type { TipField, TipProblemCode } from '../domain/tips/tip-limits';
export { KUDOS_MESSAGE_MAX_LENGTH, KUDOS_PROBLEMS, KUDOS_SKILL_MAX } from '../domain/kudos/kudos-limits';
export type { KudosField, KudosProblemCode } from '../domain/kudos/kudos-limits';
export { REQUEST_NOTE_MAX, REQUEST_PROBLEMS, REQUEST_SKILL_MAX } from '../domain/requests/learning-request-limits';
export type { RequestField, RequestProblemCode } from '../domain/requests/learning-request-limits';
export { REMINDER_MAX_COUNT, REMINDER_MAX_MINUTES, REMINDER_MIN_MINUTES } from '../domain/teams/team-settings-limits';
export type { TeamSettingsProblemCode } from '../domain/teams/team-settings-limits';
export { PROFILE_LIMITS } from '../domain/experts/profile-limits';
export { skillDisplayName } from '../domain/experts/skill-names-nl';
// Who stands where an erased person stood (a session's host, a kudos' giver): the tab names them "a former colleague".
export { FORMER_COLLEAGUE_ID, isFormerColleague } from '../domain/shared/person';
export {
  DURATION_MAX as SESSION_DURATION_MAX,
  DURATION_MIN as SESSION_DURATION_MIN,
  ONLINE_URL_MAX as SESSION_ONLINE_URL_MAX,
  CAPACITY_MAX as SESSION_CAPACITY_MAX,
  QUESTION_MAX_LENGTH,
  START_AHEAD_MAX_YEARS as SESSION_START_AHEAD_MAX_YEARS,
  TITLE_MAX as SESSION_TITLE_MAX,
  TEACHERS_MAX as SESSION_TEACHERS_MAX,
  SERIES_OCCURRENCES,
  SERIES_OCCURRENCES_MAX,
} from '../domain/sessions/session-limits';
// The team's wall clock (times are planned and shown in the team's zone): the same arithmetic as the service's.
export { parseWallTime, toDateAndTimeInputs } from '../domain/shared/zoned-time';

import type { BuddyAvailability, BuddyCadence, BuddyReason, MetAnswer } from '../domain/buddies/buddy';

export type ApiLocale = 'en' | 'nl';

export interface ApiError {
  readonly error: {
    /** Stable machine code, e.g. `invalid_json`, `not_found`, `storage_unavailable`. */
    readonly code: string;
    /** A sentence a person understands (English; the tab translates by `code`). */
    readonly message: string;
    /** For `invalid_session`: each field that needs another look, with why (English). */
    readonly fields?: Readonly<Record<string, string>>;
    /** For `invalid_session`: the same problems as stable codes per field (the tab translates these). */
    readonly problems?: readonly { readonly field: string; readonly code: string }[];
    /** For `request_planned`: the session someone else planned from the request first. */
    readonly sessionId?: string;
    /** For `unknownSkill`: each typed skill the taxonomy does not know, with the names the person probably meant. */
    readonly unknownSkills?: readonly UnknownSkillView[];
  };
}

/**
 * A skill refused with 400 `unknownSkill` ("Typscript" → did you mean TypeScript?). Send it again
 * in the request's `newSkills` to add it to the team's skills deliberately.
 */
export interface UnknownSkillView {
  readonly field: string;
  readonly index: number;
  readonly skill: string;
  readonly suggestions: readonly string[];
}

/** `GET /me/export` and the bot's signed export link: everything stored that names the caller. */
export interface PersonalDataExportResponse {
  readonly format: 'peerlearn-export/1';
  readonly exportedAt: string;
  readonly person: { readonly tenantId: string; readonly userId: string };
  readonly tables: readonly {
    readonly table: string;
    readonly purpose: string;
    readonly retention: string;
    readonly rows: readonly Readonly<Record<string, unknown>>[];
  }[];
}

/** `POST /me/export/link`: a download link of the caller's export that works without signing in, for 15 minutes. */
export interface PersonalDataExportLinkResponse {
  readonly url: string;
  readonly expiresAt: string;
}

/**
 * `DELETE /me` body. Without `confirm: true` nothing happens (400 `confirmation_required`).
 * `contributions`: keep the person's tips and learning requests without their name, or remove them.
 * Answers 204, also when there was nothing left to erase.
 */
export interface EraseMeRequest {
  readonly confirm: true;
  readonly contributions: 'anonymise' | 'remove';
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
  /** The caller's own answer; absent when they have not answered. */
  readonly myResponse?: 'yes' | 'maybe' | 'no';
  /** The caller said "going" to a full session and waits in line. */
  readonly myWaitlisted?: boolean;
}

/**
 * `GET /teams/:teamId/sessions`: the upcoming sessions, soonest first, and whether there are past ones;
 * `?limit=&cursor=` pages them (no limit: all). With `?when=past&limit=&cursor=`: one page (default 24)
 * of past and cancelled sessions, most recent first.
 */
export interface TeamSessionsResponse {
  readonly teamId: string;
  readonly teamName: string;
  /** The team's time zone (IANA): the board shows times in it, with the viewer's own beside when different. */
  readonly timeZone?: string;
  readonly sessions: readonly SessionSummary[];
  /** Upcoming list only: the team has past or cancelled sessions to show on demand. */
  readonly hasPast?: boolean;
  /** Upcoming list only: how many upcoming sessions there are in all (with `limit`, more than this page). */
  readonly upcomingCount?: number;
  /** Pass as `cursor` for the next page; absent on the last page. */
  readonly nextCursor?: string;
}

/** A session in "open to everyone": which team holds it, and the team's clock. */
export interface OpenSessionSummary extends SessionSummary {
  readonly teamName: string;
  readonly timeZone: string;
}

/**
 * `GET /api/v1/sessions/open?q=&limit=&cursor=&exceptTeam=` (anyone signed in to the tenant): upcoming
 * sessions open to the whole organisation across all teams, soonest first; `q` matches skills and
 * titles; `exceptTeam` leaves one team's own sessions out (the board lists those already).
 * Answer through `PUT /teams/:teamId/sessions/:sessionId/rsvp` of the session's own team. 400
 * `invalid_query` (over 100 characters), `invalid_limit` (1–50), `invalid_cursor`, `invalid_team_id`.
 */
export interface OpenSessionsResponse {
  readonly sessions: readonly OpenSessionSummary[];
  readonly nextCursor?: string;
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

// ───────────────────────────── Experts and profiles ─────────────────────────────

type ApiSkillLevel = 1 | 2 | 3;

export interface ApiTeachSkill {
  readonly name: string;
  readonly level: ApiSkillLevel;
}

/** An endorsed skill of a profile: how many colleagues endorsed it, and whether the caller did. */
interface ApiSkillEndorsements {
  readonly skill: string;
  readonly count: number;
  readonly byMe: boolean;
}

/** `GET /api/v1/me/profile` and the answer to `PUT`. */
export interface ProfileResponse {
  readonly tenantId: string;
  readonly userId: string;
  readonly displayName: string;
  readonly bio: string;
  readonly teaches: readonly ApiTeachSkill[];
  readonly wants: readonly string[];
  readonly languages: readonly string[];
  readonly availability: string;
  /** Milestone cards about the person in their teams' channels (issue #12); the API always says, and absent reads as on. */
  readonly celebrateMilestones?: boolean;
  readonly endorsements: readonly ApiSkillEndorsements[];
  readonly sessionsTaught: number;
  /** Whether the person hears about new learning requests for a skill they teach (at most one message a day); on unless turned off. */
  readonly requestAlerts: boolean;
  /** After `PUT`: skills whose spelling was normalised, e.g. `{ from: "js", to: "JavaScript" }`. */
  readonly normalised?: readonly { readonly from: string; readonly to: string }[];
}

/**
 * `PUT /api/v1/me/profile`: the whole editable profile. teaches: at most 30, level 1–3; wants: at
 * most 30; bio ≤ 500 characters; languages ≤ 10; availability ≤ 200 characters. Skill names are
 * normalised (case, spacing, aliases such as `js` → JavaScript). 400 `invalid_profile` names every bad field.
 */
export interface UpdateProfileRequest {
  readonly teaches: readonly ApiTeachSkill[];
  readonly wants: readonly string[];
  readonly bio: string;
  readonly languages: readonly string[];
  readonly availability: string;
  /** Milestone cards about the person ("🎉 Sanne taught their first session"); absent keeps the stored choice. 400 `invalid_profile` when not a boolean. */
  readonly celebrateMilestones?: boolean;
  /**
   * Skills of `teaches`/`wants` to store although the taxonomy does not know them (confirmed as new).
   * Without it such a skill answers 400 `unknownSkill` with suggestions; skills already on the profile pass.
   */
  readonly newSkills?: readonly string[];
  /** Hear about new learning requests for a skill one teaches (issue #12). Absent: the stored setting stays. Not a boolean: 400 naming `requestAlerts`. */
  readonly requestAlerts?: boolean;
}

/** `POST /api/v1/people/:userId/endorsements`. 201 when new, 200 when the caller had already endorsed it. */
export interface EndorseRequest {
  readonly skill: string;
}

export interface EndorseResponse {
  readonly userId: string;
  readonly skill: string;
  readonly count: number;
  readonly created: boolean;
}

/** `GET /api/v1/skills/suggest?q=`: autocomplete over the seeded skills and the tenant's own. */
export interface SkillSuggestResponse {
  readonly query: string;
  readonly suggestions: readonly { readonly name: string; readonly quality: 'exact' | 'prefix' | 'typo' }[];
}

interface ExpertSkillView {
  readonly name: string;
  readonly level: ApiSkillLevel;
  readonly endorsements: number;
}

/** One expert: the same ranking and explanation as the messaging extension and the bot. Never a rating. */
export interface ExpertResult {
  readonly userId: string;
  readonly displayName: string;
  readonly match: 'skill' | 'name' | 'bio' | 'suggestion';
  readonly quality?: 'exact' | 'prefix' | 'typo';
  readonly skill?: ExpertSkillView;
  readonly sessionsTaught: number;
  readonly wantedBy?: number;
  /** Why this person, in the caller's language: "TypeScript · level 3 · 6 endorsements · 4 sessions taught". */
  readonly explanation: string;
  readonly teaches: readonly ExpertSkillView[];
  readonly languages: readonly string[];
  readonly availability: string;
  /** Teams deep link to a 1:1 chat. */
  readonly chatUrl: string;
}

/** `GET /api/v1/experts?q=&skip=&count=&level=&language=` (count ≤ 25). Empty `q`: suggestions. */
export interface ExpertsResponse {
  readonly query: string;
  readonly skip: number;
  readonly count: number;
  readonly suggestions: boolean;
  readonly results: readonly ExpertResult[];
  /** The caller matched too and is never their own result: with no results, "nobody else". */
  readonly askerMatched?: boolean;
  /** `q` held nothing to search for (an emoji, punctuation only): say what to type, offer nothing to ask. */
  readonly nothingToSearch?: boolean;
}

// ---- Delivery: messages the bot could not post, for the team's owners ----

type ParkedReason = 'attempts-exhausted' | 'rejected' | 'no-address' | 'poison';

export interface ParkedMessageView {
  readonly parkedId: string;
  /** Why it was parked: Teams kept refusing (`attempts-exhausted`), refused for good (`rejected`), nowhere to post (`no-address`), a job that kept failing (`poison`). */
  readonly reason: ParkedReason;
  /** Where it should have gone. */
  readonly target: 'channel' | 'thread' | 'person' | 'job';
  /** The message's plain-text summary (empty for a parked job). */
  readonly summary: string;
  readonly attempts: number;
  readonly lastError: string;
  readonly parkedAt: string;
  /** Set while a retry an owner asked for is waiting in the queue. */
  readonly retryRequestedAt?: string;
  /** Whether `POST …/retry` can do anything with it. */
  readonly retryable: boolean;
}

/** `GET /api/v1/teams/:teamId/parked` (team owners only). */
export interface ParkedMessagesResponse {
  readonly teamId: string;
  readonly parked: readonly ParkedMessageView[];
}

/** `POST /api/v1/teams/:teamId/parked/:parkedId/retry` (team owners only): 202, the retry runs in the background. */
export interface RetryParkedResponse {
  readonly parkedId: string;
  readonly status: 'queued';
}

// ---------------------------------------------------------------------------------------------
// Sessions: create, detail, edit, cancel, RSVP, questions, discussion-leader suggestion.
// ---------------------------------------------------------------------------------------------

type SessionRecurrence = 'none' | 'weekly' | 'biweekly' | 'monthly';

/**
 * `POST /api/v1/teams/:teamId/sessions` and `PATCH …/sessions/:sessionId` (every field optional on
 * PATCH). Start: `startsAt` (ISO) or `date` (`YYYY-MM-DD`) + `time` (`HH:MM`, in the team's time zone setting,
 * Europe/Amsterdam by default). Length: `durationMinutes` (5–480) or `endsAt` (ISO).
 * 400 `invalid_session` names each problem in `error.fields`; nothing is stored then.
 */
export interface SessionInput {
  readonly title?: string;
  readonly description?: string;
  /** A skill the team's taxonomy does not know answers 400 `unknownSkill` (with suggestions), unless it is also in `newSkills`. */
  readonly skills?: readonly string[];
  /** Skills confirmed as new: they join the team's taxonomy once the session is saved. */
  readonly newSkills?: readonly string[];
  readonly format?: SessionSummary['format'];
  readonly startsAt?: string;
  readonly date?: string;
  readonly time?: string;
  readonly durationMinutes?: number;
  readonly endsAt?: string;
  readonly onlineUrl?: string;
  readonly place?: string;
  /** null or absent: no limit. */
  readonly capacity?: number | null;
  readonly channelId?: string;
  readonly teacherIds?: readonly string[];
  readonly discussionLeaderId?: string;
  readonly openToOrganisation?: boolean;
  /** Create only: a series creates the next 8 occurrences at once, sharing a `seriesId`. */
  readonly recurrence?: SessionRecurrence;
  /**
   * Create only, with a recurrence: the last day (`YYYY-MM-DD`, team's zone) an occurrence may fall on;
   * every occurrence up to it is created, at most `SERIES_OCCURRENCES_MAX` (400 `repeatUntilTooFar`,
   * `repeatUntilBeforeStart`, `repeatUntilInvalid` on the field `repeatUntil`).
   */
  readonly repeatUntil?: string;
  /**
   * Create only: the learning request this session answers ("I can teach this"). Saving takes it
   * (status `planned`) and everyone who asked or +1'd gets the invite; 409 `request_planned` (with
   * `error.sessionId`) when someone planned it first, 409 `request_unavailable` when it is closed or the caller's own.
   */
  readonly requestId?: string;
}

/**
 * `GET /api/v1/teams/:teamId/planning` (members of the team, else 403 `not_member`): what the plan
 * form offers. `channels` are the team's known channels (the General channel's id is the team's id);
 * `members` are the team's members by name, for co-teachers and the discussion leader;
 * `suggestedLeader` is the fair-rotation suggestion for the caller as host.
 */
export interface PlanningResponse {
  readonly teamId: string;
  readonly teamName: string;
  /** IANA name; session times are entered in this zone. */
  readonly timeZone: string;
  readonly channels: readonly { readonly channelId: string; readonly name: string }[];
  readonly members: readonly SessionPerson[];
  readonly suggestedLeader?: SessionPerson;
  /** The person asking: the host of a session they plan, whom the form leaves out of the co-teachers. */
  readonly plannerId: string;
}

/** `POST …/sessions`: 201 with every created occurrence (one unless recurring). */
export interface CreateSessionResponse {
  readonly sessions: readonly SessionSummary[];
}

interface SessionQuestionView {
  readonly questionId: string;
  readonly text: string;
  readonly askedAt: string;
  /** Absent for anonymous questions: nobody, not even the host, can tell who asked. */
  readonly asker?: SessionPerson;
}

/** The host's private view of the feedback; ratings are never shown to anyone else. */
export interface FeedbackSummaryView {
  readonly responses: number;
  readonly averageRating?: number;
  readonly learnedSomethingNew: number;
  readonly willApply: readonly string[];
  /** The answers to "did you apply it?" two weeks after the session (issue #12), and their notes. */
  readonly applied?: { readonly yes: number; readonly partly: number; readonly notYet: number; readonly notes: readonly string[] };
}

/** `GET/PATCH/DELETE /api/v1/teams/:teamId/sessions/:sessionId` (DELETE cancels; the session stays visible as cancelled). */
export interface SessionDetailResponse extends SessionSummary {
  /** The team's time zone (IANA): the detail shows the time in it, with the viewer's own beside when different. */
  readonly timeZone?: string;
  readonly waitlisted: number;
  readonly openToOrganisation: boolean;
  readonly channelId?: string;
  readonly seriesId?: string;
  readonly recurrence?: SessionRecurrence;
  readonly attendees: readonly SessionPerson[];
  /** In line, first come first served. */
  readonly waitlist: readonly SessionPerson[];
  readonly isHost: boolean;
  readonly myResponse?: 'yes' | 'maybe' | 'no';
  readonly myWaitlisted: boolean;
  /** When the caller waits in line: their place (1 = next to get a seat). */
  readonly myWaitlistPosition?: number;
  /** Signed link to the `.ics` (works without a token, so calendar apps can open it). */
  readonly calendarUrl: string;
  /** Host only. */
  readonly questions?: readonly SessionQuestionView[];
  /** Host only. */
  readonly feedbackSummary?: FeedbackSummaryView;
}

/**
 * `PATCH`/`DELETE …/sessions/:sessionId?scope=one|following` (default `one`; anything else: 400
 * `invalid_scope`). `following` on an occurrence of a series changes (or cancels) it and every later
 * occurrence still scheduled and not yet started; a moved time moves each by the same wall-clock change.
 * If any occurrence would be invalid, 400 `invalid_session` and nothing is stored.
 */
export type SessionChangeScope = 'one' | 'following';

/** The answer to PATCH and DELETE: the session addressed, and how many sessions changed (0 when it was already cancelled). */
export interface SessionChangeResponse extends SessionDetailResponse {
  readonly changed: number;
}

/** `PUT …/sessions/:sessionId/rsvp`. 409 `session_cancelled` / `session_past` when answers are closed. */
export interface RsvpRequest {
  readonly response: 'yes' | 'maybe' | 'no';
}

export interface RsvpResponseBody {
  readonly sessionId: string;
  readonly response: 'yes' | 'maybe' | 'no';
  /** A "yes" beyond the capacity waits in line. */
  readonly waitlisted: boolean;
  /** When waitlisted: the caller's place in line (1 = next to get a seat). */
  readonly waitlistPosition?: number;
  readonly going: number;
  readonly maybe: number;
  readonly waitlistCount: number;
}

/** `POST …/sessions/:sessionId/questions`: 201. With `anonymous`, no asker is stored at all. */
export interface AskQuestionResponse {
  readonly questionId: string;
  readonly anonymous: boolean;
}

/** `GET /api/v1/teams/:teamId/sessions/suggest-discussion-leader` (host = caller) or `…/sessions/:sessionId/suggest-discussion-leader`. */
export interface SuggestLeaderResponse {
  /** Absent when the team has nobody else to suggest. */
  readonly suggestion?: SessionPerson;
}

// ---------------------------------------------------------------------------------------------
// Team settings: reminder times, time zone and language of a team, set by its owners.
// ---------------------------------------------------------------------------------------------

/** `GET /api/v1/teams/:teamId/settings` (members of the team, else 403 `not_member`) and the answer to `PUT`. */
export interface TeamSettingsResponse {
  readonly teamId: string;
  readonly teamName: string;
  /** Minutes before the start, latest first; 0–3 entries, each 5–10080, distinct. Applies to sessions scheduled after a change. */
  readonly reminderMinutes: readonly number[];
  /** IANA name, e.g. `Europe/Amsterdam`. */
  readonly timeZone: string;
  readonly locale: ApiLocale;
  /** Weeks without a session after which a member shows as quiet to the owners (QUIET_WEEKS_RANGE, default 6). */
  readonly quietWeeks: number;
  /** Whether the caller may change them (team owners only). */
  readonly canEdit: boolean;
}

/**
 * `PUT /api/v1/teams/:teamId/settings` (team owners only, else 403 `owners_only`). Every field is
 * optional; absent keeps the current value. 400 `invalid_settings` names every bad field in
 * `error.fields` (English) and `error.problems` (codes: `unknown_field`, `reminders_not_a_list`,
 * `reminders_too_many`, `reminder_not_whole`, `reminder_out_of_range`, `reminders_duplicate`,
 * `time_zone_unknown`, `locale_unsupported`, `quiet_weeks_out_of_range`, `not_an_object`); nothing is stored then.
 */
export interface UpdateTeamSettingsRequest {
  readonly reminderMinutes?: readonly number[];
  readonly timeZone?: string;
  readonly locale?: ApiLocale;
  /** 400 `quiet_weeks_out_of_range` outside QUIET_WEEKS_RANGE. */
  readonly quietWeeks?: number;
}

// ---------------------------------------------------------------------------------------------
// Kudos wall (DESIGN F6).
// ---------------------------------------------------------------------------------------------

/** One thank-you. Deliberately no totals or counts per person: kudos are a wall, never a ranking. */
export interface KudosView {
  readonly kudosId: string;
  readonly from: SessionPerson;
  readonly to: SessionPerson;
  readonly message: string;
  readonly createdAt: string;
  /** When the thanks was for a session. */
  readonly session?: { readonly sessionId: string; readonly title: string };
  /** The skill it thanks for (the taxonomy's name), when the giver named one. */
  readonly skill?: string;
}

/** `GET /api/v1/teams/:teamId/kudos/choices` (members only, else 403 `not_member`): whom the form may thank, the caller left out. */
export interface KudosChoicesResponse {
  readonly teamId: string;
  readonly people: readonly SessionPerson[];
}

/**
 * `POST /api/v1/teams/:teamId/kudos` (members only, else 403 `not_member`): 201 with the `KudosView`; its
 * card goes into `channelId` (default: the General channel, else the first known) through the outbox.
 * Bad input answers 400 `invalid_kudos` with `error.fields` (English) and `error.problems` (`[{ field, code }]`,
 * fields `toUserId|message|skill|channelId`, codes `KUDOS_PROBLEMS`); nothing is stored then.
 */
export interface GiveKudosRequest {
  readonly toUserId: string;
  readonly message: string;
  readonly skill?: string;
  readonly channelId?: string;
}

/** `GET /api/v1/teams/:teamId/kudos?limit=` (1–50, default 12): newest first. */
export interface KudosWallResponse {
  readonly teamId: string;
  readonly kudos: readonly KudosView[];
}

// ---------------------------------------------------------------------------------------------
// Tips and training material (DESIGN F9), and the board's "new tips".
// ---------------------------------------------------------------------------------------------

/** One tip. `author.displayName` is empty when the author's profile is gone (the tab shows "a colleague"). */
export interface TipView {
  readonly tipId: string;
  readonly title: string;
  readonly body: string;
  /** http(s) only. */
  readonly link?: string;
  /** Canonical skill names. */
  readonly skills: readonly string[];
  readonly author: SessionPerson;
  readonly createdAt: string;
  /** Whether the caller may delete it (the author, or an owner of the team). */
  readonly canDelete: boolean;
}

/**
 * `GET /api/v1/teams/:teamId/tips?q=&skill=&limit=&cursor=`: newest first. `q` matches title, body
 * and skills (case and accents ignored; a skill in any known spelling finds its tag), `skill` keeps
 * tips with that skill; `limit` 1–50 (default 20). `cursor` is present when there is a next page:
 * pass it back as `cursor` (a malformed one answers 400 `invalid_cursor`).
 */
export interface TipListResponse {
  readonly teamId: string;
  readonly tips: readonly TipView[];
  readonly cursor?: string;
}

/**
 * `POST /api/v1/teams/:teamId/tips` (members of the team only, else 403 `not_member`): 201 with the
 * tip. Bad input answers 400 `invalid_tip` with `error.fields` (English) and `error.problems`
 * (`[{ field, code }]`; fields `title|body|link|skills`, codes `titleRequired`, `titleTooLong`,
 * `bodyTooLong`, `linkInvalid`, `skillsTooMany`, `skillInvalid`); nothing is stored then.
 */
export interface CreateTipRequest {
  readonly title: string;
  readonly body?: string;
  readonly link?: string;
  /** A skill the taxonomy does not know answers 400 `unknownSkill` (with suggestions), unless it is also in `newSkills`. */
  readonly skills?: readonly string[];
  readonly newSkills?: readonly string[];
}

// `DELETE /api/v1/teams/:teamId/tips/:tipId`: 204 without a body; 403 `not_allowed` unless the author
// or an owner of the team; 404 `not_found` for an unknown tip.

// ── Learning requests (DESIGN F7) ──────────────────────────────────────────────────────────────

type LearningRequestStatusView = 'open' | 'taken' | 'planned' | 'closed';

interface LearningRequestPerson {
  readonly userId: string;
  /** Empty for someone who left; the tab shows "a colleague". */
  readonly displayName: string;
}

export interface LearningRequestView {
  readonly requestId: string;
  readonly teamId: string;
  /** Normalised ("ts" → "TypeScript"). */
  readonly skill: string;
  readonly note?: string;
  readonly status: LearningRequestStatusView;
  /** Everyone who wants this, the author included. */
  readonly votes: number;
  /** Whether the caller's +1 is counted (always true for the author). */
  readonly voted: boolean;
  readonly author: LearningRequestPerson;
  readonly isAuthor: boolean;
  readonly takenBy?: LearningRequestPerson;
  /** Status `planned`: the session saved from it (the tab links to it). */
  readonly sessionId?: string;
  /** The caller may hand it back (whoever took or planned it, or a team owner): `POST …/:requestId/hand-back`. */
  readonly canHandBack: boolean;
  /** Up to 3 colleagues who teach the skill, from expert search's ranking; never the author. */
  readonly experts: readonly LearningRequestPerson[];
  /** The caller may close it (the author or a team owner). */
  readonly canClose: boolean;
  readonly createdAt: string;
}

/** `GET /api/v1/teams/:teamId/requests`: open requests, most votes first, then newest (at most 50). */
export interface LearningRequestsResponse {
  readonly teamId: string;
  readonly requests: readonly LearningRequestView[];
}

/**
 * `POST /api/v1/teams/:teamId/requests` (members only, else 403 `not_member`): 201 `{ created: true }`,
 * or 200 `{ created: false }` with the team's open request for the same skill (nothing new stored).
 * Bad input: 400 `invalid_request` with `error.fields` and `error.problems` (fields `body|skill|note`,
 * codes `bodyInvalid`, `skillRequired`, `skillTooLong`, `skillInvalid`, `noteInvalid`, `noteTooLong`).
 */
export interface CreateLearningRequestRequest {
  /** A skill the team's taxonomy does not know answers 400 `unknownSkill` (with suggestions), unless it is also in `newSkills`. */
  readonly skill: string;
  readonly note?: string;
  /** The skill confirmed as new: it joins the team's taxonomy once the request is stored. */
  readonly newSkills?: readonly string[];
}

export interface CreateLearningRequestResponse {
  readonly created: boolean;
  readonly request: LearningRequestView;
}

/** What the plan view starts from when an expert takes a request; title in the caller's language. */
export interface LearningRequestSessionDraft {
  readonly title: string;
  readonly skills: readonly string[];
  readonly description: string;
}

/**
 * `GET /api/v1/teams/:teamId/requests/:requestId` (anyone in the tenant) and `POST …/:requestId/take`
 * (members only, else 403 `not_member`): the request and a session draft. Taking: 409 `request_taken` when someone else has it, 409
 * `request_closed`, 409 `own_request` for the author. `PUT`/`DELETE …/:requestId/vote` answer a
 * `LearningRequestView` (idempotent; 409 `request_taken`/`request_closed` when no longer open).
 * `DELETE …/:requestId` closes it (author or owner, else 403 `not_allowed`) and answers the view.
 * `POST …/:requestId/hand-back` returns a taken or planned request to open (whoever took it or a team
 * owner, else 403 `not_taker`; 409 `not_taken` when nobody has it).
 * Opening the plan form takes nothing: the session's save does (`SessionInput.requestId`).
 */
export interface LearningRequestDetailResponse {
  readonly request: LearningRequestView;
  readonly draft: LearningRequestSessionDraft;
}

// ---------------------------------------------------------------------------------------------
// Learning buddies (DESIGN F8, issue #13). `:teamId` is a team's id; the tenant-wide pool is set
// through `acrossOrganisation` on any team the caller is in, and its rounds are visible only to the pairs.
// ---------------------------------------------------------------------------------------------

export type { BuddyAvailability, BuddyCadence, MeetMode, MetAnswer, TeachMatch, Weekday } from '../domain/buddies/buddy';
export { CADENCE_WEEKS, MEET_MODES, MET_ANSWERS, WEEKDAYS } from '../domain/buddies/buddy';
/** The `poolId` of a tenant-wide pair (`MyBuddyView.poolId`): its "did you meet?" goes to `…/rounds/:roundId/met?pool=organisation`. */
export { ORGANISATION_POOL } from '../domain/buddies/buddy';

/** A person in a buddy view; `displayName` is "" for someone without a profile, FORMER_COLLEAGUE_ID for an erased person. */
/**
 * A buddy as the tab sees them: never their email (that is for the introduction's meeting link
 * only). Not an alias of the domain's BuddyPerson: its module would pull the buddy service's types
 * into the tab's program.
 */
export interface BuddyPersonView {
  readonly userId: string;
  readonly displayName: string;
}

/** Why a pair was made, structured (the tab words it): who can teach whom what, shared languages, days and modes. */
export type BuddyReasonView = BuddyReason;

export interface BuddyPairView {
  readonly members: readonly BuddyPersonView[];
  readonly reason: BuddyReasonView;
  readonly firstTopic?: string;
  /** Owners only: each member's "did you meet?" answer, when given. Members never see others' answers. */
  readonly answers?: Readonly<Record<string, MetAnswer>>;
}

/** The caller's current pair in one pool, with their own answer. */
export interface MyBuddyView {
  readonly poolId: string;
  readonly roundId: string;
  readonly startedAt: string;
  readonly endsAt: string;
  /** The others of the caller's pair or trio. */
  readonly buddies: readonly BuddyPersonView[];
  readonly reason: BuddyReasonView;
  readonly firstTopic?: string;
  readonly myAnswer?: MetAnswer;
}

/**
 * `GET /api/v1/teams/:teamId/buddies/me` (members of the team, else 403 `not_member`) and the answer
 * to `PUT`. `optIn` false when the caller never opted in.
 */
export interface BuddyMeResponse {
  readonly teamId: string;
  readonly optIn: boolean;
  readonly skipNext: boolean;
  readonly availability: BuddyAvailability;
  /** Also in the tenant-wide pool. */
  readonly acrossOrganisation: boolean;
  /** The team's cadence; absent when its owners set none (no scheduled rounds). */
  readonly cadence?: BuddyCadence;
  /** When the team's next scheduled round starts (ISO). */
  readonly nextRoundAt?: string;
  /** The caller's pair in the team's latest round and in the tenant pool's, when they have one. */
  readonly current: readonly MyBuddyView[];
}

/**
 * `PUT /api/v1/teams/:teamId/buddies/me`: absent fields keep their value. 400 `invalid_buddy` names
 * each bad field in `error.fields` (`optIn`, `skipNext`, `availability`, `acrossOrganisation`).
 */
export interface UpdateBuddyMeRequest {
  readonly optIn?: boolean;
  readonly skipNext?: boolean;
  readonly availability?: BuddyAvailability;
  readonly acrossOrganisation?: boolean;
}

/**
 * `GET`/`PUT /api/v1/teams/:teamId/buddies/cadence`: read by members, set by owners (else 403
 * `owners_only`); `null` stops scheduled rounds. 400 `invalid_buddy` names the field (`cadence.everyWeeks`, `cadence.weekday`, `cadence.time`).
 */
export interface BuddyCadenceBody {
  readonly cadence: BuddyCadence | null;
  /** In the answer: the next scheduled round (ISO), in the team's time zone's terms. */
  readonly nextRoundAt?: string;
  readonly timeZone?: string;
  readonly canEdit?: boolean;
}

/** `POST /api/v1/teams/:teamId/buddies/rounds` (owners, else 403 `owners_only`): 202. Two starts at once make one round. */
export interface StartBuddyRoundResponse {
  readonly roundId: string;
}

/** A round as the viewer may see it (see BuddyRoundResponse). */
export interface LatestBuddyRound {
  readonly id: string;
  readonly startedAt: string;
  readonly endsAt: string;
  readonly pairs: readonly BuddyPairView[];
  readonly leftOver?: readonly BuddyPersonView[];
  readonly skipped?: readonly BuddyPersonView[];
}

/**
 * `GET /api/v1/teams/:teamId/buddies/rounds/latest` (members): owners see every pair, the answers, who
 * skipped and who was left over; members see only their own pair (`pairs` of one or none, no `leftOver`,
 * `skipped` or `answers`). Before the first round 200 `{ round: null }`: that is how every team starts,
 * and a 404 would show in the browser's console as a failed request.
 */
export interface BuddyRoundResponse {
  readonly round: LatestBuddyRound | null;
  /** Owners only: the last rounds, newest first: pairs, how many met, opted in. */
  readonly history?: readonly {
    readonly id: string;
    readonly startedAt: string;
    readonly pairs: number;
    readonly people: number;
    readonly met: number;
    readonly skipped: number;
  }[];
}

/**
 * `PUT /api/v1/teams/:teamId/buddies/rounds/:roundId/met` (only a member of a pair in that round, else 403 `not_in_round`;
 * 404 `no_round` for an unknown round). For a round of the tenant-wide pool add `?pool=organisation` (`:teamId` is then
 * any team of the caller's). Answers the stored answer in the same shape.
 */
export interface BuddyMetRequest {
  readonly answer: MetAnswer;
}

// ---------------------------------------------------------------------------------------------
// Insights, goals, pulse surveys, My learning (DESIGN F10, F5, F11; issue #14). Refusals use the
// `insights` codes: 400 `invalid_insights` (fields named in `error.fields`), 403 `not_member`,
// 403 `owners_only`, 404 `not_found`, 409 `already_answered`, 409 `pulse_closed`, 409 `nudged_recently`.
// ---------------------------------------------------------------------------------------------

export type {
  FeedbackPoint,
  Granularity,
  ParticipationPoint,
  QuietMember,
  SkillCell,
  SkillGap,
  SkillsMatrix,
  Trend,
} from '../domain/insights/insights';
export { GRANULARITIES, MAX_RANGE_DAYS, MIN_FEEDBACK_ANSWERS, QUIET_WEEKS_RANGE, NUDGE_INTERVAL_DAYS } from '../domain/insights/insights';
export type { GoalKind, GoalPeriod, GoalProgress, TeamGoal, GoalInput } from '../domain/insights/goals';
export { GOAL_KINDS, GOAL_PERIODS, GOAL_TARGET_RANGE, MAX_GOALS } from '../domain/insights/goals';
export type { PulseQuestion, PulseResults } from '../domain/insights/pulse';
export { PULSE_QUESTIONS, PULSE_MIN_ANSWERS } from '../domain/insights/pulse';
export type { CsvTable, MyGoalView } from '../domain/insights/insights-report';
export { CSV_TABLES } from '../domain/insights/insights-report';
export type {
  MyApplyView,
  MyKudosView,
  MyLearning,
  MyMilestoneView,
  MySessionView,
  MySkillView,
  MyStreak,
} from '../domain/insights/my-learning';

/**
 * `GET /api/v1/teams/:teamId/insights?from=YYYY-MM-DD&to=YYYY-MM-DD&granularity=week|month`
 * (members; `quiet` only in an owner's answer). Defaults: the last 12 months up to today, by month.
 * 400 `invalid_insights` for a bad date (`from`/`to`), `from` after `to`, a range over 3 years, an
 * unknown granularity.
 */
export type InsightsResponse = InsightsReport;

/**
 * `GET /api/v1/teams/:teamId/insights.csv?table=participation|feedback|skills|quiet&from=&to=&granularity=`:
 * `text/csv; charset=utf-8` with a BOM, as an attachment named `peerlearn-<table>-<from>-<to>.csv`.
 * `quiet` is owners only (403 `owners_only`); an unknown table → 400 naming `table`. Every cell
 * starting with `=`, `+`, `-`, `@`, a tab or a CR is prefixed with `'` so no spreadsheet runs it.
 */
export const INSIGHTS_CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/**
 * `GET`/`PUT /api/v1/teams/:teamId/goals`: read by members, replaced as a whole by owners (403
 * `owners_only`). The body of `PUT` is `{ goals: GoalInput[] }` (at most MAX_GOALS); 400 names each
 * bad field as `goals[i].target`, `goals[i].period`, `goals[i].skill`, `goals[i].due`…
 */
export interface GoalsResponse {
  readonly goals: readonly GoalProgress[];
  readonly canEdit: boolean;
}
export interface PutGoalsRequest {
  readonly goals: readonly GoalInput[];
}

/**
 * `POST /api/v1/teams/:teamId/pulses` (owners): posts the pulse card to `channelId` (default the
 * team's General channel); 202 with the new pulse's results (0 responses). `GET …/pulses/latest`:
 * see LatestPulseResponse. `PUT …/pulses/:pulseId/answer` (members) with
 * `{ answers: { learnedFromColleague: 1–5, … } }`: the results after it; 409 `already_answered`, 409 `pulse_closed`.
 */
export interface PostPulseRequest {
  readonly channelId?: string;
}

/**
 * `GET /api/v1/teams/:teamId/pulses/latest` (members): the latest pulse, scores only from
 * PULSE_MIN_ANSWERS answers on. A team that never had one answers 200 `{ pulse: null }`: that is how
 * every team starts, and a 404 would show in the browser's console as a failed request.
 */
export interface LatestPulseResponse {
  readonly pulse: PulseResults | null;
}

/**
 * `POST /api/v1/teams/:teamId/insights/quiet/:userId/nudge` (owners): 202 `{ nudgedAt }`; 409
 * `nudged_recently` within NUDGE_INTERVAL_DAYS; 404 `not_found` for someone not in the team.
 */
export interface NudgeResponse {
  readonly nudgedAt: string;
}

/** `GET /api/v1/me/learning`: the caller's own progress across their teams (see MyLearning). */
export type MyLearningResponse = MyLearning;

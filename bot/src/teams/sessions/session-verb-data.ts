import { z } from 'zod';
import type { CardVerb } from '../../domain/shared/card-verbs';
import { DESCRIPTION_MAX, ID_MAX } from '../../domain/sessions/session-limits';

/** The `Action.Execute` verbs of the session cards (invite, feedback, notices, planning and edit forms). */
export type SessionVerb = Extract<
  CardVerb,
  'rsvp' | 'refresh' | 'cancelSession' | 'editSession' | 'saveSession' | 'feedback' | 'applied' | 'kudos' | 'createSession' | 'declineRole'
>;

/** An id as the app and Teams make them (sessions, teams, channels, people); the handlers trim it. */
const id = z
  .string()
  .max(ID_MAX)
  .refine((v) => v.trim() !== '');
/** No session card sends a longer text than the description. */
const cardText = z.string().max(DESCRIPTION_MAX);
/** An input's value as Teams sends it: text, or a number or toggle from older clients. */
const inputValue = z.union([cardText, z.number(), z.boolean(), z.null()]);

const ofSession = { teamId: id, sessionId: id };

/** A session form's inputs: ids and short names only, each value bounded; the domain judges the rest (and shows the form again). */
const form = (ids: z.ZodRawShape) =>
  z
    .record(z.string().max(40), inputValue)
    .refine((data) => Object.keys(data).length <= 40)
    .and(z.object(ids));

/**
 * One schema per session verb for the card's `data` (Teams merges the card's inputs into it): the
 * ids are checked and every string bounded before a handler runs; keys no card sends are stripped.
 */
export const SESSION_VERB_DATA: Readonly<Record<SessionVerb, z.ZodType<Readonly<Record<string, unknown>>>>> = {
  refresh: z.object(ofSession),
  rsvp: z.object({ ...ofSession, response: z.string().max(10) }),
  cancelSession: z.object({ ...ofSession, scope: z.string().max(20).optional() }),
  editSession: z.object(ofSession),
  saveSession: form(ofSession),
  feedback: z.object({
    ...ofSession,
    rating: inputValue.optional(),
    learnedSomethingNew: inputValue.optional(),
    willApply: cardText.optional(),
  }),
  applied: z.object({ ...ofSession, level: inputValue.optional(), note: cardText.optional() }),
  kudos: z.object({ ...ofSession, toUserId: id.optional() }),
  declineRole: z.object(ofSession),
  // The planning form: no session yet.
  createSession: form({ teamId: id }),
};

/** The planning dialog's submit (`task/submit`, or the messaging extension's `submitAction`): its team may come from where it was opened. */
export const PLAN_DIALOG_DATA = form({ teamId: id.optional() });

/** "I can teach this" (a request card's `task/fetch`): the request and its team, both ids as the app makes them. */
export const PLAN_FROM_REQUEST_DATA = z.object({
  teamId: id.transform((v) => v.trim()),
  requestId: z.string().regex(/^[A-Za-z0-9._:@-]{1,200}$/),
});
export type PlanFromRequest = z.infer<typeof PLAN_FROM_REQUEST_DATA>;

/** Whether a refused card named no usable team or session (rather than a bad value). */
export const missesIds = (error: z.ZodError): boolean => error.issues.some((i) => i.path[0] === 'teamId' || i.path[0] === 'sessionId');

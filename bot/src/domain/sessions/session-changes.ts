import type { Outbox } from '../delivery/outbox';
import type { PersonRef } from '../shared/person';
import type { Repositories } from '../shared/repositories';
import { namedPeople, namedRoleOf, sessionEndsAt } from './session';
import type { LearningSession, NamedRole } from './session';
import { applyDraft } from './session-rules';
import type { SessionDraft } from './session-rules';
import type { Team } from '../teams/team';
import { settingsOf } from '../teams/team-settings';

/** A series' later occurrences are announced this long before their start, not all at once. */
const INVITE_LEAD_DAYS = 7;

interface SessionChangesDeps {
  readonly repositories: Pick<Repositories, 'sessions' | 'rsvps'>;
  readonly outbox: Outbox;
}

/** The notice that tells someone the host named them (see the composer). */
export const NAMED_NOTICE: Record<NamedRole, string> = { teacher: 'namedTeacher', leader: 'namedLeader' };

/** One session's stored change and the messages it sets off: invites, reminders, waitlist promotions, notices. */
export function sessionChanges(deps: SessionChangesDeps) {
  const { repositories: repos, outbox } = deps;

  /** Invite, reminders in its thread and the feedback request, for one (new or moved) session. */
  // Reminders follow the team's setting at the time of scheduling: a changed setting applies to sessions scheduled (or moved) afterwards.
  async function schedule(session: LearningSession, team: Team | undefined, now: Date, announce: boolean): Promise<void> {
    const ref = { tenantId: session.tenantId, teamId: session.teamId, sessionId: session.sessionId };
    const start = Date.parse(session.startsAt);
    if (session.channelId) {
      if (announce) {
        const inviteAt = start - INVITE_LEAD_DAYS * 24 * 3600_000;
        await outbox.enqueue({ kind: 'postInvite', ...ref }, inviteAt > now.getTime() ? { notBefore: new Date(inviteAt) } : {});
      }
      for (const minutesBefore of settingsOf(team).reminderMinutes) {
        const due = start - minutesBefore * 60_000;
        if (due > now.getTime()) {
          await outbox.enqueue(
            { kind: 'postReminder', ...ref, minutesBefore, forStartsAt: session.startsAt },
            { notBefore: new Date(due) },
          );
        }
      }
    }
    await outbox.enqueue({ kind: 'requestFeedback', ...ref, forStartsAt: session.startsAt }, { notBefore: sessionEndsAt(session) });
    // Insights: the held session's fact, from the answers as they stand at its end (a moved session's old job folds nothing new).
    await outbox.enqueue({ kind: 'foldInsights', ...ref }, { notBefore: sessionEndsAt(session) });
  }

  /**
   * Everyone the session names now and did not name `before` (or named in another role) is told, the
   * host never. `now` keys the notice: a retried job posts once, a later renaming posts again.
   */
  async function tellNamed(before: LearningSession | undefined, after: LearningSession, now: Date): Promise<void> {
    if (after.status === 'cancelled') return;
    const ref = { tenantId: after.tenantId, teamId: after.teamId, sessionId: after.sessionId };
    for (const { userId, role } of namedPeople(after)) {
      if (before && namedRoleOf(before, userId) === role) continue;
      await outbox.enqueue({ kind: 'notifyPerson', ...ref, userId, reason: NAMED_NOTICE[role], ref: now.toISOString() });
    }
  }

  /**
   * A named person says they cannot: they leave every role in the session (under its ETag), the
   * invite shows it and the host is told who. Undefined when they were no longer named.
   */
  async function applyDecline(actor: PersonRef, current: LearningSession, now: Date): Promise<LearningSession | undefined> {
    const { tenantId, teamId, sessionId } = current;
    let declinedNow = false;
    const updated = await repos.sessions.update(tenantId, teamId, sessionId, (s) => {
      declinedNow = namedRoleOf(s, actor.userId) !== undefined;
      if (!declinedNow) return undefined;
      const { discussionLeaderId, ...rest } = s;
      return {
        ...rest,
        teacherIds: s.teacherIds.filter((id) => id !== actor.userId),
        ...(discussionLeaderId && discussionLeaderId !== actor.userId ? { discussionLeaderId } : {}),
        updatedAt: now.toISOString(),
      };
    });
    if (!updated || !declinedNow) return undefined;
    const ref = { tenantId, teamId, sessionId };
    if (updated.channelId) await outbox.enqueue({ kind: 'updateInvite', ...ref });
    await outbox.enqueue({
      kind: 'notifyPerson',
      ...ref,
      userId: updated.hostId,
      reason: 'roleDeclined',
      aboutUserId: actor.userId,
      ref: now.toISOString(),
    });
    return updated;
  }

  /** One occurrence's edit, stored under its ETag, with its card update, reminders and waitlist promotions. */
  async function applyEdit(
    current: LearningSession,
    draft: SessionDraft,
    team: Team | undefined,
    now: Date,
  ): Promise<LearningSession | undefined> {
    const { tenantId, teamId, sessionId } = current;
    const updated = await repos.sessions.update(tenantId, teamId, sessionId, (s) => applyDraft(s, draft, now));
    if (!updated) return undefined;
    const ref = { tenantId, teamId, sessionId };
    if (updated.startsAt !== current.startsAt || updated.durationMinutes !== current.durationMinutes) {
      // The old reminders see the new start and skip themselves (see the composer).
      await schedule(updated, team, now, false);
    }
    // A larger capacity gives its new places to those waiting, and tells them.
    const grew = updated.capacity === null ? current.capacity !== null : current.capacity !== null && updated.capacity > current.capacity;
    if (grew) {
      const { promoted } = await repos.rsvps.promoteWaiting(ref);
      for (const r of promoted) {
        await outbox.enqueue({ kind: 'notifyPerson', ...ref, userId: r.userId, reason: 'waitlistPromoted', ref: now.toISOString() });
      }
    }
    if (current.channelId) await outbox.enqueue({ kind: 'updateInvite', ...ref });
    if (!current.channelId && updated.channelId) await outbox.enqueue({ kind: 'postInvite', ...ref });
    return updated;
  }

  /** One occurrence cancelled under its ETag: its card updated, everyone who said yes or maybe told. */
  async function applyCancel(actor: PersonRef, current: LearningSession, now: Date): Promise<LearningSession | undefined> {
    const { tenantId, teamId, sessionId } = current;
    // Cancelled meanwhile (another tab, the card): already announced, so nothing is sent twice.
    let cancelledNow = false;
    const updated = await repos.sessions.update(tenantId, teamId, sessionId, (s) => {
      cancelledNow = s.status !== 'cancelled';
      return cancelledNow ? { ...s, status: 'cancelled', updatedAt: now.toISOString() } : undefined;
    });
    if (!updated || !cancelledNow) return undefined;
    const ref = { tenantId, teamId, sessionId };
    if (updated.channelId) await outbox.enqueue({ kind: 'updateInvite', ...ref });
    const told = (await repos.rsvps.listForSession(tenantId, sessionId)).filter((r) => r.response !== 'no' && r.userId !== actor.userId);
    for (const r of told) await outbox.enqueue({ kind: 'notifyPerson', ...ref, userId: r.userId, reason: 'sessionCancelled' });
    // A session cancelled after its end was not held after all: its fact leaves the rollups. (One not yet over
    // has its fold at the end already queued, and that finds it cancelled.)
    if (sessionEndsAt(updated).getTime() <= now.getTime()) await outbox.enqueue({ kind: 'foldInsights', ...ref });
    return updated;
  }

  return { schedule, applyEdit, applyCancel, tellNamed, applyDecline };
}

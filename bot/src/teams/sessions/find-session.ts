import { CardFactory } from 'botbuilder';
import type { MessagingExtensionAttachment } from 'botbuilder';
import { sessionInviteCard } from '../../cards/sessions/session-invite-card';
import { formatShortWhen } from '../../cards/sessions/session-text';
import { t } from '../../cards/shared/i18n';
import { clip } from '../../cards/shared/user-text';
import { toLocale } from '../../domain/shared/person';
import type { Services } from '../../domain/shared/services';
import type { SessionLinks } from '../../domain/sessions/session-links';
import { timeZoneOf } from '../../domain/sessions/session-service';
import type { InvokeHandler } from '../shared/bot-feature';
import { cardAttachment } from '../shared/card-message';
import { personOf } from '../shared/identity';
import { composeMessage, composeResult } from '../shared/invoke-responses';
import { failureAnswer } from '../shared/failure-answer';
import { inviteViewOf } from './invite-view';

interface FindSessionDeps {
  readonly services: Pick<Services, 'sessions' | 'findSessions'>;
  readonly sessionLinks: SessionLinks;
  readonly now: () => Date;
}

const RESULTS = 10;

/** What a result's preview sends back on a pick; Teams sends no commandId with it, so it rides along. */
interface FindSessionPick {
  readonly commandId: 'findSession';
  readonly teamId: string;
  readonly sessionId: string;
}

function pickOf(value: unknown): FindSessionPick | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { teamId, sessionId } = value as { teamId?: unknown; sessionId?: unknown };
  const id = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
  return id(teamId) && id(sessionId) ? { commandId: 'findSession', teamId, sessionId } : undefined;
}

function queryOf(value: unknown): string {
  const parameters = (value as { parameters?: unknown } | undefined)?.parameters;
  if (!Array.isArray(parameters)) return '';
  const query = (parameters as unknown[]).find((p) => typeof p === 'object' && p !== null && (p as { name?: unknown }).name === 'query');
  const text = (query as { value?: unknown } | undefined)?.value;
  return typeof text === 'string' ? text.slice(0, 100) : '';
}

/**
 * The `findSession` search command (issue #12): upcoming sessions the person may join — their teams'
 * and those open to the whole organisation — as small previews; a pick inserts the session's invite
 * card (the shared view; each reader's own view comes with the card's refresh) into any chat.
 */
export function findSessionHandlers(deps: FindSessionDeps): { readonly query: InvokeHandler; readonly selectItem: InvokeHandler } {
  const query: InvokeHandler = async (context) => {
    const locale = toLocale(context.activity.locale);
    const person = personOf(context.activity);
    if (!person) return composeMessage(t(locale, 'sessions:findSessionNoTenant'));
    const text = queryOf(context.activity.value);
    const found = await deps.services.findSessions(person, text, RESULTS);
    if (found.length === 0)
      return composeMessage(
        text.trim() === '' ? t(locale, 'sessions:findSessionNoneAtAll') : t(locale, 'sessions:findSessionNone', { query: clip(text, 60) }),
      );
    const attachments = found.map(({ session, team }): MessagingExtensionAttachment => {
      const title = clip(session.title, 80);
      const when = formatShortWhen(session.startsAt, locale, timeZoneOf(team));
      const line = t(locale, 'sessions:findSessionPreview', { when, team: clip(team.name, 60) });
      const subtitle = session.openToOrganisation ? `${line} · ${t(locale, 'sessions:findSessionOpen')}` : line;
      const pick: FindSessionPick = { commandId: 'findSession', teamId: session.teamId, sessionId: session.sessionId };
      return {
        ...CardFactory.thumbnailCard(title, subtitle),
        preview: CardFactory.thumbnailCard(title, subtitle, undefined, undefined, { tap: { type: 'invoke', title, value: pick } }),
      };
    });
    return composeResult(attachments);
  };

  /** A pick: the invite card, read again with the picker's rights (a team-only session stays with its team). */
  const selectItem: InvokeHandler = async (context) => {
    const locale = toLocale(context.activity.locale);
    const person = personOf(context.activity);
    const pick = pickOf(context.activity.value);
    if (!person || !pick) return composeMessage(t(locale, 'sessions:findSessionGone'));
    const found = await deps.services.sessions.cardView(person.tenantId, pick.teamId, pick.sessionId, person.userId);
    if (!found.ok) return composeMessage(failureAnswer(found.failure, locale));
    const view = await inviteViewOf(found.value, deps.sessionLinks, deps.now());
    return composeResult([cardAttachment(sessionInviteCard(view, undefined, locale))]);
  };

  return { query, selectItem };
}

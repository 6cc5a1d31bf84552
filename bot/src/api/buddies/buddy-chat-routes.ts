import { Router } from 'express';
import { t } from '../../cards/shared/i18n';
import { buddyChatCalendar } from '../../domain/buddies/buddy-chat-calendar';
import { BUDDY_CHAT_ICS_PATH } from '../../domain/buddies/buddy-chat-links';
import type { BuddyChatEvent } from '../../domain/buddies/buddy-chat-links';
import type { ApiDependencies } from '../api-dependencies';
import { HttpError } from '../shared/http-error';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
const ID = /^[A-Za-z0-9~._:@-]{1,200}$/;
/** Only the exact form `Date#toISOString` writes: one text per instant, so the signature covers what is served. */
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const text = (value: unknown, pattern: RegExp): string => (typeof value === 'string' && pattern.test(value) ? value : '');

/**
 * `GET /buddies/chat.ics`: the suggested first chat of a buddy pair as RFC 5545 `text/calendar`. Public,
 * like a session's calendar file: calendar apps send no bearer token, the HMAC in the link is the
 * permission, and everything in the event comes from the signed parameters (nothing is read or stored).
 */
export function buddyChatRoutes(deps: Pick<ApiDependencies, 'buddyLinks' | 'now'>): Router {
  const router = Router();
  router.get(BUDDY_CHAT_ICS_PATH, async (req, res, next) => {
    try {
      const q = req.query;
      const start = text(q.start, ISO);
      const lang = q.lang === 'nl' || q.lang === 'en' ? q.lang : undefined;
      const token = text(q.token, TOKEN);
      const event: BuddyChatEvent | undefined =
        start && lang && !Number.isNaN(Date.parse(start))
          ? { tenantId: text(q.tenant, ID), poolId: text(q.pool, ID), roundId: text(q.round, ID), start, locale: lang }
          : undefined;
      if (!event || !event.tenantId || !event.poolId || !event.roundId || !token || !(await deps.buddyLinks.verify(event, token))) {
        throw new HttpError(404, 'not_found', t('en', 'buddies:chatLinkNotFound'));
      }
      const host = new URL(await deps.buddyLinks.calendarUrl(event)).hostname || 'peerlearn';
      const texts = { summary: t(event.locale, 'buddies:chatSubjectGeneric'), description: t(event.locale, 'buddies:chatDescription') };
      res
        .status(200)
        .type('text/calendar; charset=utf-8')
        .set('Content-Disposition', 'attachment; filename="buddy-chat.ics"')
        .send(buddyChatCalendar(event, texts, deps.now(), host));
    } catch (error) {
      next(error);
    }
  });
  return router;
}

import { escapeIcsText, foldIcsLine, icsTime } from '../sessions/calendar-file';
import { BUDDY_CHAT_MINUTES } from './buddy-chat';
import type { BuddyChatEvent } from './buddy-chat-links';

/**
 * One VEVENT of 30 minutes for a pair's suggested chat, in the same RFC 5545 form as a session's
 * file (calendar-file.ts): UTC times, TEXT escaped, lines folded. `summary` and `description` come
 * in the reader's language from the caller; the UID is the same for every download of one event.
 */
export function buddyChatCalendar(
  event: BuddyChatEvent,
  texts: { readonly summary: string; readonly description: string },
  now: Date,
  productHost: string,
): string {
  const start = new Date(event.start);
  const end = new Date(start.getTime() + BUDDY_CHAT_MINUTES * 60_000);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//PeerLearn//Learning buddies//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(`buddy-${event.poolId}-${event.roundId}-${icsTime(start)}@${productHost}`)}`,
    `DTSTAMP:${icsTime(now)}`,
    `DTSTART:${icsTime(start)}`,
    `DTEND:${icsTime(end)}`,
    `SUMMARY:${escapeIcsText(texts.summary)}`,
    `DESCRIPTION:${escapeIcsText(texts.description)}`,
    'STATUS:CONFIRMED',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}

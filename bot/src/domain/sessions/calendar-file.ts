import type { LearningSession } from './session';
import { sessionEndsAt } from './session';

/** RFC 5545 §3.3.11 TEXT: backslash, semicolon, comma and newlines escaped; other control characters (not allowed in TEXT) dropped. */
export function escapeIcsText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '')
  );
}

/**
 * RFC 5545 §3.3.13 URI for the `URL` property: only an absolute http(s) address, without any control character or
 * space, else undefined (the line is left out). A stored value is never trusted: a CR/LF in it would start new lines
 * (an `ATTENDEE`, an `ORGANIZER`) in the served file.
 */
export function icsUri(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u0020\u007f]/.test(value)) return undefined;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** RFC 5545 §3.1: lines of at most 75 octets, continued with CRLF + space; never split a UTF-8 character. */
export function foldIcsLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with one space
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** RFC 5545 DATE-TIME in UTC (`20261203T120000Z`). */
export const icsTime = (d: Date): string =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** One VEVENT for a session; times in UTC; a cancelled session says so (STATUS:CANCELLED). */
export function sessionCalendar(session: LearningSession, now: Date, productHost: string): string {
  const url = session.onlineUrl ? icsUri(session.onlineUrl) : undefined;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//PeerLearn//Sessions//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(`${session.sessionId}@${productHost}`)}`,
    `DTSTAMP:${icsTime(now)}`,
    `DTSTART:${icsTime(new Date(session.startsAt))}`,
    `DTEND:${icsTime(sessionEndsAt(session))}`,
    `SUMMARY:${escapeIcsText(session.title)}`,
    ...(session.description ? [`DESCRIPTION:${escapeIcsText(session.description)}`] : []),
    ...(session.place || url ? [`LOCATION:${escapeIcsText(session.place || url || '')}`] : []),
    ...(url ? [`URL:${url}`] : []),
    `STATUS:${session.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}

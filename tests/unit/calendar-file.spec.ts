import { describe, expect, it } from '@jest/globals';
import { icsUri, sessionCalendar } from '../../bot/src/domain/sessions/calendar-file';
import type { LearningSession } from '../../bot/src/domain/sessions/session';

const NOW = new Date('2026-11-27T12:00:00.000Z');

function session(overrides: Partial<LearningSession> = {}): LearningSession {
  return {
    tenantId: 't',
    teamId: 'team',
    sessionId: 's1',
    title: 'T',
    description: '',
    skills: [],
    format: 'talk',
    startsAt: '2026-12-03T13:00:00.000Z',
    durationMinutes: 60,
    capacity: null,
    hostId: 'host',
    teacherIds: [],
    status: 'scheduled',
    openToOrganisation: false,
    counts: { yes: 0, maybe: 0, no: 0 },
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...overrides,
  };
}

/** RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab continues the line. */
const contentLines = (ics: string): string[] =>
  ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '');
const names = (ics: string): string[] => contentLines(ics).map((l) => l.split(/[:;]/)[0] ?? '');

describe('calendar file from stored values (issue #11)', () => {
  it('never lets a CR/LF in a stored onlineUrl add lines (ATTENDEE, ORGANIZER)', () => {
    const onlineUrl = 'https://meet.example/x\r\nATTENDEE;CN=Boss:mailto:boss@example.com\r\nORGANIZER:mailto:evil@example.com';
    const ics = sessionCalendar(session({ onlineUrl }), NOW, 'peerlearn.example');
    expect(names(ics)).not.toContain('ATTENDEE');
    expect(names(ics)).not.toContain('ORGANIZER');
    expect(ics).not.toMatch(/^URL:/m);
    // Every line break in the file is a line end or a fold; no bare CR or LF.
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<b>x</b>'],
    ['a bare LF', 'https://meet.example/a\nb'],
    ['a space', 'https://meet.example/a b'],
    ['no scheme', 'meet.example/room'],
  ])('writes no URL line for %s', (_what, onlineUrl) => {
    expect(icsUri(onlineUrl)).toBeUndefined();
    expect(sessionCalendar(session({ onlineUrl }), NOW, 'peerlearn.example')).not.toMatch(/^URL:/m);
  });

  it('writes an http(s) URL as given', () => {
    expect(icsUri('https://meet.example/j/123?pwd=a;b,c')).toBe('https://meet.example/j/123?pwd=a;b,c');
    expect(contentLines(sessionCalendar(session({ onlineUrl: 'http://meet.example/x' }), NOW, 'h'))).toContain('URL:http://meet.example/x');
  });

  it('escapes every text field from the stored value and drops control characters', () => {
    const ics = sessionCalendar(
      session({
        title: 'A; B, C\\D\r\nATTENDEE:mailto:x@example.com',
        description: 'line 1\nline 2\u0007',
        place: 'Room 1;2\rORGANIZER:mailto:y@example.com',
      }),
      NOW,
      'peerlearn.example',
    );
    const lines = contentLines(ics);
    expect(lines).toContain('SUMMARY:A\\; B\\, C\\\\D\\nATTENDEE:mailto:x@example.com');
    expect(lines).toContain('DESCRIPTION:line 1\\nline 2');
    expect(lines).toContain('LOCATION:Room 1\\;2\\nORGANIZER:mailto:y@example.com');
    expect(names(ics)).toEqual([
      'BEGIN',
      'VERSION',
      'PRODID',
      'CALSCALE',
      'METHOD',
      'BEGIN',
      'UID',
      'DTSTAMP',
      'DTSTART',
      'DTEND',
      'SUMMARY',
      'DESCRIPTION',
      'LOCATION',
      'STATUS',
      'END',
      'END',
    ]);
  });

  it('folds every line at 75 octets, a long URL included, and unfolds to the same values', () => {
    const onlineUrl = `https://meet.example/${'a'.repeat(300)}`;
    const title = 'Ünïcödé ✓ '.repeat(30).trim();
    const ics = sessionCalendar(session({ title, onlineUrl, description: 'x'.repeat(1000) }), NOW, 'peerlearn.example');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics.split('\r\n').filter((l) => l.startsWith(' ')).length).toBeGreaterThan(10);
    const lines = contentLines(ics);
    expect(lines).toContain(`URL:${onlineUrl}`);
    expect(lines).toContain(`SUMMARY:${title}`);
  });
});

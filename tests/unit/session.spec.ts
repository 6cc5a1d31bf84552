import { describe, expect, it } from '@jest/globals';
import { compareForBoard, countsAfterChange, isUpcoming } from '../../bot/src/domain/sessions/session';
import type { LearningSession } from '../../bot/src/domain/sessions/session';
import { toLocale } from '../../bot/src/domain/shared/person';

const now = new Date('2026-11-27T12:00:00Z');
const session = (id: string, startsAt: string, extra: Partial<LearningSession> = {}): LearningSession => ({
  tenantId: 't',
  teamId: 'team',
  sessionId: id,
  title: id,
  description: '',
  skills: [],
  format: 'talk',
  startsAt,
  durationMinutes: 60,
  capacity: null,
  hostId: 'h',
  teacherIds: [],
  status: 'scheduled',
  openToOrganisation: false,
  counts: { yes: 0, maybe: 0, no: 0 },
  createdAt: startsAt,
  updatedAt: startsAt,
  ...extra,
});

describe('sessions', () => {
  it('a session that has started but not ended is still upcoming; a cancelled one is not', () => {
    expect(isUpcoming(session('a', '2026-11-27T11:30:00Z'), now)).toBe(true);
    expect(isUpcoming(session('b', '2026-11-27T10:00:00Z'), now)).toBe(false);
    expect(isUpcoming(session('c', '2026-11-28T10:00:00Z', { status: 'cancelled' }), now)).toBe(false);
  });

  it('orders upcoming soonest first, then past most recent first', () => {
    const list = [
      session('past-old', '2026-11-01T10:00:00Z'),
      session('soon-2', '2026-11-30T10:00:00Z'),
      session('past-new', '2026-11-20T10:00:00Z'),
      session('soon-1', '2026-11-28T10:00:00Z'),
    ].sort(compareForBoard(now));
    expect(list.map((s) => s.sessionId)).toEqual(['soon-1', 'soon-2', 'past-new', 'past-old']);
  });

  it('moves RSVP counts and never goes below zero', () => {
    expect(countsAfterChange({ yes: 1, maybe: 0, no: 0 }, undefined, 'yes')).toEqual({ yes: 2, maybe: 0, no: 0 });
    expect(countsAfterChange({ yes: 1, maybe: 0, no: 0 }, 'yes', 'no')).toEqual({ yes: 0, maybe: 0, no: 1 });
    expect(countsAfterChange({ yes: 0, maybe: 0, no: 0 }, 'maybe', 'yes')).toEqual({ yes: 1, maybe: 0, no: 0 });
  });

  it('maps Teams locales to the two languages', () => {
    expect(toLocale('nl-NL')).toBe('nl');
    expect(toLocale('nl-be')).toBe('nl');
    expect(toLocale('en-US')).toBe('en');
    expect(toLocale('de-DE')).toBe('en');
    expect(toLocale(undefined)).toBe('en');
  });
});

describe('the demo team', () => {
  it('uses the Agents Playground’s users by their exact aadObjectId', async () => {
    const { DEMO_PEOPLE } = await import('../../bot/src/domain/demo/demo-team');
    // Copied from the Playground's GET /_internal/v1/config (0.2.28).
    const playground = {
      'Alex Wilber': '00000000-0000-0000-0000-0000000000020',
      'Megan Bowen': '00000000-0000-0000-0000-0000000000021',
      'Adele Vance': '00000000-0000-0000-0000-0000000000022',
      'Isaiah Langer': '00000000-0000-0000-0000-0000000000023',
      'Patti Fernandez': '00000000-0000-0000-0000-0000000000024',
      'Lynne Robbins': '00000000-0000-0000-0000-0000000000025',
    };
    for (const [name, id] of Object.entries(playground)) {
      expect(DEMO_PEOPLE.find((p) => p.name === name)?.userId).toBe(id);
    }
  });
});

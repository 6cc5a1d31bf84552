import type { SessionDetailResponse } from '../../../bot/src/api/contract';
import { workshop } from './fixtures';

/** The workshop as its detail view gets it, for an attendee unless overridden. */
export function detailOf(overrides: Partial<SessionDetailResponse> = {}): SessionDetailResponse {
  return {
    ...workshop,
    waitlisted: 0,
    openToOrganisation: false,
    attendees: [{ userId: 'b', displayName: 'Bram Jansen' }],
    waitlist: [],
    isHost: false,
    myWaitlisted: false,
    calendarUrl: 'https://tab.example/api/v1/calendar/s-1.ics?sig=abc',
    ...overrides,
  };
}

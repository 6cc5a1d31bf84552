import type { BuddyCadenceBody, BuddyMeResponse, BuddyPairView, BuddyRoundResponse, MyBuddyView } from '../../../bot/src/api/contract';
import { ORGANISATION_POOL } from '../../../bot/src/api/contract';
import { teamId } from './fixtures';

const day = 24 * 60 * 60 * 1000;
/** Dates around the real now: a round that started three days ago and ends in eleven. */
const at = (days: number) => new Date(Date.now() + days * day).toISOString();

export const buddyPath = `/api/v1/teams/${encodeURIComponent(teamId)}/buddies`;

export const noor = { userId: 'noor-oid', displayName: 'Noor Hendriks' };
export const sanne = { userId: 'sanne-oid', displayName: 'Sanne Visser' };
export const jip = { userId: 'jip-oid', displayName: 'Jip de Boer' };

/** Anna's pair in the team: Noor teaches her Power BI, she teaches Noor facilitation. */
export const teamBuddy: MyBuddyView = {
  poolId: teamId,
  roundId: 'sched-2026-11-30T09:00:00.000Z',
  startedAt: at(-3),
  endsAt: at(11),
  buddies: [noor],
  reason: {
    teaches: [
      { from: 'noor-oid', to: 'anna-oid', skill: 'Power BI', level: 3 },
      { from: 'anna-oid', to: 'noor-oid', skill: 'facilitation', level: 2 },
    ],
    sharedLanguages: ['nl', 'en'],
    sharedDays: ['tue', 'thu'],
    sharedModes: ['online'],
  },
  firstTopic: 'Power BI',
};

/** Anna's tenant-wide pair, from another team. */
export const organisationBuddy: MyBuddyView = {
  poolId: ORGANISATION_POOL,
  roundId: 'sched-2026-11-30T09:00:00.000Z',
  startedAt: at(-3),
  endsAt: at(11),
  buddies: [jip],
  reason: {
    teaches: [{ from: 'jip-oid', to: 'anna-oid', skill: 'Kusto', level: 2 }],
    sharedLanguages: [],
    sharedDays: [],
    sharedModes: [],
  },
  myAnswer: 'notYet',
};

export function buddyStatus(overrides: Partial<BuddyMeResponse> = {}): BuddyMeResponse {
  return {
    teamId,
    optIn: false,
    skipNext: false,
    availability: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], modes: ['inPerson', 'online'] },
    acrossOrganisation: false,
    current: [],
    ...overrides,
  };
}

export function cadence(overrides: Partial<BuddyCadenceBody> = {}): BuddyCadenceBody {
  return {
    cadence: { everyWeeks: 2, weekday: 'mon', time: '10:00' },
    nextRoundAt: at(4),
    timeZone: 'Europe/Amsterdam',
    canEdit: true,
    ...overrides,
  };
}

const noorAndSanne = {
  members: [noor, sanne],
  reason: {
    teaches: [{ from: 'noor-oid', to: 'sanne-oid', skill: 'Power BI', level: 3 }],
    sharedLanguages: ['nl'],
    sharedDays: ['mon'],
    sharedModes: ['inPerson', 'online'],
  },
  firstTopic: 'Power BI',
} satisfies BuddyPairView;

const round = { id: teamBuddy.roundId, startedAt: at(-3), endsAt: at(11) };

/** The latest round as an owner sees it: every pair with the answers, who was left over and skipped, and the history. */
export function ownerRound(): BuddyRoundResponse {
  return {
    round: {
      ...round,
      pairs: [
        { ...noorAndSanne, answers: { 'noor-oid': 'yes' } },
        {
          members: [{ userId: 'anna-oid', displayName: 'Anna de Vries' }, jip],
          reason: { teaches: [], sharedLanguages: [], sharedDays: [], sharedModes: [] },
          answers: { 'anna-oid': 'wont', 'jip-oid': 'notYet' },
        },
      ],
      leftOver: [{ userId: 'bram-oid', displayName: 'Bram Jansen' }],
      skipped: [{ userId: 'chloe-oid', displayName: 'Chloé Bakker' }],
    },
    history: [
      { id: teamBuddy.roundId, startedAt: at(-3), pairs: 2, people: 5, met: 1, skipped: 1 },
      { id: 'sched-2026-11-16T09:00:00.000Z', startedAt: at(-17), pairs: 3, people: 6, met: 4, skipped: 0 },
    ],
  };
}

/** The same round as a member (Sanne) sees it: her own pair, no answers, nothing else. */
export function memberRound(): BuddyRoundResponse {
  return { round: { ...round, pairs: [noorAndSanne] } };
}

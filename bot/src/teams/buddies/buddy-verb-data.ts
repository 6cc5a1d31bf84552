import { z } from 'zod';
import { MET_ANSWERS } from '../../domain/buddies/buddy';
import type { CardVerb } from '../../domain/shared/card-verbs';

/** The `Action.Execute` verbs of the buddy cards (introduction, check-in, status, team choice). */
export type BuddyVerb = Extract<CardVerb, 'buddyMet' | 'buddyJoin' | 'buddyLeave' | 'buddySkip' | 'buddyAcross' | 'buddyStatus'>;

/** A pool id as the cards carry it: a Teams team id or ORGANISATION_POOL; bounded and printable. */
const poolId = z.string().regex(/^[A-Za-z0-9~._:@-]{1,200}$/);
/** Round ids are `sched-<ISO>` or `now-<ISO>-<short id>`. */
const roundId = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/);
/** Teams sends an Action.Execute's data as the card had it; an older client may send a toggle as text. */
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/**
 * One schema per buddy verb for the card's `data`: ids checked and answers among the choices before a
 * handler runs; keys no card sends are stripped. The person is always the invoke's sender, never the data.
 */
export const BUDDY_VERB_DATA = {
  buddyMet: z.object({ poolId, roundId, answer: z.enum(MET_ANSWERS) }),
  buddyJoin: z.object({ poolId }),
  buddyLeave: z.object({ poolId }),
  buddySkip: z.object({ poolId, skipNext: flag }),
  buddyAcross: z.object({ poolId, across: flag }),
  buddyStatus: z.object({ poolId }),
} satisfies Readonly<Record<BuddyVerb, z.ZodType>>;

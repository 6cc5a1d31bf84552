import type { NamedPerson } from '../teams/person-names';
import type { BuddyMetAnswer, BuddyPair, BuddyRound, MetAnswer } from './buddy';
import type { BuddyPerson, BuddyRoundView, MyBuddy } from './buddy-service-contract';

type Names = ReadonlyMap<string, NamedPerson>;

const personOf = (names: Names, userId: string): BuddyPerson => ({ userId, displayName: names.get(userId)?.displayName ?? '' });

/** Everyone a round names: the pairs, who was left over and who skipped. */
export const peopleOf = (round: BuddyRound): string[] => [
  ...new Set([...round.pairs.flatMap((p) => p.members), ...round.leftOver, ...round.skipped]),
];

export const pairOf = (round: BuddyRound, userId: string): BuddyPair | undefined => round.pairs.find((p) => p.members.includes(userId));

export const answerOf = (answers: readonly BuddyMetAnswer[], userId: string): MetAnswer | undefined =>
  answers.find((a) => a.userId === userId)?.answer;

/** The caller's own pair in a round: the others, why, and only their own answer. */
export function myBuddyIn(round: BuddyRound, userId: string, names: Names, answers: readonly BuddyMetAnswer[]): MyBuddy | undefined {
  const pair = pairOf(round, userId);
  if (!pair) return undefined;
  const myAnswer = answerOf(answers, userId);
  return {
    poolId: round.poolId,
    roundId: round.roundId,
    startedAt: round.startedAt,
    endsAt: round.endsAt,
    buddies: pair.members.filter((m) => m !== userId).map((m) => personOf(names, m)),
    reason: pair.reason,
    ...(pair.firstTopic ? { firstTopic: pair.firstTopic } : {}),
    ...(myAnswer ? { myAnswer } : {}),
  };
}

interface RoundHistoryEntry {
  readonly round: BuddyRound;
  readonly answers: readonly BuddyMetAnswer[];
}

/** Owners: every pair with its answers, who was left over and who skipped, and the last rounds in numbers. */
export function ownerRoundView(latest: RoundHistoryEntry, history: readonly RoundHistoryEntry[], names: Names): BuddyRoundView {
  const { round, answers } = latest;
  return {
    roundId: round.roundId,
    startedAt: round.startedAt,
    endsAt: round.endsAt,
    pairs: round.pairs.map((pair) => {
      const given = pair.members.flatMap((m) => {
        const answer = answerOf(answers, m);
        return answer ? [[m, answer] as const] : [];
      });
      return {
        members: pair.members.map((m) => personOf(names, m)),
        reason: pair.reason,
        ...(pair.firstTopic ? { firstTopic: pair.firstTopic } : {}),
        answers: Object.fromEntries(given),
      };
    }),
    leftOver: round.leftOver.map((m) => personOf(names, m)),
    skipped: round.skipped.map((m) => personOf(names, m)),
    history: history.map((h) => ({
      roundId: h.round.roundId,
      startedAt: h.round.startedAt,
      pairs: h.round.pairs.length,
      people: h.round.pairs.reduce((n, p) => n + p.members.length, 0),
      met: h.answers.filter((a) => a.answer === 'yes').length,
      skipped: h.round.skipped.length,
    })),
  };
}

/** Members: the round with only their own pair (none when they were not paired), no answers. */
export function memberRoundView(round: BuddyRound, userId: string, names: Names): BuddyRoundView {
  const pair = pairOf(round, userId);
  return {
    roundId: round.roundId,
    startedAt: round.startedAt,
    endsAt: round.endsAt,
    pairs: pair
      ? [
          {
            members: pair.members.map((m) => personOf(names, m)),
            reason: pair.reason,
            ...(pair.firstTopic ? { firstTopic: pair.firstTopic } : {}),
          },
        ]
      : [],
  };
}

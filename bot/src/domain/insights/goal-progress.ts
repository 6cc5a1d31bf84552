import type { MemberProfile } from '../experts/member';
import { SEEDED_TAXONOMY } from '../experts/skill-taxonomy';
import { currentPeriod, untilDue } from './goal-period';
import type { ZonedSpan } from './goal-period';
import type { GoalProgress, TeamGoal } from './goals';
import type { PeriodRollup } from './insights-repositories';

/** What the progress of a team's goals is computed from: month rollups, never sessions or RSVPs. */
interface GoalProgressInput {
  /** The team's month rollups covering at least the current quarter (see goalRollupRange). */
  readonly rollups: readonly PeriodRollup[];
  /** The team's current members: percentages are of them, and only they count. */
  readonly memberIds: readonly string[];
  /** Their profiles (what they teach), for skill coverage. */
  readonly profiles: readonly Pick<MemberProfile, 'userId' | 'teaches'>[];
  readonly now: Date;
  readonly timeZone: string;
}

/** The range of month rollups goalProgress needs: the current quarter (it holds the current month too). */
export function goalRollupRange(now: Date, timeZone: string): { readonly from: string; readonly to: string } {
  const quarter = currentPeriod(now, 'quarter', timeZone);
  return { from: quarter.from.toISOString(), to: quarter.to.toISOString() };
}

const skillKey = (name: string): string | undefined => SEEDED_TAXONOMY.normalise(name)?.key;

/** Percent of `of` rounded to a whole number; 0 for a team without members. */
const percent = (count: number, of: number): number => (of === 0 ? 0 : Math.round((100 * count) / of));

function inSpan(rollups: readonly PeriodRollup[], span: ZonedSpan): PeriodRollup[] {
  const from = span.from.getTime();
  const to = span.to.getTime();
  return rollups.filter((r) => r.granularity === 'month' && Date.parse(r.startsAt) >= from && Date.parse(r.startsAt) < to);
}

/** Distinct current members found in any of the lists. */
function membersAmong(members: ReadonlySet<string>, lists: readonly (readonly string[])[]): number {
  const seen = new Set<string>();
  for (const list of lists) for (const id of list) if (members.has(id)) seen.add(id);
  return seen.size;
}

/**
 * Each goal's progress now (pure): sessions held so far in the current month or quarter; the percent
 * of current members who taught, or took part (attended or taught), in it; for skill coverage the
 * members whose profile teaches the skill, until `due`. A percentage goal is met when the exact share
 * reaches the target (the shown value is rounded).
 */
export function goalProgress(goals: readonly TeamGoal[], input: GoalProgressInput): GoalProgress[] {
  const members = new Set(input.memberIds);
  return goals.map((goal): GoalProgress => {
    if (goal.kind === 'skillCoverage') {
      const span = untilDue(input.now, goal.due, input.timeZone);
      const key = skillKey(goal.skill);
      const teachers = input.profiles.filter((p) => members.has(p.userId) && p.teaches.some((s) => skillKey(s.name) === key)).length;
      return progressOf(goal, teachers, teachers >= goal.target, span);
    }
    const span = currentPeriod(input.now, goal.period, input.timeZone);
    const rows = inSpan(input.rollups, span);
    if (goal.kind === 'sessions') {
      const held = rows.reduce((n, r) => n + r.sessionsHeld, 0);
      return progressOf(goal, held, held >= goal.target, span);
    }
    const lists = goal.kind === 'teachers' ? rows.map((r) => r.teacherIds) : rows.flatMap((r) => [r.teacherIds, r.learnerIds]);
    const count = membersAmong(members, lists);
    return progressOf(goal, percent(count, members.size), members.size > 0 && 100 * count >= goal.target * members.size, span);
  });
}

function progressOf(goal: TeamGoal, value: number, met: boolean, span: ZonedSpan): GoalProgress {
  return { goal, value, target: goal.target, from: span.from.toISOString(), to: span.to.toISOString(), met, daysLeft: span.daysLeft };
}

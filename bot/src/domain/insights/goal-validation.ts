import { SEEDED_TAXONOMY } from '../experts/skill-taxonomy';
import { addDaysToDate, todayIn } from './goal-period';
import { GOAL_KINDS, GOAL_PERIODS, GOAL_TARGET_RANGE, MAX_GOAL_DUE_DAYS, MAX_GOALS } from './goals';
import type { GoalInput, GoalKind, GoalPeriod } from './goals';
import type { InsightsProblem, InsightsProblemCode } from './insights-service-contract';

/** A skill name in a goal: as long as a profile's. */
const GOAL_SKILL_MAX = 60;
const GOAL_ID = /^[A-Za-z0-9_-]{1,40}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FIELDS_OF: Readonly<Record<'period' | 'skillCoverage', ReadonlySet<string>>> = {
  period: new Set(['goalId', 'kind', 'target', 'period']),
  skillCoverage: new Set(['goalId', 'kind', 'target', 'skill', 'due']),
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isKind = (value: unknown): value is GoalKind => typeof value === 'string' && (GOAL_KINDS as readonly string[]).includes(value);
const isPeriod = (value: unknown): value is GoalPeriod => typeof value === 'string' && (GOAL_PERIODS as readonly string[]).includes(value);

function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const check = new Date(Date.UTC(y, m - 1, d));
  return check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d;
}

/** What makes two goals the same goal (the id aside): a second one would only repeat the first. */
function goalIdentity(goal: GoalInput): string {
  return goal.kind === 'skillCoverage'
    ? `${goal.kind}|${goal.target}|${SEEDED_TAXONOMY.normalise(goal.skill)?.key ?? ''}|${goal.due}`
    : `${goal.kind}|${goal.target}|${goal.period}`;
}

/**
 * A `PUT …/goals` body (`{ goals: GoalInput[] }`) as the goals it sets, or every problem, each naming
 * its field as `goals[i].field`. `now` and the team's zone decide what "in the past" means for `due`.
 */
export function checkGoals(
  body: unknown,
  now: Date,
  timeZone: string,
): { readonly ok: true; readonly goals: GoalInput[] } | { readonly ok: false; readonly problems: InsightsProblem[] } {
  const problems: InsightsProblem[] = [];
  const problem = (field: string, code: InsightsProblemCode) => problems.push({ field, code });
  if (!isObject(body)) return { ok: false, problems: [{ field: 'body', code: 'notAnObject' }] };
  for (const key of Object.keys(body)) if (key !== 'goals') problem(key, 'unknownField');
  const list = body['goals'];
  if (list === undefined) problem('goals', 'required');
  else if (!Array.isArray(list)) problem('goals', 'notAList');
  else if (list.length > MAX_GOALS) problem('goals', 'tooMany');
  if (problems.length > 0 || !Array.isArray(list)) return { ok: false, problems };

  const today = todayIn(now, timeZone);
  const latest = addDaysToDate(today, MAX_GOAL_DUE_DAYS);
  const goals: GoalInput[] = [];
  const seen = new Set<string>();
  list.forEach((item: unknown, i) => {
    const at = (field: string) => `goals[${i}].${field}`;
    const before = problems.length;
    if (!isObject(item)) return problem(`goals[${i}]`, 'notAnObject');
    const { kind, target, goalId } = item;
    if (kind === undefined) return problem(at('kind'), 'required');
    if (!isKind(kind)) return problem(at('kind'), 'unknownValue');
    const allowed = FIELDS_OF[kind === 'skillCoverage' ? 'skillCoverage' : 'period'];
    for (const key of Object.keys(item)) if (!allowed.has(key)) problem(at(key), 'unknownField');
    if (goalId !== undefined && (typeof goalId !== 'string' || !GOAL_ID.test(goalId))) problem(at('goalId'), 'unknownValue');
    const range = GOAL_TARGET_RANGE[kind];
    if (target === undefined) problem(at('target'), 'required');
    else if (typeof target !== 'number' || !Number.isInteger(target)) problem(at('target'), 'notAnInteger');
    else if (target < range.min || target > range.max) problem(at('target'), 'outOfRange');
    const id = typeof goalId === 'string' ? { goalId } : {};

    if (kind === 'skillCoverage') {
      const { skill, due } = item;
      const named = typeof skill === 'string' ? SEEDED_TAXONOMY.normalise(skill) : undefined;
      if (skill === undefined) problem(at('skill'), 'required');
      else if (typeof skill !== 'string' || !named) problem(at('skill'), 'emptySkill');
      else if (skill.trim().length > GOAL_SKILL_MAX) problem(at('skill'), 'tooLong');
      if (due === undefined) problem(at('due'), 'required');
      else if (typeof due !== 'string' || !isRealDate(due)) problem(at('due'), 'badDate');
      else if (due < today) problem(at('due'), 'inPast');
      else if (due > latest) problem(at('due'), 'tooFarAhead');
      if (problems.length > before || !named) return;
      goals.push({ ...id, kind, target: target as number, skill: named.name, due: due as string });
    } else {
      const { period } = item;
      if (period === undefined) problem(at('period'), 'required');
      else if (!isPeriod(period)) problem(at('period'), 'unknownValue');
      if (problems.length > before || !isPeriod(period)) return;
      goals.push({ ...id, kind, target: target as number, period });
    }
    const identity = goalIdentity(goals[goals.length - 1] as GoalInput);
    if (seen.has(identity)) problem(`goals[${i}]`, 'duplicate');
    seen.add(identity);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, goals };
}

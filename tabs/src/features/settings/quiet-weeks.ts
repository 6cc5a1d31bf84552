import { QUIET_WEEKS_RANGE } from '../../../../bot/src/api/contract';

/** Insights' "quiet after N weeks" (owners): a whole number in QUIET_WEEKS_RANGE, checked before it is sent. */
export function quietWeeksProblem(value: string): 'quiet_weeks_out_of_range' | undefined {
  const weeks = Number(value);
  const ok = value.trim() !== '' && Number.isInteger(weeks) && weeks >= QUIET_WEEKS_RANGE.min && weeks <= QUIET_WEEKS_RANGE.max;
  return ok ? undefined : 'quiet_weeks_out_of_range';
}

import { describe, expect, it } from '@jest/globals';
import { reachedBy, reachedIn, TALLY_CAP, tallyFromHistory, withEvent } from '../../bot/src/domain/milestones/milestone-tally';

const DAY = 86_400_000;
const now = Date.now();
const event = (n: number, daysAgo = 100 - n) => ({ sourceId: `s${n}`, at: new Date(now - daysAgo * DAY).toISOString() });
const owner = { tenantId: 't', teamId: 'team', userId: 'ann' };

describe('a milestone tally', () => {
  it('starts from the history oldest first, and stops at the highest milestone of its kind', () => {
    const history = [5, 3, 1, 2, 4, 6, 7].map((n) => event(n));
    const taught = tallyFromHistory({ ...owner, kind: 'taught' }, history);
    expect(TALLY_CAP.taught).toBe(5);
    expect(taught.events.map((e) => e.sourceId)).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(withEvent(taught, event(8))).toBeUndefined();
    expect(reachedIn(taught).map((r) => `${r.milestone.id}@${r.event.sourceId}`)).toEqual(['taught1@s1', 'taught5@s5']);
  });

  it('counts an event once, and the event in the nth place is the one that reached a milestone of count n', () => {
    let tally = tallyFromHistory(
      { ...owner, kind: 'attended' },
      [1, 2, 3].map((n) => event(n)),
    );
    expect(withEvent(tally, event(2))).toBeUndefined();
    tally = withEvent(tally, event(4)) ?? tally;
    expect(reachedBy(tally, 's4')).toEqual([]);
    tally = withEvent(tally, event(5)) ?? tally;
    expect(reachedBy(tally, 's5').map((r) => r.milestone.id)).toEqual(['attended5']);
    expect(reachedBy(tally, 's1').map((r) => r.milestone.id)).toEqual(['attended1']);
    expect(reachedBy(tally, 'never-counted')).toEqual([]);
  });
});

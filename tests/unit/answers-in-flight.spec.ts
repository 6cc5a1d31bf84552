import { describe, expect, it } from '@jest/globals';
import { createAnswersInFlight } from '../../bot/src/domain/rsvp/answers-in-flight';

// RSVP answers being served on an instance (domain/rsvp/answers-in-flight.ts): the expert index's poll and the
// senders' records wait while there are any.
describe('answers in flight', () => {
  it('is busy while any answer runs, and idle once every one has settled, a failed one too', async () => {
    const inFlight = createAnswersInFlight();
    expect(inFlight.busy()).toBe(false);
    let finish: (value: string) => void = () => undefined;
    let fail: (error: Error) => void = () => undefined;
    const first = inFlight.track(() => new Promise<string>((resolve) => (finish = resolve)));
    const second = inFlight.track(() => new Promise<string>((_, reject) => (fail = reject)));
    expect(inFlight.busy()).toBe(true);
    finish('going');
    expect(await first).toBe('going');
    expect(inFlight.busy()).toBe(true);
    fail(new Error('storage said no'));
    await expect(second).rejects.toThrow('storage said no');
    expect(inFlight.busy()).toBe(false);
  });
});

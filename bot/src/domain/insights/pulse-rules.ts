import type { InsightsProblem } from './insights-service-contract';
import { PULSE_MIN_ANSWERS, PULSE_QUESTIONS } from './pulse';
import type { Pulse, PulseResults } from './pulse';
import type { PulseScores } from './goal-pulse-repositories';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isScore = (value: number): value is 1 | 2 | 3 | 4 | 5 => value >= 1 && value <= 5;

/** A person's answers as scores, or every problem, each named `answers.<question>`. */
export function checkPulseAnswers(
  answers: unknown,
): { readonly ok: true; readonly scores: PulseScores } | { readonly ok: false; readonly problems: InsightsProblem[] } {
  if (!isObject(answers)) return { ok: false, problems: [{ field: 'answers', code: 'notAnObject' }] };
  const problems: InsightsProblem[] = Object.keys(answers)
    .filter((key) => !(PULSE_QUESTIONS as readonly string[]).includes(key))
    .map((key) => ({ field: `answers.${key}`, code: 'unknownField' }));
  const scores: Partial<Record<string, 1 | 2 | 3 | 4 | 5>> = {};
  for (const question of PULSE_QUESTIONS) {
    const field = `answers.${question}`;
    // A card's choice set sends its value as text ("4"); the API sends a number.
    const raw = answers[question];
    const value = typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw;
    if (value === undefined || value === '') problems.push({ field, code: 'required' });
    else if (typeof value !== 'number' || !Number.isInteger(value)) problems.push({ field, code: 'notAnInteger' });
    else if (!isScore(value)) problems.push({ field, code: 'outOfRange' });
    else scores[question] = value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scores: scores as PulseScores };
}

/** What people may see of a pulse: the count always, the scores from PULSE_MIN_ANSWERS answers on. */
export function pulseResults(pulse: Pulse, now: Date): PulseResults {
  const base = {
    pulseId: pulse.pulseId,
    postedAt: pulse.postedAt,
    closesAt: pulse.closesAt,
    open: isPulseOpen(pulse, now),
    responses: pulse.responses,
  };
  if (pulse.responses < PULSE_MIN_ANSWERS) return base;
  return {
    ...base,
    questions: PULSE_QUESTIONS.map((question) => {
      const counts = pulse.counts[question];
      const total = counts.reduce((n, c) => n + c, 0);
      const sum = counts.reduce((n, c, i) => n + c * (i + 1), 0);
      return { question, average: total === 0 ? 0 : Math.round((sum / total) * 100) / 100, counts };
    }),
  };
}

export const isPulseOpen = (pulse: Pick<Pulse, 'closesAt'>, now: Date): boolean => now.getTime() < Date.parse(pulse.closesAt);

/**
 * The marker of one person's answer: HMAC-SHA256 under the server secret of (tenant, pulse, person),
 * base64url. It cannot be turned back into the person without the secret, and differs per pulse, so
 * no two pulses' answers can be linked. Web Crypto keeps the domain free of `node:*` imports.
 */
export function createAnswerMarkers(secret: string) {
  const key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return async (tenantId: string, pulseId: string, userId: string): Promise<string> => {
    // Length-prefixed parts: no choice of ids can make two different triples hash the same text.
    const text = [tenantId, pulseId, userId].map((p) => `${p.length}:${p}`).join('|');
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(`pulse-answer|${text}`)));
    let binary = '';
    for (const b of mac) binary += String.fromCharCode(b);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };
}

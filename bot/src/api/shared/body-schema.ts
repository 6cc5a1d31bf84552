import type { Response } from 'express';
import { z } from 'zod';
import type { Failure } from '../../domain/shared/result';
import type { ApiError } from '../contract';
import { sendFailure } from './failure-problem';

/**
 * The API's edge checks of request bodies: one zod schema per body bounds every string and list
 * (the numbers of the domain's `*-limits.ts`) and strips unknown keys before a domain service sees
 * it. Each check carries the domain's own problem ("field:code"), so a refusal at the edge answers
 * exactly as the domain's validator would (same code, same translated text); the domain validators
 * stay the source of every detailed problem.
 */
export const because = (field: string, code: string) => ({ error: `${field}:${code}` });

export interface EdgeProblem {
  readonly field: string;
  readonly code: string;
}

/** A JSON body that is no object (an array, a string) reads as an empty one: the domain names what is missing. */
const objectBody = (body: unknown): Record<string, unknown> =>
  typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};

/** Problems of the issues, the first of each field, as their checks named them (see `because`). */
export function edgeProblems(error: z.ZodError): EdgeProblem[] {
  const problems: EdgeProblem[] = [];
  for (const issue of error.issues) {
    // Every check names its problem (see `because`); anything else is named by where it is.
    const [field, code] = issue.message.includes(':') ? issue.message.split(':') : [String(issue.path[0] ?? 'body'), 'shape'];
    if (field === undefined || code === undefined) continue;
    if (!problems.some((p) => p.field === field)) problems.push({ field, code });
  }
  return problems;
}

/**
 * For a body whose domain check speaks no `Failure` (profiles, endorsements): the body as its
 * schema reads it, or undefined after a 400 `code` naming each field with the domain's detail code.
 */
export function checkedBody<T>(
  res: Response,
  body: unknown,
  schema: z.ZodType<T>,
  code: string,
  /** The domain's own sentence for the refusal, when it has one. */
  domainMessage?: () => string | undefined,
): T | undefined {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const problems = edgeProblems(parsed.error);
  const error: ApiError['error'] = {
    code,
    message: domainMessage?.() ?? `Some fields need another look: ${problems.map((p) => p.field).join(', ')}.`,
    fields: Object.fromEntries(problems.map((p) => [p.field, p.code])),
    problems,
  };
  res.status(400).json({ error } satisfies ApiError);
  return undefined;
}

/** The body as its schema reads it, or undefined after answering the first problem of each field as the feature's 400. */
export function parsedBody<T>(
  res: Response,
  body: unknown,
  schema: z.ZodType<T>,
  failureOf: (problems: readonly EdgeProblem[], rest: Readonly<Record<string, unknown>>) => Failure,
): T | undefined {
  const input = objectBody(body);
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = edgeProblems(parsed.error);
  // What is left once the refused fields are dropped is bounded: a feature may still have its domain name the rest.
  const rest = Object.fromEntries(Object.entries(input).filter(([key]) => !parsed.error.issues.some((i) => i.path[0] === key)));
  sendFailure(res, failureOf(problems, rest));
  return undefined;
}

/**
 * A list as the tab sends it (an array) or as a card's input does (one text, split as the domain
 * splits it), blanks dropped as the domain drops them; at most `count` entries of `each` characters.
 */
export const boundedList = (
  split: RegExp,
  bounds: { readonly count: number; readonly each: number },
  field: string,
  codes: { readonly entry: string; readonly count: string },
) =>
  z
    .preprocess(
      (v) => (typeof v === 'string' ? v.split(split) : v),
      z
        .array(z.string(because(field, codes.entry)), because(field, codes.entry))
        .transform((items) => items.map((s) => s.trim()).filter((s) => s !== ''))
        .pipe(z.array(z.string().max(bounds.each, because(field, codes.entry))).max(bounds.count, because(field, codes.count))),
    )
    .nullish();

import type { CreateTipRequest } from '../../../../bot/src/api/contract';
import { safeWebUrl } from '../../shared/safe-url';

/** The same limits the service checks (bot/src/domain/tip.ts); the tab checks first so most mistakes never leave the page. */
export const TIP_LIMITS = { title: 120, body: 1000, skills: 8, skill: 60 } as const;

export type TipFormField = 'title' | 'body' | 'link' | 'skills';
export type TipProblemCode = 'titleRequired' | 'titleTooLong' | 'bodyTooLong' | 'linkInvalid' | 'skillsTooMany' | 'skillInvalid';
const CODES: readonly string[] = ['titleRequired', 'titleTooLong', 'bodyTooLong', 'linkInvalid', 'skillsTooMany', 'skillInvalid'];

export interface TipForm {
  readonly title: string;
  readonly body: string;
  readonly link: string;
  readonly skills: string;
}

export const emptyTipForm: TipForm = { title: '', body: '', link: '', skills: '' };

export const isTipProblemCode = (code: string): code is TipProblemCode => CODES.includes(code);

/** The limit a problem's text names. */
export function limitOf(code: TipProblemCode): number {
  return code === 'titleTooLong' ? TIP_LIMITS.title : code === 'bodyTooLong' ? TIP_LIMITS.body : TIP_LIMITS.skills;
}

const skillsOf = (text: string) => text.split(/[,;\n]/).map((s) => s.trim()).filter((s) => s !== '');

/** Every problem of the form, by field (the first one of a field is the one to fix first). */
export function checkTipForm(form: TipForm): Partial<Record<TipFormField, TipProblemCode>> {
  const problems: Partial<Record<TipFormField, TipProblemCode>> = {};
  const title = form.title.trim();
  if (title === '') problems.title = 'titleRequired';
  else if (title.length > TIP_LIMITS.title) problems.title = 'titleTooLong';
  if (form.body.trim().length > TIP_LIMITS.body) problems.body = 'bodyTooLong';
  const link = form.link.trim();
  if (link !== '' && !safeWebUrl(link)) problems.link = 'linkInvalid';
  const skills = skillsOf(form.skills);
  if (skills.some((s) => s.length > TIP_LIMITS.skill || !/[\p{L}\p{N}]/u.test(s))) problems.skills = 'skillInvalid';
  else if (new Set(skills.map((s) => s.toLowerCase())).size > TIP_LIMITS.skills) problems.skills = 'skillsTooMany';
  return problems;
}

export function toCreateTipRequest(form: TipForm): CreateTipRequest {
  const link = form.link.trim();
  return { title: form.title.trim(), body: form.body.trim(), ...(link ? { link } : {}), skills: skillsOf(form.skills) };
}

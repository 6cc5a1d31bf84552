import { TIP_BODY_MAX, TIP_PROBLEMS, TIP_SKILL_MAX, TIP_SKILLS_MAX, TIP_TITLE_MAX } from '../../../../bot/src/api/contract';
import type { CreateTipRequest, TipField, TipProblemCode } from '../../../../bot/src/api/contract';
import { safeWebUrl } from '../../shared/safe-url';

// The service's own limits and codes (from the contract); the tab checks first so most mistakes never leave the page.
export type TipFormField = TipField;
export type { TipProblemCode };
const CODES: readonly string[] = TIP_PROBLEMS;

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
  return code === 'titleTooLong' ? TIP_TITLE_MAX : code === 'bodyTooLong' ? TIP_BODY_MAX : TIP_SKILLS_MAX;
}

const skillsOf = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Every problem of the form, by field (the first one of a field is the one to fix first). */
export function checkTipForm(form: TipForm): Partial<Record<TipFormField, TipProblemCode>> {
  const problems: Partial<Record<TipFormField, TipProblemCode>> = {};
  const title = form.title.trim();
  if (title === '') problems.title = 'titleRequired';
  else if (title.length > TIP_TITLE_MAX) problems.title = 'titleTooLong';
  if (form.body.trim().length > TIP_BODY_MAX) problems.body = 'bodyTooLong';
  const link = form.link.trim();
  if (link !== '' && !safeWebUrl(link)) problems.link = 'linkInvalid';
  const skills = skillsOf(form.skills);
  if (skills.some((s) => s.length > TIP_SKILL_MAX || !/[\p{L}\p{N}]/u.test(s))) problems.skills = 'skillInvalid';
  else if (new Set(skills.map((s) => s.toLowerCase())).size > TIP_SKILLS_MAX) problems.skills = 'skillsTooMany';
  return problems;
}

export function toCreateTipRequest(form: TipForm): CreateTipRequest {
  const link = form.link.trim();
  return { title: form.title.trim(), body: form.body.trim(), ...(link ? { link } : {}), skills: skillsOf(form.skills) };
}

import type { MemberProfile } from './member';
import { celebratesMilestones, wantsRequestAlerts } from './member';
import { PROFILE_LIMITS, validateProfileEdit } from './profile-editing';
import type { ProfileEdit, ProfileProblem, Renamed } from './profile-editing';
import type { SkillTaxonomy } from './skill-taxonomy';

/**
 * A switch of the form: what it sends now, and what the form showed when it was opened. Only a
 * change is saved, as the API's "absent keeps it" means: a form left open while the setting changed
 * elsewhere (the tab) does not put the old value back.
 */
interface FormSwitch {
  readonly on: boolean;
  readonly shown: boolean;
}

/** The form's switches: milestone cards about the person, and alerts of learning requests for what they teach. */
export const PROFILE_SWITCHES = ['celebrateMilestones', 'requestAlerts'] as const;
export type ProfileSwitch = (typeof PROFILE_SWITCHES)[number];

/** The key of the save action's data that carries what a switch showed (`celebrateMilestonesShown`). */
export const shownKey = (id: ProfileSwitch) => `${id}Shown` as const;

/**
 * The profile card's edit form: five text inputs and two switches, turned into the same body that
 * `PUT /me/profile` takes, so the one set of rules in `validateProfileEdit` decides for both.
 */
export interface ProfileFormValues {
  /** One skill per line, "Skill: level" (level 1–3; without one a new skill starts at 2). */
  readonly teaches: string;
  /** Comma separated. */
  readonly wants: string;
  readonly bio: string;
  /** Comma separated. */
  readonly languages: string;
  readonly availability: string;
  /** Milestone cards about the person in their teams' channels (issue #12). */
  readonly celebrateMilestones: FormSwitch;
  /** A personal message when someone in their team asks to learn a skill they teach (issue #12). */
  readonly requestAlerts: FormSwitch;
}

const PROFILE_FORM_FIELDS = ['teaches', 'wants', 'bio', 'languages', 'availability'] as const;
export type ProfileFormField = (typeof PROFILE_FORM_FIELDS)[number];

/** A problem the form shows next to its field; `line` is the typed text the problem is about. */
export type ProfileFormProblem =
  (ProfileProblem & { readonly line?: string }) | { readonly field: ProfileFormField; readonly code: 'control'; readonly line?: string };

type ProfileFormResult =
  | { readonly ok: true; readonly edit: ProfileEdit; readonly normalised: readonly Renamed[] }
  | { readonly ok: false; readonly problems: readonly ProfileFormProblem[] };

/**
 * Far above any real input, below a pasted novel: longer text is cut before splitting, and the
 * cut text is still over the field's limit, so it is refused, never silently shortened.
 */
export const MAX_INPUT_CHARS = 4_000;
// Control characters other than tab and line breaks: invisible, and nobody types them on purpose.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LEVEL_SUFFIX = /^(.*?)[:=]\s*(\d{1,3})\s*$/s;

interface ReadProfileForm {
  readonly values: ProfileFormValues;
  /** Fields sent as something other than text (a forged or broken card): refused, never read as empty. */
  readonly notText: readonly ProfileFormField[];
}

const flag = (value: unknown): boolean | undefined => (value === 'true' ? true : value === 'false' ? false : undefined);

/**
 * A toggle as Teams sends it ("true" / "false") with what the form showed. Anything else, or a card
 * from before the switch, reads as unchanged: the stored choice stays.
 */
export function readSwitch(record: Readonly<Record<string, unknown>>, id: ProfileSwitch): FormSwitch {
  const on = flag(record[id]);
  const shown = flag(record[shownKey(id)]);
  return on === undefined || shown === undefined ? { on: shown ?? on ?? true, shown: shown ?? on ?? true } : { on, shown };
}

/** The card's input values as Teams sends them in `action.data`; a missing input is an emptied one. */
export function readProfileForm(data: unknown): ReadProfileForm {
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const notText: ProfileFormField[] = [];
  const read = (field: ProfileFormField) => {
    const value = record[field];
    if (value === undefined || value === null) return '';
    if (typeof value === 'string') return value.slice(0, MAX_INPUT_CHARS);
    notText.push(field);
    return '';
  };
  const values = {
    teaches: read('teaches'),
    wants: read('wants'),
    bio: read('bio'),
    languages: read('languages'),
    availability: read('availability'),
    celebrateMilestones: readSwitch(record, 'celebrateMilestones'),
    requestAlerts: readSwitch(record, 'requestAlerts'),
  };
  return { values, notText };
}

/** What the form shows for a stored profile. */
export function profileFormOf(
  profile:
    Pick<MemberProfile, 'teaches' | 'wants' | 'bio' | 'languages' | 'availability' | 'celebrateMilestones' | 'requestAlerts'> | undefined,
): ProfileFormValues {
  const celebrate = celebratesMilestones(profile ?? {});
  const alerts = wantsRequestAlerts(profile ?? {});
  return {
    teaches: (profile?.teaches ?? []).map((s) => `${s.name}: ${s.level}`).join('\n'),
    wants: (profile?.wants ?? []).join(', '),
    bio: profile?.bio ?? '',
    languages: (profile?.languages ?? []).join(', '),
    availability: profile?.availability ?? '',
    celebrateMilestones: { on: celebrate, shown: celebrate },
    requestAlerts: { on: alerts, shown: alerts },
  };
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
const commaList = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** Checks the form through `validateProfileEdit`; every problem names its field and, for lists, the typed entry. */
export function checkProfileForm(
  values: ProfileFormValues,
  taxonomy: SkillTaxonomy,
  notText: readonly ProfileFormField[] = [],
): ProfileFormResult {
  const unreadable = PROFILE_FORM_FIELDS.flatMap((field): ProfileFormProblem[] =>
    notText.includes(field) ? [{ field, code: 'shape' }] : CONTROL.test(values[field]) ? [{ field, code: 'control' }] : [],
  );
  if (unreadable.length > 0) return { ok: false, problems: unreadable };
  // One entry past the limit is enough for "too many"; the rest need no parsing.
  const teachLines = lines(values.teaches).slice(0, PROFILE_LIMITS.skills + 1);
  const teaches = teachLines.map((line) => {
    const match = LEVEL_SUFFIX.exec(line);
    return match ? { name: (match[1] ?? '').trim(), level: Number(match[2]) } : { name: line, level: 2 };
  });
  const wants = commaList(values.wants).slice(0, PROFILE_LIMITS.skills + 1);
  const languages = commaList(values.languages).slice(0, PROFILE_LIMITS.languages + 1);
  // Only a switch the person flipped is sent: absent keeps the stored choice (see FormSwitch).
  const flipped = Object.fromEntries(
    PROFILE_SWITCHES.filter((id) => values[id].on !== values[id].shown).map((id) => [id, values[id].on] as const),
  );
  const result = validateProfileEdit(
    { teaches, wants, bio: values.bio, languages, availability: values.availability, ...flipped },
    taxonomy,
  );
  if (result.ok) return result;
  const typed: Partial<Record<ProfileFormField, readonly string[]>> = { teaches: teachLines, wants, languages };
  return {
    ok: false,
    problems: result.details.map((d): ProfileFormProblem => {
      const line = d.index !== undefined && d.field !== 'body' ? typed[d.field as ProfileFormField]?.[d.index] : undefined;
      return line !== undefined ? { ...d, line } : d;
    }),
  };
}

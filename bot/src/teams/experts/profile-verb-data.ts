import { z } from 'zod';
import { MAX_INPUT_CHARS, PROFILE_SWITCHES, readSwitch, shownKey } from '../../domain/experts/profile-form';
import { PROFILE_LIMITS } from '../../domain/experts/profile-limits';
import type { ProfileFormField, ProfileFormProblem, ProfileFormValues } from '../../domain/experts/profile-form';

const FIELDS: readonly ProfileFormField[] = ['teaches', 'wants', 'bio', 'languages', 'availability'];

/** The limit a person is told about: of one skill or language in the lists, of the whole text otherwise. */
const TOLD_MAX: Readonly<Record<ProfileFormField, number>> = {
  teaches: PROFILE_LIMITS.skillChars,
  wants: PROFILE_LIMITS.skillChars,
  bio: PROFILE_LIMITS.bioChars,
  languages: PROFILE_LIMITS.languageChars,
  availability: PROFILE_LIMITS.availabilityChars,
};

/** One input of the edit form as Teams sends it: text (a cleared input may come as null or not at all), bounded. */
const input = z.string().max(MAX_INPUT_CHARS).nullish();
/** A toggle's value as Teams sends it, and what the form showed (the save action's data). */
const toggle = z.enum(['true', 'false']).nullish();

/**
 * The profile edit card's submit (`saveProfile`): its five text inputs, each bounded, the two
 * switches with what they showed, and nothing else: ids or keys a forged card adds are dropped (the
 * person is always the sender). Edit and view read nothing from the card's data.
 */
const saveProfileData = z.object({
  teaches: input,
  wants: input,
  bio: input,
  languages: input,
  availability: input,
  celebrateMilestones: toggle,
  [shownKey('celebrateMilestones')]: toggle,
  requestAlerts: toggle,
  [shownKey('requestAlerts')]: toggle,
});

type SaveData =
  { readonly ok: true; readonly values: ProfileFormValues } | { readonly ok: false; readonly problems: readonly ProfileFormProblem[] };

/** The form's values, or a problem per refused field for the form to show (too long, or not text). */
export function saveProfileDataOf(data: unknown): SaveData {
  const parsed = saveProfileData.safeParse(typeof data === 'object' && data !== null ? data : {});
  if (parsed.success) {
    const { teaches, wants, bio, languages, availability } = parsed.data;
    const values = {
      teaches: teaches ?? '',
      wants: wants ?? '',
      bio: bio ?? '',
      languages: languages ?? '',
      availability: availability ?? '',
      celebrateMilestones: readSwitch(parsed.data, 'celebrateMilestones'),
      requestAlerts: readSwitch(parsed.data, 'requestAlerts'),
    };
    return { ok: true, values };
  }
  const problems: ProfileFormProblem[] = [];
  for (const issue of parsed.error.issues) {
    // A toggle cannot send anything but "true" or "false": a forged one is refused as unreadable.
    const toggled = PROFILE_SWITCHES.find((id) => String(issue.path[0]).startsWith(id));
    if (toggled) {
      if (!problems.some((p) => p.field === toggled)) problems.push({ field: toggled, code: 'shape' });
      continue;
    }
    const field = FIELDS.find((f) => f === issue.path[0]);
    if (!field || problems.some((p) => p.field === field)) continue;
    problems.push(issue.code === 'too_big' ? { field, code: 'tooLong', max: TOLD_MAX[field] } : { field, code: 'shape' });
  }
  return { ok: false, problems };
}

import { z } from 'zod';
import { PROFILE_LIMITS } from '../../domain/experts/profile-limits';
import { because } from '../shared/body-schema';

type ProfileField = 'teaches' | 'wants' | 'bio' | 'languages' | 'availability' | 'newSkills' | 'celebrateMilestones' | 'requestAlerts';
/** The detail codes of the domain's profile check (domain/experts/profile-editing.ts). */
type ProfileCode = 'shape' | 'tooMany' | 'tooLong' | 'level';

const problem = (field: ProfileField, code: ProfileCode) => because(field, code);

const names = (field: 'wants' | 'languages', count: number, each: number) =>
  z
    .array(z.string(problem(field, 'shape')).max(each, problem(field, 'tooLong')), problem(field, 'shape'))
    .max(count, problem(field, 'tooMany'));

/** Measured as the domain keeps it (line ends as LF, trimmed). */
const text = (field: 'bio' | 'availability', max: number) =>
  z.string(problem(field, 'shape')).refine((v) => v.replace(/\r\n/g, '\n').trim().length <= max, problem(field, 'tooLong'));

/** PUT `/me/profile`: the whole profile, every list and text bounded by the profile limits; the domain normalises the skills. */
export const profileBody = z.object(
  {
    teaches: z
      .array(
        z.object(
          {
            name: z.string(problem('teaches', 'shape')).max(PROFILE_LIMITS.skillChars, problem('teaches', 'tooLong')),
            level: z.union([z.literal(1), z.literal(2), z.literal(3)], problem('teaches', 'level')),
          },
          problem('teaches', 'shape'),
        ),
        problem('teaches', 'shape'),
      )
      .max(PROFILE_LIMITS.skills, problem('teaches', 'tooMany')),
    wants: names('wants', PROFILE_LIMITS.skills, PROFILE_LIMITS.skillChars),
    bio: text('bio', PROFILE_LIMITS.bioChars),
    languages: names('languages', PROFILE_LIMITS.languages, PROFILE_LIMITS.languageChars),
    availability: text('availability', PROFILE_LIMITS.availabilityChars),
    /** Milestone cards about the person in their teams' channels (issue #12); absent keeps what is stored. */
    celebrateMilestones: z.boolean(problem('celebrateMilestones', 'shape')).optional(),
    /** Skills the person confirmed as new ("keep 'Typscript' as a new skill"): never more than the two lists hold. */
    newSkills: z
      .array(
        z.string(problem('newSkills', 'shape')).max(PROFILE_LIMITS.skillChars, problem('newSkills', 'tooLong')),
        problem('newSkills', 'shape'),
      )
      .max(PROFILE_LIMITS.skills * 2, problem('newSkills', 'tooMany'))
      .optional(),
    /** Hear about new learning requests for a skill one teaches (issue #12); absent keeps the stored setting. */
    requestAlerts: z.boolean(problem('requestAlerts', 'shape')).optional(),
  },
  because('body', 'shape'),
);

/** POST `/people/:userId/endorsements`: one skill name. */
export const endorsementBody = z.object(
  { skill: z.string(because('skill', 'shape')).max(PROFILE_LIMITS.skillChars, because('skill', 'tooLong')) },
  because('body', 'shape'),
);

/**
 * What a profile may hold. No imports, on purpose: the API contract re-exports these values, so the tab checks its
 * forms against the same numbers and the tab bundle takes this file and nothing else from the service.
 */
export const PROFILE_LIMITS = {
  skills: 30,
  skillChars: 60,
  bioChars: 500,
  languages: 10,
  languageChars: 40,
  availabilityChars: 200,
} as const;

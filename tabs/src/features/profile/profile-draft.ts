import type { ApiTeachSkill, ProfileResponse } from '../../../../bot/src/api/contract';
import { createBrowserStore } from '../../shared/local-store';
import type { KeyValueStore } from '../../shared/local-store';

/**
 * The profile form's unsaved edits, kept in localStorage per tenant and person so a reload (or a
 * closed tab) loses nothing; read back trusting only the fields we know. Cleared on save or discard.
 */
export interface ProfileDraft {
  readonly teaches: readonly ApiTeachSkill[];
  /** As typed: comma-separated. */
  readonly wants: string;
  readonly bio: string;
  readonly languages: string;
  readonly availability: string;
  /** Skills the person chose to keep as new ("keep 'Typscript' as a new skill"). */
  readonly newSkills: readonly string[];
  /** Milestone cards in the team channel (issue #12). */
  readonly celebrateMilestones: boolean;
  /** Hear about new learning requests for a skill one teaches (issue #12). */
  readonly requestAlerts: boolean;
}

/** The switches; a draft kept before one existed has none, and then what is stored stands. */
type Switches = Pick<ProfileDraft, 'celebrateMilestones' | 'requestAlerts'>;

export function draftOfProfile(profile: ProfileResponse): ProfileDraft {
  return {
    teaches: profile.teaches,
    wants: profile.wants.join(', '),
    bio: profile.bio,
    languages: (profile.languages ?? []).join(', '),
    availability: profile.availability ?? '',
    newSkills: [],
    celebrateMilestones: profile.celebrateMilestones !== false,
    // An answer from before the setting existed has none: on, as the service treats it.
    requestAlerts: profile.requestAlerts !== false,
  };
}

const same = (a: ProfileDraft, b: ProfileDraft) => JSON.stringify(a) === JSON.stringify(b);

const isText = (value: unknown): value is string => typeof value === 'string';

function parseDraft(text: string | null, saved: Switches): ProfileDraft | undefined {
  if (text === null) return undefined;
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    const { teaches, wants, bio, languages, availability, newSkills, celebrateMilestones, requestAlerts } = raw;
    if (!Array.isArray(teaches) || !isText(wants) || !isText(bio) || !isText(languages) || !isText(availability)) return undefined;
    const skills = (teaches as unknown[]).flatMap((s): ApiTeachSkill[] => {
      const { name, level } = (s ?? {}) as Record<string, unknown>;
      return isText(name) && (level === 1 || level === 2 || level === 3) ? [{ name, level }] : [];
    });
    const kept = Array.isArray(newSkills) ? (newSkills as unknown[]).filter(isText) : [];
    return {
      teaches: skills,
      wants,
      bio,
      languages,
      availability,
      newSkills: kept,
      celebrateMilestones: typeof celebrateMilestones === 'boolean' ? celebrateMilestones : saved.celebrateMilestones,
      requestAlerts: typeof requestAlerts === 'boolean' ? requestAlerts : saved.requestAlerts,
    };
  } catch {
    return undefined;
  }
}

interface ProfileDraftStore {
  /** The kept draft when it differs from what is stored. */
  restore(saved: ProfileDraft): ProfileDraft | undefined;
  /** Keeps the draft, or forgets it when it is what is stored. */
  keep(draft: ProfileDraft, saved: ProfileDraft): void;
  clear(): void;
}

export function profileDraftStore(profile: Pick<ProfileResponse, 'tenantId' | 'userId'>, storage?: Storage): ProfileDraftStore {
  const store: KeyValueStore = createBrowserStore(() => storage ?? window.localStorage);
  const key = `profileDraft.${profile.tenantId}.${profile.userId}`;
  return {
    restore(saved) {
      const draft = parseDraft(store.get(key), saved);
      return draft && !same(draft, saved) ? draft : undefined;
    },
    keep(draft, saved) {
      if (same(draft, saved)) {
        store.remove(key);
        return;
      }
      // A switch is kept only when the person flipped it: one left alone takes what is stored when the draft
      // comes back, so it never undoes a change made elsewhere meanwhile ("meldingen uit" in chat).
      const { celebrateMilestones, requestAlerts, ...edits } = draft;
      store.set(
        key,
        JSON.stringify({
          ...edits,
          ...(celebrateMilestones === saved.celebrateMilestones ? {} : { celebrateMilestones }),
          ...(requestAlerts === saved.requestAlerts ? {} : { requestAlerts }),
        }),
      );
    },
    clear: () => store.remove(key),
  };
}

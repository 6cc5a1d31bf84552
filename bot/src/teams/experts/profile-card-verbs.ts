import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/shared/adaptive-card';
import { PROFILE_VERBS, profileCard, profileEditCard } from '../../cards/experts/profile-card';
import type { ProfileCardView } from '../../cards/experts/profile-card';
import { t } from '../../cards/shared/i18n';
import type { Locale } from '../../domain/shared/person';
import { toLocale } from '../../domain/shared/person';
import type { ExpertDirectory } from '../../domain/experts/expert-directory';
import type { ProfileService } from '../../domain/experts/profile-service';
import { skillKeyOf } from '../../domain/experts/expert-index';
import { celebratesMilestones, wantsRequestAlerts } from '../../domain/experts/member';
import { applyProfileEdit } from '../../domain/experts/profile-editing';
import type { Renamed } from '../../domain/experts/profile-editing';
import { checkProfileForm, profileFormOf, readProfileForm } from '../../domain/experts/profile-form';
import { cardActionOf } from '../shared/bot-feature';
import type { InvokeHandler } from '../shared/bot-feature';
import { personOf } from '../shared/identity';
import { saveProfileDataOf } from './profile-verb-data';
import { typedSkills } from '../shared/form-skills';
import { unknownSkills } from '../../domain/experts/skill-check';
import { cardResponse, errorResponse, messageResponse } from '../shared/invoke-responses';

/** The `Action.Execute` verbs of the profile card. */
type ProfileVerb = (typeof PROFILE_VERBS)[keyof typeof PROFILE_VERBS];

interface ProfileCardDependencies {
  readonly experts: Pick<ExpertDirectory, 'taxonomy'>;
  readonly profiles: ProfileService;
}

/** Builds the profile card of a stored person (with their endorsement counts). */
export async function profileCardOf(
  deps: ProfileCardDependencies,
  tenantId: string,
  userId: string,
  locale: Locale,
  saved?: { readonly normalised: readonly Renamed[] },
): Promise<AdaptiveCard> {
  const { profile, endorsements } = await deps.profiles.withEndorsements(tenantId, userId);
  const counts = new Map<string, number>();
  for (const e of endorsements) counts.set(skillKeyOf(e.skill), (counts.get(skillKeyOf(e.skill)) ?? 0) + 1);
  const view: ProfileCardView = {
    displayName: profile?.displayName ?? '',
    teaches: (profile?.teaches ?? []).map((s) => ({ ...s, endorsements: counts.get(skillKeyOf(s.name)) ?? 0 })),
    wants: profile?.wants ?? [],
    bio: profile?.bio ?? '',
    languages: profile?.languages ?? [],
    availability: profile?.availability ?? '',
    celebrateMilestones: celebratesMilestones(profile ?? {}),
    requestAlerts: wantsRequestAlerts(profile ?? {}),
  };
  return profileCard(view, locale, saved);
}

/**
 * The profile card's verbs. The person is always the sender (tenant + Entra object id of the
 * activity); ids in the card's data are never read, so nobody can edit someone else's profile.
 */
export function profileCardVerbs(deps: ProfileCardDependencies): Readonly<Record<ProfileVerb, InvokeHandler>> {
  const asSender =
    (act: (context: TurnContext, locale: Locale, tenantId: string, userId: string) => Promise<AdaptiveCard>): InvokeHandler =>
    async (context) => {
      const locale = toLocale(context.activity.locale);
      const person = personOf(context.activity);
      if (!person) return messageResponse(t(locale, 'profile:notInTeams'));
      // A card's answer replaces it for everyone in a channel or group chat: there, pressing Edit
      // would show the presser's profile to all. Answer with an error (a toast; the card stays).
      if (context.activity.conversation?.conversationType !== 'personal') {
        return errorResponse(400, 'BadRequest', t(locale, 'profile:editInPersonalChat'));
      }
      return cardResponse(await act(context, locale, person.tenantId, person.userId));
    };

  const edit = asSender(async (_context, locale, tenantId, userId) =>
    profileEditCard(profileFormOf(await deps.profiles.get(tenantId, userId)), locale),
  );

  const view = asSender(async (_context, locale, tenantId, userId) => profileCardOf(deps, tenantId, userId, locale));

  const save = asSender(async (context, locale, tenantId, userId) => {
    const data = cardActionOf(context.activity.value).data;
    const edge = saveProfileDataOf(data);
    // Refused at the edge (too long, not text): the form again with what was typed, cut for display, and why.
    if (!edge.ok) return profileEditCard(readProfileForm(data).values, locale, edge.problems);
    const { values } = edge;
    const taxonomy = await deps.experts.taxonomy(tenantId);
    const checked = checkProfileForm(values, taxonomy, []);
    if (!checked.ok) return profileEditCard(values, locale, checked.problems);
    // Every stored skill passes the taxonomy, as on the API: a typo is asked about under the fields; one ticked as new is kept.
    const current = await deps.profiles.get(tenantId, userId);
    const stored = [...(current?.teaches.map((s) => s.name) ?? []), ...(current?.wants ?? [])];
    const unknown = unknownSkills({ teaches: checked.edit.teaches.map((s) => s.name), wants: checked.edit.wants }, taxonomy, {
      newSkills: typedSkills(data['newSkills']),
      stored,
    });
    if (unknown.length > 0) return profileEditCard(values, locale, [], unknown);
    const saved = await deps.profiles.edit(tenantId, userId, (current, now) => applyProfileEdit(current, checked.edit, now));
    if (!saved) return profileEditCard(values, locale, [{ field: 'teaches', code: 'shape' }]);
    return profileCardOf(deps, tenantId, userId, locale, { normalised: checked.normalised });
  });

  return { [PROFILE_VERBS.edit]: edit, [PROFILE_VERBS.view]: view, [PROFILE_VERBS.save]: save };
}

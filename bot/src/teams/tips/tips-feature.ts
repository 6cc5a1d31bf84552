import type { InvokeResponse } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/shared/adaptive-card';
import { tipCard } from '../../cards/tips/tip-card';
import { tipFormCard, tipNoticeCard } from '../../cards/tips/tip-form-card';
import { t } from '../../cards/shared/i18n';
import type { Locale } from '../../domain/shared/person';
import { toLocale } from '../../domain/shared/person';
import { tipFormValues } from '../../domain/tips/tip';
import type { Services } from '../../domain/shared/services';
import { dialogDataOf } from '../shared/bot-feature';
import { admitFormSkills, typedSkills } from '../shared/form-skills';
import type { BotFeature } from '../shared/bot-feature';
import { failureAnswer } from '../shared/failure-answer';
import { cardAttachment } from '../shared/card-message';
import { channelData, personOf } from '../shared/identity';
import { composeResult, dialogCard } from '../shared/invoke-responses';

interface TipsFeatureDeps {
  readonly services: Pick<Services, 'tips' | 'skills'>;
}

const dialog = (card: AdaptiveCard, locale: Locale): InvokeResponse => dialogCard(card, t(locale, 'tips:dialogTitle'));

const notice = (text: string, locale: Locale): InvokeResponse => dialog(tipNoticeCard(text), locale);

/**
 * Tips (DESIGN F9): the `shareTip` messaging-extension dialog. The tip is stored for the team of the
 * channel it was opened in, and the answer puts its card in the compose box, so the person posts it.
 */
export function tipsFeature(deps: TipsFeatureDeps) {
  const { tips, skills } = deps.services;

  return {
    messagingExtension: {
      fetchTask: {
        shareTip: async (context) => {
          const locale = toLocale(context.activity.locale);
          if (!channelData(context.activity).team?.id) return notice(t(locale, 'tips:noTeam'), locale);
          return dialog(tipFormCard({}, locale), locale);
        },
      },
      submitAction: {
        shareTip: async (context) => {
          const locale = toLocale(context.activity.locale);
          const teamId = channelData(context.activity).team?.id;
          if (!teamId) return notice(t(locale, 'tips:noTeam'), locale);
          const person = personOf(context.activity);
          if (!person) return notice(t(locale, 'tips:noIdentity'), locale);
          const data = dialogDataOf(context.activity.value);
          // The tip's skills pass the team's taxonomy, as the API's do: "Dokcer" is asked about under the field.
          const admitted = await admitFormSkills(skills, person, teamId, data, 'skills');
          if (!admitted.ok) return dialog(tipFormCard({ values: tipFormValues(data), unknownSkills: admitted.unknown }, locale), locale);
          const typed = typedSkills(data['skills']).length > 0;
          const shared = await tips.share(person, teamId, typed ? { ...data, skills: admitted.fields['skills'] } : data, {
            inTeamConversation: true,
          });
          if (shared.ok) await admitted.commit();
          if (!shared.ok) {
            const { failure } = shared;
            if (failure.kind === 'invalid')
              return dialog(tipFormCard({ values: tipFormValues(data), problems: failure.problems }, locale), locale);
            return notice(failureAnswer(failure, locale), locale);
          }
          const card = tipCard({ tip: shared.value, authorName: person.displayName }, locale);
          return composeResult([cardAttachment(card)]);
        },
      },
    },
  } satisfies BotFeature;
}

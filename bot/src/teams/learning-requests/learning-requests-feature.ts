import { learningRequestCard, learningRequestFailureText } from '../../cards/learning-request-card';
import { tr } from '../../cards/learning-request-strings';
import { createLearningRequestService } from '../../domain/learning-request-service';
import type { Repositories } from '../../domain/repositories';
import type { ExpertDirectory } from '../../domain/skills/expert-directory';
import type { BotFeature, CommandHandler } from '../bot-feature';
import { cardMessage } from '../card-message';
import { channelData, personOf } from '../identity';

export interface LearningRequestsFeatureDeps {
  readonly repositories: Repositories;
  readonly experts: ExpertDirectory;
  readonly now: () => Date;
}

/**
 * "I want to learn X" / "ik wil X leren" in a team channel (DESIGN F7): a learning request for the
 * channel's team, answered with a small card. Asking for a skill the team already asked for adds a +1.
 */
export function learningRequestsFeature(deps: LearningRequestsFeatureDeps): BotFeature {
  const requests = createLearningRequestService({ repositories: deps.repositories, experts: deps.experts, now: deps.now });

  const wantToLearn: CommandHandler = async (context, command, locale) => {
    const person = personOf(context.activity);
    const teamId = channelData(context.activity).team?.id;
    // A request belongs to a team: in a personal chat there is no team to ask.
    if (!person || !teamId) {
      await context.sendActivity(tr(locale, 'cardNoTeam'));
      return;
    }
    const created = await requests.create(person, teamId, { skill: command.argument });
    if (!created.ok) {
      await context.sendActivity(learningRequestFailureText(created.failure, locale));
      return;
    }
    let { item } = created.value;
    if (!created.value.created && !item.voted) {
      const voted = await requests.vote(person, teamId, item.request.requestId, true);
      if (voted.ok) item = voted.value;
    }
    const card = learningRequestCard(
      { request: item.request, authorName: item.author.displayName || person.displayName, created: created.value.created, experts: item.experts.map((e) => e.displayName).filter((n) => n !== '') },
      locale,
    );
    await context.sendActivity(cardMessage(card));
  };

  return { commands: { wantToLearn } };
}

import type { BuddyIntroduction, BuddyPerson } from '../../domain/buddies/buddy-service-contract';
import { MET_ANSWERS } from '../../domain/buddies/buddy';
import type { BuddyPoolId, MetAnswer } from '../../domain/buddies/buddy';
import type { Locale } from '../../domain/shared/person';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard, CardAction, CardElement } from '../shared/adaptive-card';
import { t } from '../shared/i18n';
import type { CardKey } from '../shared/i18n';
import { buddyNames, plainBuddyNames } from './buddy-text';

interface MetView {
  readonly poolId: BuddyPoolId;
  readonly roundId: string;
  /** The buddies to name; empty in the refreshed card (the invoke knows only the answer). */
  readonly buddies: readonly BuddyPerson[];
  /** The answer given so far: highlighted, and said in a line above the buttons. */
  readonly answer?: MetAnswer;
}

const ANSWER_TITLES: Readonly<Record<MetAnswer, CardKey>> = { yes: 'buddies:metYes', notYet: 'buddies:metNotYet', wont: 'buddies:metWont' };
const ANSWERED: Readonly<Record<MetAnswer, CardKey>> = {
  yes: 'buddies:metAnswered_yes',
  notYet: 'buddies:metAnswered_notYet',
  wont: 'buddies:metAnswered_wont',
};

/** The data of a "did you meet?" button: which round, and the answer (checked by the bot before the service sees it). */
const metActionData = (poolId: BuddyPoolId, roundId: string, answer: MetAnswer) => ({ poolId, roundId, answer });

/**
 * Halfway through a round: "did you meet?" with yes / not yet / we won't (verb `buddyMet`). Answered,
 * the card comes back in place with the answer marked (✓, as the invite's RSVP buttons), and the buttons
 * stay so the person can change it.
 */
export function buddyMetCard(view: MetView, locale: Locale): AdaptiveCard {
  const body: CardElement[] = [heading(t(locale, 'buddies:metTitle'))];
  if (view.answer) {
    body.push({ type: 'Container', style: 'emphasis', items: [paragraph(t(locale, ANSWERED[view.answer]))] });
    body.push(paragraph(t(locale, 'buddies:metBodyAnswered'), true));
  } else {
    body.push(paragraph(t(locale, 'buddies:metBody', { names: buddyNames(view.buddies, locale) })));
  }
  const actions: CardAction[] = MET_ANSWERS.map((answer) => {
    const chosen = view.answer === answer;
    return {
      type: 'Action.Execute',
      title: `${chosen ? '✓ ' : ''}${t(locale, ANSWER_TITLES[answer])}`,
      verb: 'buddyMet',
      data: metActionData(view.poolId, view.roundId, answer),
      ...(chosen ? { style: 'positive' as const } : {}),
    };
  });
  return adaptiveCard(body, actions);
}

/** The check-in card from what the round job reads. */
export const buddyMetCardFor = (intro: BuddyIntroduction): AdaptiveCard =>
  buddyMetCard(
    {
      poolId: intro.poolId,
      roundId: intro.roundId,
      buddies: intro.buddies,
      ...(intro.myAnswer ? { answer: intro.myAnswer } : {}),
    },
    intro.locale,
  );

/** The check-in's notification line (plain text). */
export const buddyMetSummary = (intro: BuddyIntroduction): string =>
  t(intro.locale, 'buddies:metSummary', { names: plainBuddyNames(intro.buddies, intro.locale) });

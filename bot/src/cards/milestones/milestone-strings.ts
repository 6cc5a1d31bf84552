import type { MilestoneId } from '../../domain/milestones/milestones';

/** The milestone card (issue #12), in English and Dutch: one headline per milestone, no pronoun that guesses anyone's gender. */
const en = {
  title_taught1: '🎉 {{name}} taught their first session',
  title_taught5: '🎉 {{name}} has taught 5 sessions',
  title_attended1: '🎉 {{name}} joined their first session',
  title_attended5: '🎉 {{name}} has joined 5 sessions',
  title_attended10: '🎉 {{name}} has joined 10 sessions',
  title_kudos10: '🎉 {{name}} has been thanked 10 times',
  body: 'A milestone in learning from each other in this team. Celebrate it with them!',
  someone: 'A colleague',
} as const;

type MilestoneStringKey = keyof typeof en;

const nl: Record<MilestoneStringKey, string> = {
  title_taught1: '🎉 {{name}} heeft voor het eerst een sessie gegeven',
  title_taught5: '🎉 {{name}} heeft al 5 sessies gegeven',
  title_attended1: '🎉 {{name}} was voor het eerst bij een sessie',
  title_attended5: '🎉 {{name}} was al bij 5 sessies',
  title_attended10: '🎉 {{name}} was al bij 10 sessies',
  title_kudos10: '🎉 {{name}} is al 10 keer bedankt',
  body: 'Een mijlpaal in het leren van elkaar in dit team. Vier het mee!',
  someone: 'Een collega',
};

// A milestone added to domain/milestones without its headline here does not compile.
type Headlines = { readonly [K in MilestoneId as `title_${K}`]: string };
const complete: Headlines = en;
void complete;

export const milestoneStrings = { en, nl };

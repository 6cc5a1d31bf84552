import type { Feedback } from './session';

/** What the host sees of their session's feedback; never shown to anyone else. */
export interface FeedbackSummary {
  readonly responses: number;
  /** Average rating, one decimal; undefined without responses. */
  readonly averageRating?: number;
  readonly learnedSomethingNew: number;
  readonly willApply: readonly string[];
  /** The follow-up's answers ("did you apply it?", issue #12): how many said each, and their notes. */
  readonly applied?: { readonly yes: number; readonly partly: number; readonly notYet: number; readonly notes: readonly string[] };
}

export function summariseFeedback(feedback: readonly Feedback[]): FeedbackSummary {
  const responses = feedback.length;
  const total = feedback.reduce((sum, f) => sum + f.rating, 0);
  return {
    responses,
    ...(responses > 0 ? { averageRating: Math.round((total / responses) * 10) / 10 } : {}),
    learnedSomethingNew: feedback.filter((f) => f.learnedSomethingNew).length,
    willApply: feedback.map((f) => f.willApply.trim()).filter((w) => w !== ''),
    applied: {
      yes: feedback.filter((f) => f.applied?.level === 'yes').length,
      partly: feedback.filter((f) => f.applied?.level === 'partly').length,
      notYet: feedback.filter((f) => f.applied?.level === 'notYet').length,
      notes: feedback.flatMap((f) => (f.applied && f.applied.note.trim() !== '' ? [f.applied.note.trim()] : [])),
    },
  };
}

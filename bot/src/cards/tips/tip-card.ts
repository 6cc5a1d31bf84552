import { isFormerColleague } from '../../domain/shared/person';
import type { Locale } from '../../domain/shared/person';
import type { Tip } from '../../domain/tips/tip';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard, CardAction, CardElement, ColumnSet } from '../shared/adaptive-card';
import { userText } from '../shared/user-text';
import { t } from '../shared/i18n';
import { skillText } from '../shared/skill-text';

interface TipCardView {
  readonly tip: Pick<Tip, 'title' | 'body' | 'link' | 'skills'>;
  /** Empty when unknown: the card says "a colleague". */
  readonly authorName: string;
  /** The author's id: an erased author is "a former colleague". */
  readonly authorUserId?: string;
}

const TAGS_PER_ROW = 4;

/** Skills as small tags, four to a row, so a narrow Teams client still shows them whole. */
function skillTags(skills: readonly string[], locale: Locale): ColumnSet[] {
  const rows: ColumnSet[] = [];
  for (let i = 0; i < skills.length; i += TAGS_PER_ROW) {
    rows.push({
      type: 'ColumnSet',
      spacing: i === 0 ? 'medium' : 'small',
      columns: skills.slice(i, i + TAGS_PER_ROW).map((skill) => ({
        type: 'Column',
        width: 'auto',
        items: [
          {
            type: 'Container',
            style: 'accent',
            items: [{ type: 'TextBlock', text: skillText(skill, locale), size: 'small', weight: 'bolder', wrap: false }],
          },
        ],
      })),
    });
  }
  return rows;
}

/** The tip as it is posted in the channel (DESIGN F9): title, text, skills as tags, the link as a button. */
export function tipCard(view: TipCardView, locale: Locale): AdaptiveCard {
  const { tip } = view;
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: `💡 ${t(locale, 'tips:cardKicker')}`,
      size: 'small',
      weight: 'bolder',
      color: 'accent',
      spacing: 'none',
      wrap: true,
    },
    heading(userText(tip.title, 120)),
    ...(tip.body ? [paragraph(userText(tip.body, 1000))] : []),
    ...skillTags(tip.skills.slice(0, 8), locale),
    {
      ...paragraph(
        t(locale, 'tips:cardSharedBy', {
          name:
            view.authorUserId !== undefined && isFormerColleague(view.authorUserId)
              ? t(locale, 'common:formerColleague')
              : view.authorName
                ? userText(view.authorName, 80)
                : t(locale, 'tips:cardSomeone'),
        }),
        true,
      ),
      size: 'small',
      spacing: 'medium',
    },
  ];
  const actions: CardAction[] = tip.link ? [{ type: 'Action.OpenUrl', title: t(locale, 'tips:cardOpenLink'), url: tip.link }] : [];
  return adaptiveCard(body, actions);
}

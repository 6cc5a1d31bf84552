import type { BuddyIntroduction } from '../../domain/buddies/buddy-service-contract';
import type { Locale } from '../../domain/shared/person';
import { ORGANISATION_POOL } from '../../domain/buddies/buddy';
import { BUDDY_CHAT_MINUTES } from '../../domain/buddies/buddy-chat';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard, CardAction, CardElement, Fact } from '../shared/adaptive-card';
import { t } from '../shared/i18n';
import { userText } from '../shared/user-text';
import { buddyNames, dayNames, modeNames, plainBuddyNames, reasonLines, reasonSentence, shortWhen, skillName } from './buddy-text';

interface IntroView {
  readonly intro: BuddyIntroduction;
  /** The suggested first chat (domain/buddies/buddy-chat.ts), when a shared day is left in the round. */
  readonly chatStart?: Date;
  /** The signed `.ics` of that chat (domain/buddies/buddy-chat-links.ts). */
  readonly calendarUrl?: string;
}

const TEAM_MAX = 80;

/**
 * Teams' documented deep link that opens the meeting scheduling dialog
 * (learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-workflow):
 * `https://teams.microsoft.com/l/meeting/new?subject=…&startTime=…&endTime=…&content=…&attendees=…`.
 * `attendees` holds the buddies' email addresses from their profiles (Teams takes UPNs or emails);
 * a buddy without one is left out and added in the dialog. Values are URL-encoded plain text, never card Markdown.
 */
export function meetingDeepLink(subject: string, content: string, start: Date | undefined, attendees: readonly string[] = []): string {
  const query = new URLSearchParams({ subject });
  const emails = attendees.filter((a) => /^[^\s,@]+@[^\s,@]+$/.test(a));
  if (emails.length > 0) query.set('attendees', emails.join(','));
  if (start) {
    query.set('startTime', start.toISOString());
    query.set('endTime', new Date(start.getTime() + BUDDY_CHAT_MINUTES * 60_000).toISOString());
  }
  query.set('content', content);
  return `https://teams.microsoft.com/l/meeting/new?${query.toString().replace(/\+/g, '%20')}`;
}

/** A language as the profile holds it: a code (`nl`, `en-GB`) in the reader's words ("Nederlands", "Dutch"), anything else as typed. */
function languageName(language: string, locale: Locale): string {
  if (!/^[a-z]{2,3}(-[a-z]{2})?$/i.test(language)) return language;
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(language) ?? language;
  } catch {
    return language;
  }
}

/** What a buddy card's preference buttons carry: the pool, so the bot knows which team (or the tenant pool) is meant. */
export const buddyPoolData = (poolId: string) => ({ poolId });

/**
 * The introduction each person of a pair (or trio) gets in their personal chat: who, why, a first topic,
 * "plan a 30-minute chat" (Teams' scheduling dialog and an `.ics`), and the way out (stop, skip next).
 */
export function buddyIntroCard(view: IntroView, locale = view.intro.locale): AdaptiveCard {
  const { intro } = view;
  const trio = intro.buddies.length > 1;
  const names = buddyNames(intro.buddies, locale);
  const lines = reasonLines(intro.userId, intro.buddies, intro.reason, locale, intro.skillNames);
  const organisation = intro.poolId === ORGANISATION_POOL;
  const body: CardElement[] = [
    paragraph(
      organisation || intro.teamName === undefined
        ? t(locale, 'buddies:introOrganisation')
        : t(locale, 'buddies:introTeam', { team: userText(intro.teamName, TEAM_MAX) }),
      true,
    ),
    heading(t(locale, trio ? 'buddies:introTitleTrio' : 'buddies:introTitle')),
    paragraph(t(locale, 'buddies:introWith', { names })),
    { ...paragraph(t(locale, trio ? 'buddies:introBecauseTrio' : 'buddies:introBecause')), weight: 'bolder', spacing: 'medium' },
    paragraph(lines.length > 0 ? reasonSentence(lines) : t(locale, 'buddies:reasonNoSkills')),
  ];
  const facts: Fact[] = [];
  const { sharedLanguages, sharedDays, sharedModes } = intro.reason;
  if (sharedLanguages.length > 0)
    facts.push({
      title: t(locale, 'buddies:factLanguages'),
      value: userText(sharedLanguages.map((l) => languageName(l, locale)).join(', '), 200),
    });
  if (sharedDays.length > 0) facts.push({ title: t(locale, 'buddies:factDays'), value: dayNames(sharedDays, locale) });
  if (sharedModes.length > 0) facts.push({ title: t(locale, 'buddies:factModes'), value: modeNames(sharedModes, locale) });
  facts.push({ title: t(locale, 'buddies:factUntil'), value: shortWhen(intro.endsAt, locale, intro.timeZone) });
  body.push({ type: 'FactSet', facts });
  if (intro.firstTopic) body.push(paragraph(t(locale, 'buddies:firstTopic', { topic: skillName(intro.firstTopic, intro.skillNames) })));

  const subject = t(locale, 'buddies:chatSubject', { names: plainBuddyNames(intro.buddies, locale) });
  const actions: CardAction[] = [
    {
      type: 'Action.OpenUrl',
      title: t(locale, 'buddies:planChat'),
      url: meetingDeepLink(
        subject,
        t(locale, 'buddies:chatDescription'),
        view.chatStart,
        intro.buddies.flatMap((b) => (b.email ? [b.email] : [])),
      ),
    },
  ];
  if (view.calendarUrl) actions.push({ type: 'Action.OpenUrl', title: t(locale, 'buddies:addChatToCalendar'), url: view.calendarUrl });
  const pool = buddyPoolData(intro.poolId);
  if (organisation) {
    actions.push({
      type: 'Action.Execute',
      title: t(locale, 'buddies:acrossOffButton'),
      verb: 'buddyAcross',
      data: { ...pool, across: false },
    });
  } else {
    actions.push(
      { type: 'Action.Execute', title: t(locale, 'buddies:skipButton'), verb: 'buddySkip', data: { ...pool, skipNext: true } },
      { type: 'Action.Execute', title: t(locale, 'buddies:stopButton'), verb: 'buddyLeave', data: pool, style: 'destructive' },
    );
  }
  return adaptiveCard(body, actions);
}

/** The notification line of an introduction (plain text, no Markdown). */
export const buddyIntroSummary = (intro: BuddyIntroduction): string =>
  t(intro.locale, 'buddies:introSummary', { names: plainBuddyNames(intro.buddies, intro.locale) });

import type { ExpertHit } from '../../domain/experts/expert-index';
import type { Locale } from '../../domain/shared/person';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard, CardAction, CardElement, OpenUrl } from '../shared/adaptive-card';
import { t } from '../shared/i18n';
import { clip, userText } from '../shared/user-text';
import { REQUEST_SKILL_MAX } from '../../domain/requests/learning-request';
import { skillPlain, skillText } from '../shared/skill-text';
import { LEARNING_REQUEST_VERBS } from '../requests/learning-request-card';

/** Why a person is in the results: the skill, its level, endorsements and sessions taught. Never a rating. */
export function explainExpert(hit: ExpertHit, locale: Locale): string {
  const parts: string[] = [];
  if (hit.match === 'name') parts.push(t(locale, 'experts:matchName'));
  if (hit.match === 'bio') parts.push(t(locale, 'experts:matchBio'));
  if (hit.skill) {
    parts.push(skillText(hit.skill.name, locale), t(locale, 'experts:level', { n: hit.skill.level }));
    const e = hit.skill.endorsements;
    if (e > 0) parts.push(t(locale, 'experts:endorsements', { count: e }));
  }
  if (hit.sessionsTaught > 0) parts.push(t(locale, 'experts:sessionsTaught', { count: hit.sessionsTaught }));
  if (hit.match === 'suggestion' && hit.wantedBy) parts.push(t(locale, 'experts:wantedBy', { count: hit.wantedBy }));
  return parts.join(' · ');
}

/** Teams deep link to a 1:1 chat (by UPN/e-mail when known, else the Entra object id), optionally with a drafted message. */
export function chatUrl(person: Pick<ExpertHit, 'email' | 'userId'>, message?: string): string {
  const users = encodeURIComponent(person.email ?? person.userId);
  return `https://teams.microsoft.com/l/chat/0/0?users=${users}${message ? `&message=${encodeURIComponent(message)}` : ''}`;
}

function firstName(name: string): string {
  return name.split(' ')[0] ?? name;
}

/**
 * "Ask for a session" opens a 1:1 chat with a drafted request (Action.OpenUrl): it works wherever
 * the card was shared, also in chats the bot is not part of, where an Action.Submit would go nowhere.
 */
function expertActions(hit: ExpertHit, locale: Locale): OpenUrl[] {
  const name = firstName(hit.displayName);
  const message = hit.skill
    ? t(locale, 'experts:askMessage', { name, skill: skillPlain(hit.skill.name, locale) })
    : t(locale, 'experts:askMessageNoSkill', { name });
  return [
    { type: 'Action.OpenUrl', title: t(locale, 'experts:askForSession'), url: chatUrl(hit, message) },
    { type: 'Action.OpenUrl', title: t(locale, 'experts:chat'), url: chatUrl(hit) },
  ];
}

const MAX_LISTED_SKILLS = 8;

function skillsLine(hit: ExpertHit, locale: Locale): string {
  const shown = hit.teaches
    .slice(0, MAX_LISTED_SKILLS)
    .map((s) => `${skillText(s.name, locale)} (${t(locale, 'experts:level', { n: s.level })})`);
  return shown.length > 0 ? shown.join(', ') : t(locale, 'experts:nothingYet');
}

/** The card a messaging-extension result inserts into the conversation. */
export function expertCard(hit: ExpertHit, locale: Locale): AdaptiveCard {
  const facts = [{ title: t(locale, 'experts:teaches'), value: skillsLine(hit, locale) }];
  if (hit.languages.length > 0)
    facts.push({
      title: t(locale, 'experts:languages'),
      value: hit.languages
        .slice(0, 10)
        .map((l) => userText(l, 40))
        .join(', '),
    });
  if (hit.availability) facts.push({ title: t(locale, 'experts:availability'), value: userText(hit.availability, 200) });
  const body: CardElement[] = [
    heading(userText(hit.displayName, 80)),
    paragraph(explainExpert(hit, locale), true),
    { type: 'FactSet', facts },
  ];
  return adaptiveCard(body, expertActions(hit, locale));
}

/** What a picked result inserts when its person cannot be shown (not of this organisation, gone, or search still starting). */
export function expertNoticeCard(locale: Locale, key: 'expertGone' | 'warming'): AdaptiveCard {
  return adaptiveCard([paragraph(t(locale, `experts:${key}`), true)]);
}

/** "who knows X" / "wie kent X": the top results as one card, each with its own actions. */
/** `askerMatched`: the asker matched and was left out, so an empty list means nobody else. */
export function expertsCard(
  query: string,
  hits: readonly ExpertHit[],
  locale: Locale,
  suggestions: boolean,
  askerMatched = false,
): AdaptiveCard {
  const shownQuery = userText(query, 60);
  const title = suggestions ? t(locale, 'experts:suggestionsTitle') : t(locale, 'experts:whoKnowsTitle', { query: shownQuery });
  if (hits.length === 0) {
    const empty = suggestions
      ? t(locale, 'experts:noExpertsAtAll')
      : t(locale, askerMatched ? 'experts:nobodyElse' : 'experts:noExperts', { query: shownQuery });
    // Nobody (else) knows it yet: the person can ask their team to learn it (a request, or a +1 on the open one).
    const skill = clip(query.trim(), REQUEST_SKILL_MAX);
    const ask: CardAction[] =
      suggestions || skill === ''
        ? []
        : [
            {
              type: 'Action.Execute',
              title: t(locale, 'experts:askToLearn', { query: clip(skill, 40) }),
              verb: LEARNING_REQUEST_VERBS.ask,
              data: { skill },
            },
          ];
    return adaptiveCard([heading(title), paragraph(empty)], ask);
  }
  const body: CardElement[] = [heading(title)];
  for (const hit of hits) {
    const actions: CardAction[] = expertActions(hit, locale);
    body.push({
      type: 'Container',
      items: [
        { type: 'TextBlock', text: userText(hit.displayName, 80), weight: 'bolder', wrap: true, spacing: 'medium' },
        paragraph(explainExpert(hit, locale), true),
        { type: 'ActionSet', actions },
      ],
    });
  }
  body.push(paragraph(t(locale, 'experts:moreInTab'), true));
  return adaptiveCard(body);
}

import { CardFactory } from 'botbuilder';
import type { MessagingExtensionAttachment } from 'botbuilder';
import { expertCard, expertNoticeCard, expertsCard, explainExpert } from '../../cards/experts/expert-cards';
import { t } from '../../cards/shared/i18n';
import { toLocale } from '../../domain/shared/person';
import type { Services } from '../../domain/shared/services';
import type { ExpertDirectory } from '../../domain/experts/expert-directory';
import { MAX_PAGE, MAX_SKIP } from '../../domain/experts/expert-index';
import type { BotFeature, CommandHandler, InvokeHandler } from '../shared/bot-feature';
import { cardAttachment, cardMessage } from '../shared/card-message';
import { personOf, tenantOf } from '../shared/identity';
import { composeMessage, composeResult } from '../shared/invoke-responses';
import { profileCardVerbs } from './profile-card-verbs';
import { mySkillsHandlers } from './my-skills';
import { ASK_TO_LEARN_DATA, askToLearn } from '../requests/ask-to-learn';
import { REQUEST_SKILL_MAX } from '../../domain/requests/learning-request';
import { z } from 'zod';

interface ExpertsFeatureDependencies {
  readonly experts: ExpertDirectory;
  readonly services: Pick<Services, 'profiles' | 'learningRequests' | 'sessions' | 'skills'>;
}

/** Teams gives a messaging extension 5 s; leave room for the round trip. */
const INVOKE_WAIT_MS = 4_000;
const WHO_KNOWS_TOP = 5;
const DEFAULT_COUNT = 10;

interface QueryInvokeValue {
  readonly parameters?: unknown;
  readonly queryOptions?: { readonly skip?: unknown; readonly count?: unknown };
}

function wholeNumber(value: unknown, fallback: number, min: number, max: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(n) ? Math.min(Math.max(n, min), max) : fallback;
}

/** The `query` parameter; `initialRun` (Teams opening the extension) means an empty query. */
function queryText(parameters: unknown): string {
  if (!Array.isArray(parameters)) return '';
  for (const p of parameters as unknown[]) {
    if (typeof p === 'object' && p !== null && (p as { name?: unknown }).name === 'query') {
      const value = (p as { value?: unknown }).value;
      return typeof value === 'string' ? value.slice(0, 1_000) : '';
    }
  }
  return '';
}

/**
 * What a result's preview sends back in `composeExtension/selectItem` (its `tap.value`). Teams sends
 * no `commandId` with a pick, so the tap value carries it: the bot routes the pick by it.
 */
interface SelectItemValue {
  readonly commandId: 'findExpert';
  readonly userId: string;
  readonly skill?: string;
}

/** The pick of "ask your team to learn X", offered when a search found nobody (else). */
interface AskItemValue {
  readonly commandId: 'findExpert';
  readonly askToLearn: string;
}

/** The tap value as Teams echoes it; anything else (forged, truncated) is no pick at all. */
function selectItemValue(value: unknown): SelectItemValue | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { userId, skill } = value as { userId?: unknown; skill?: unknown };
  if (typeof userId !== 'string' || userId === '' || userId.length > 200) return undefined;
  return typeof skill === 'string' && skill.length <= 200
    ? { commandId: 'findExpert', userId, skill }
    : { commandId: 'findExpert', userId };
}

const ASK_PICK = z.object({ askToLearn: ASK_TO_LEARN_DATA.shape.skill });

/** F1/F2 in the bot: the `findExpert` messaging extension, "who knows X" and "my skills: a, b". */
export function expertsFeature(deps: ExpertsFeatureDependencies) {
  const findExpert: InvokeHandler = async (context) => {
    const locale = toLocale(context.activity.locale);
    const value = (context.activity.value ?? {}) as QueryInvokeValue;
    const tenantId = tenantOf(context.activity);
    if (!tenantId) return composeMessage(t(locale, 'experts:noTenant'));
    const skip = wholeNumber(value.queryOptions?.skip, 0, 0, MAX_SKIP);
    const count = wholeNumber(value.queryOptions?.count, DEFAULT_COUNT, 1, MAX_PAGE);
    const asker = personOf(context.activity)?.userId;
    const text = queryText(value.parameters);
    const outcome = await deps.experts.search(tenantId, { text, skip, count, ...(asker ? { excludeUserId: asker } : {}) }, INVOKE_WAIT_MS);
    if (outcome.status === 'warming') return composeMessage(t(locale, 'experts:warming'));
    // Only symbols (an emoji, punctuation): say what to type rather than show an empty list.
    if (outcome.page.nothingToSearch) return composeMessage(t(locale, 'experts:typeWords'));
    // Nobody (else) knows it yet: one result to pick, which asks the team to learn it (issue #12).
    const skill = text.trim().slice(0, REQUEST_SKILL_MAX);
    if (outcome.page.hits.length === 0 && skip === 0 && !outcome.page.suggestions && /[\p{L}\p{N}]/u.test(skill)) {
      const title = t(locale, 'experts:askToLearnTitle', { query: skill });
      const why = outcome.page.askerMatched ? t(locale, 'experts:nobodyElse', { query: skill }) : t(locale, 'experts:askToLearnText');
      const ask: AskItemValue = { commandId: 'findExpert', askToLearn: skill };
      return composeResult([
        {
          ...CardFactory.thumbnailCard(title, why),
          preview: CardFactory.thumbnailCard(title, why, undefined, undefined, { tap: { type: 'invoke', title, value: ask } }),
        },
      ]);
    }
    if (outcome.page.hits.length === 0 && outcome.page.askerMatched && skip === 0)
      return composeMessage(t(locale, 'experts:nobodyElse', { query: text.slice(0, 60) }));
    // The list gets small ThumbnailCards; the full Adaptive Card is built only for the one result the
    // user picks (composeExtension/selectItem, through the preview's invoke tap). Ten full cards per
    // keystroke were most of the answer's bytes and allocations (docs/BENCHMARKS.md, expert search).
    const noSkill = t(locale, 'experts:previewNoSkill');
    const attachments = outcome.page.hits.map((hit): MessagingExtensionAttachment => {
      const text = explainExpert(hit, locale) || noSkill;
      const pick: SelectItemValue = hit.skill
        ? { commandId: 'findExpert', userId: hit.userId, skill: hit.skill.name }
        : { commandId: 'findExpert', userId: hit.userId };
      return {
        ...CardFactory.thumbnailCard(hit.displayName, text),
        preview: CardFactory.thumbnailCard(hit.displayName, text, undefined, undefined, {
          tap: { type: 'invoke', title: hit.displayName, value: pick },
        }),
      };
    });
    return composeResult(attachments);
  };

  /** A picked result: the full card of that person, looked up again in the asking tenant only. */
  const selectExpert: InvokeHandler = async (context) => {
    const locale = toLocale(context.activity.locale);
    // "Ask your team to learn X": the request (or the +1) is made on the pick; its card goes into the compose box to share.
    const ask = ASK_PICK.safeParse(context.activity.value);
    if (ask.success)
      return composeResult([cardAttachment(await askToLearn(context, deps.services, ask.data.askToLearn, locale, 'unlessClose'))]);
    const picked = selectItemValue(context.activity.value);
    const tenantId = tenantOf(context.activity);
    const outcome = tenantId && picked ? await deps.experts.expert(tenantId, picked.userId, picked.skill, INVOKE_WAIT_MS) : undefined;
    const card =
      outcome?.status === 'warming'
        ? expertNoticeCard(locale, 'warming')
        : outcome?.hit
          ? expertCard(outcome.hit, locale)
          : expertNoticeCard(locale, 'expertGone');
    return composeResult([cardAttachment(card)]);
  };

  const whoKnows: CommandHandler = async (context, command, locale) => {
    const tenantId = tenantOf(context.activity);
    if (!tenantId) {
      await context.sendActivity(t(locale, 'experts:noTenant'));
      return;
    }
    const asker = personOf(context.activity)?.userId;
    const outcome = await deps.experts.search(
      tenantId,
      { text: command.argument, skip: 0, count: WHO_KNOWS_TOP, ...(asker ? { excludeUserId: asker } : {}) },
      10_000,
    );
    if (outcome.status === 'warming') {
      await context.sendActivity(t(locale, 'experts:warming'));
      return;
    }
    const { hits, suggestions, askerMatched } = outcome.page;
    await context.sendActivity(cardMessage(expertsCard(command.argument, hits, locale, suggestions, askerMatched === true)));
  };

  const profiles = { experts: deps.experts, profiles: deps.services.profiles };
  const mySkills = mySkillsHandlers(profiles);

  return {
    commands: { whoKnows, ...mySkills.commands },
    messagingExtension: { query: { findExpert }, selectItem: { findExpert: selectExpert } },
    cardVerbs: { ...profileCardVerbs(profiles), ...mySkills.cardVerbs },
  } satisfies BotFeature;
}

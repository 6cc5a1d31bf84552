import type { CommandId } from '../../domain/shared/commands';
import type { Locale } from '../../domain/shared/person';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard } from '../shared/adaptive-card';
import { t } from '../shared/strings';
import type { StringKey } from '../shared/strings';

type Listed = Exclude<CommandId, 'unknown'>;

/** How each command is typed and what it does, per language; the card lists only the commands the bot has. */
const COMMAND_LINES: Record<Listed, { readonly typed: Record<Locale, string>; readonly does: StringKey }> = {
  help: { typed: { en: 'help', nl: 'hulp' }, does: 'helpCommandHelp' },
  newSession: { typed: { en: 'new session', nl: 'nieuwe sessie' }, does: 'helpCommandNewSession' },
  mySessions: { typed: { en: 'my sessions', nl: 'mijn sessies' }, does: 'helpCommandMySessions' },
  whoKnows: { typed: { en: 'who knows X', nl: 'wie kent X' }, does: 'helpCommandWhoKnows' },
  mySkills: { typed: { en: 'my skills: a, b', nl: 'mijn vaardigheden: a, b' }, does: 'helpCommandMySkills' },
  thanks: { typed: { en: 'thanks @someone …', nl: 'bedankt @iemand …' }, does: 'helpCommandThanks' },
  wantToLearn: { typed: { en: 'I want to learn X', nl: 'ik wil X leren' }, does: 'helpCommandWantToLearn' },
};

export function helpCard(locale: Locale, available: readonly CommandId[] = ['help']): AdaptiveCard {
  const listed = (Object.keys(COMMAND_LINES) as Listed[]).filter((id) => available.includes(id));
  return adaptiveCard([
    heading(t(locale, 'helpTitle')),
    paragraph(t(locale, 'helpIntro')),
    { type: 'FactSet', facts: listed.map((id) => ({ title: COMMAND_LINES[id].typed[locale], value: t(locale, COMMAND_LINES[id].does) })) },
    paragraph(t(locale, 'helpTabHint'), true),
  ]);
}

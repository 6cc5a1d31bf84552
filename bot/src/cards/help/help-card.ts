import type { CommandId } from '../../domain/shared/commands';
import type { Locale } from '../../domain/shared/person';
import { adaptiveCard, heading, paragraph } from '../shared/adaptive-card';
import type { AdaptiveCard } from '../shared/adaptive-card';
import { t } from '../shared/i18n';
import type { CardKey } from '../shared/i18n';

type Listed = Exclude<CommandId, 'unknown'>;

/** How each command is typed and what it does, per language; the card lists only the commands the bot has. */
const COMMAND_LINES: Record<Listed, { readonly typed: Record<Locale, string>; readonly does: CardKey }> = {
  help: { typed: { en: 'help', nl: 'hulp' }, does: 'common:helpCommandHelp' },
  newSession: { typed: { en: 'new session', nl: 'nieuwe sessie' }, does: 'common:helpCommandNewSession' },
  mySessions: { typed: { en: 'my sessions', nl: 'mijn sessies' }, does: 'common:helpCommandMySessions' },
  whoKnows: { typed: { en: 'who knows X', nl: 'wie kent X' }, does: 'common:helpCommandWhoKnows' },
  mySkills: { typed: { en: 'my skills: a 3, b', nl: 'mijn vaardigheden: a 3, b' }, does: 'common:helpCommandMySkills' },
  mySkillsOnly: {
    typed: { en: 'my skills only: a, b', nl: 'alleen mijn vaardigheden: a, b' },
    does: 'common:helpCommandMySkillsOnly',
  },
  thanks: { typed: { en: 'thanks @someone …', nl: 'bedankt @iemand …' }, does: 'common:helpCommandThanks' },
  wantToLearn: { typed: { en: 'I want to learn X', nl: 'ik wil X leren' }, does: 'common:helpCommandWantToLearn' },
  requestAlerts: {
    typed: { en: 'request alerts off / on', nl: 'meldingen uit / aan' },
    does: 'common:helpCommandRequestAlerts',
  },
  exportMyData: { typed: { en: 'export my data', nl: 'exporteer mijn gegevens' }, does: 'common:helpCommandExportMyData' },
  deleteMyData: { typed: { en: 'delete my data', nl: 'verwijder mijn gegevens' }, does: 'common:helpCommandDeleteMyData' },
  buddy: { typed: { en: 'buddy me / pause / stop', nl: 'koppel mij / buddy pauze / koppel stop' }, does: 'common:helpCommandBuddy' },
  myBuddy: { typed: { en: 'my buddy', nl: 'mijn buddy' }, does: 'common:helpCommandMyBuddy' },
};

export function helpCard(locale: Locale, available: readonly CommandId[] = ['help']): AdaptiveCard {
  const listed = (Object.keys(COMMAND_LINES) as Listed[]).filter((id) => available.includes(id));
  return adaptiveCard([
    heading(t(locale, 'common:helpTitle')),
    paragraph(t(locale, 'common:helpIntro')),
    { type: 'FactSet', facts: listed.map((id) => ({ title: COMMAND_LINES[id].typed[locale], value: t(locale, COMMAND_LINES[id].does) })) },
    paragraph(t(locale, 'common:helpTabHint'), true),
  ]);
}

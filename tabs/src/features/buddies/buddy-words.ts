import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuddyPersonView, BuddyReasonView, MeetMode, Weekday } from '../../../../bot/src/api/contract';
import { listFormat } from '../../shared/list-format';
import { usePersonName } from '../../shared/person-name';

/** Whose eyes the reason is read with: the viewer's own pair ("X can teach you …"), or an owner's view of anyone's. */
type ReasonViewpoint = 'mine' | 'others';

/**
 * Words the service's structured reason in the tab's language: who can teach whom what, then the
 * languages, days and ways of meeting the pair shares. `people` names the ids; in the viewer's own
 * pair, an id that is not among them is the viewer.
 */
export function useBuddyWords() {
  const { t, i18n } = useTranslation();
  const personName = usePersonName();
  const language = i18n.language;

  const list = useCallback(
    (items: readonly string[]) => listFormat(language, { style: 'long', type: 'conjunction' }).format(items),
    [language],
  );

  const languageName = useCallback(
    (code: string) => {
      // Profiles hold codes (`nl`) or names (`english`): name the codes, keep the rest as typed.
      if (/^[a-z]{2,3}$/i.test(code)) {
        try {
          return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
        } catch {
          return code;
        }
      }
      return code;
    },
    [language],
  );

  const weekdayName = useCallback((day: Weekday) => t(`buddies.weekdayNames.${day}`), [t]);
  const modeName = useCallback((mode: MeetMode) => t(`buddies.modeNames.${mode}`), [t]);

  const names = useCallback(
    (people: readonly BuddyPersonView[]) => list(people.map((p) => personName(p, { unknown: t('buddies.reason.someone') }))),
    [list, personName, t],
  );

  const reasonLines = useCallback(
    (reason: BuddyReasonView, people: readonly BuddyPersonView[], viewpoint: ReasonViewpoint): string[] => {
      const find = (userId: string) => people.find((p) => p.userId === userId);
      const nameOf = (userId: string, start: boolean) => {
        const person = find(userId);
        return person ? personName(person, { start, unknown: t('buddies.reason.someone') }) : t('buddies.reason.someone');
      };
      const isMe = (userId: string) => viewpoint === 'mine' && find(userId) === undefined;
      const lines = reason.teaches.map((m) => {
        if (isMe(m.to)) return t('buddies.reason.teachesYou', { name: nameOf(m.from, true), skill: m.skill });
        if (isMe(m.from)) return t('buddies.reason.youTeach', { name: nameOf(m.to, false), skill: m.skill });
        return t('buddies.reason.teaches', { from: nameOf(m.from, true), to: nameOf(m.to, false), skill: m.skill });
      });
      if (lines.length === 0) lines.push(t('buddies.reason.noSkill'));
      if (reason.sharedLanguages.length > 0)
        lines.push(t('buddies.reason.languages', { list: list(reason.sharedLanguages.map(languageName)) }));
      if (reason.sharedDays.length > 0) lines.push(t('buddies.reason.days', { list: list(reason.sharedDays.map(weekdayName)) }));
      if (reason.sharedModes.length > 0)
        lines.push(t('buddies.reason.modes', { list: list(reason.sharedModes.map((m) => modeName(m).toLocaleLowerCase(language))) }));
      return lines;
    },
    [list, languageName, personName, t, language, weekdayName, modeName],
  );

  /** A date and time in the reader's locale, in a time zone when given (the team's). */
  const dateTime = (iso: string, locale: string, timeZone?: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));

  return { names, reasonLines, weekdayName, modeName, dateTime };
}

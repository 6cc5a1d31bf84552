import type { Candidate } from '../../domain/sessions/discussion-leader';
import type { Locale } from '../../domain/shared/person';
import { RECURRENCES, SESSION_FORMATS } from '../../domain/sessions/session';
import type { SessionField, SessionProblem, SessionProblemCode } from '../../domain/sessions/session-rules';
import { CAPACITY_MAX, DESCRIPTION_MAX, TITLE_MAX } from '../../domain/sessions/session-rules';
import { SERIES_OCCURRENCES_MAX, START_AHEAD_MAX_YEARS } from '../../domain/sessions/session-limits';
import type { Channel } from '../../domain/teams/team';
import { adaptiveCard, heading } from '../shared/adaptive-card';
import type { AdaptiveCard, CardAction, CardElement, Choice, TextBlock } from '../shared/adaptive-card';
import { zoneLabel } from './session-text';
import { clip } from '../shared/user-text';
import { t } from '../shared/i18n';
import { skillQuestionElements } from '../shared/skill-questions';
import type { UnknownSkill } from '../../domain/experts/skill-check';

/** The verb (Action.Execute) or `verb` field (Action.Submit in a dialog) of the planning form. */
const CREATE_SESSION_VERB = 'createSession';
/** The verb of the edit form (the host's "Edit" on the invite card). */
const SAVE_SESSION_VERB = 'saveSession';

interface SessionFormOptions {
  readonly teamId: string;
  readonly channels: readonly Channel[];
  readonly members: readonly Candidate[];
  /** The session's host (the person planning a new one): never offered as their own co-teacher. */
  readonly hostId: string;
  readonly suggestedLeader?: Candidate;
  readonly timeZone: string;
  /** In a message the form submits with Action.Execute; in a dialog (task module) with Action.Submit. */
  readonly submit: 'execute' | 'dialog';
  /** The values typed so far, shown again with the problems next to their fields. */
  readonly values?: Readonly<Record<string, unknown>>;
  readonly problems?: readonly SessionProblem[];
  /** Skills the team's taxonomy did not know: "did you mean…?" under the field, and a choice to add each as new. */
  readonly unknownSkills?: readonly UnknownSkill[];
  /** Preselected channel (the one the command was typed in). */
  readonly channelId?: string;
  /** Editing one stored session: no recurrence, and the submit saves it. */
  readonly editing?: { readonly sessionId: string };
  /** Planned from a learning request: its id rides along in the submit's data, so the save takes the request. */
  readonly fromRequestId?: string;
}

const MAX_CHOICES = 100;

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
/** An input's `value` only when there is one: inputs have no "value: undefined". */
const given = (value: string | undefined) => (value ? { value } : {});

/** A session problem in words, with the limits it names (the capacity's range, how far ahead). */
export function sessionProblemText(locale: Locale, code: SessionProblemCode): string {
  return t(locale, `sessions:problem_${code}`, {
    max: CAPACITY_MAX.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB'),
    years: START_AHEAD_MAX_YEARS,
    occurrences: SERIES_OCCURRENCES_MAX,
  });
}

function problemBlocks(field: SessionField, problems: readonly SessionProblem[], locale: Locale): TextBlock[] {
  return problems
    .filter((p) => p.field === field)
    .map((p) => ({
      type: 'TextBlock',
      text: sessionProblemText(locale, p.code),
      color: 'attention',
      size: 'small',
      wrap: true,
      spacing: 'none',
    }));
}

/** The planning form, for the bot, the `planSession` dialog and the task module. */
export function sessionFormCard(options: SessionFormOptions, locale: Locale): AdaptiveCard {
  const v = options.values ?? {};
  const problems = options.problems ?? [];
  const p = (field: SessionField) => problemBlocks(field, problems, locale);
  const people: Choice[] = options.members.slice(0, MAX_CHOICES).map((m) => ({ title: clip(m.displayName || '—', 60), value: m.userId }));
  const teacherChoices = people.filter((c) => c.value !== options.hostId);
  // A value from before (a stored session listing its host, a refused submit) keeps only the choices offered.
  const teacherValue = text(v.teacherIds)
    ?.split(',')
    .filter((id) => id.trim() !== options.hostId)
    .join(',');
  const leaderChoices: Choice[] = people.map((c) =>
    c.value === options.suggestedLeader?.userId ? { ...c, title: t(locale, 'sessions:leaderSuggested', { name: c.title }) } : c,
  );
  const channelChoices: Choice[] = options.channels
    .slice(0, MAX_CHOICES)
    .map((c) => ({ title: clip(c.name || c.channelId, 60), value: c.channelId }));
  const channelValue = text(v.channelId) ?? options.channelId ?? options.channels[0]?.channelId;
  // Editing never slips the suggestion in: an empty choice stays empty.
  const leaderValue = text(v.discussionLeaderId) ?? (options.editing ? undefined : options.suggestedLeader?.userId);

  const body: CardElement[] = [
    heading(t(locale, options.editing ? 'sessions:planEditTitle' : 'sessions:planTitle')),
    ...(problems.length > 0
      ? [
          {
            type: 'TextBlock' as const,
            text: t(locale, 'sessions:planProblems'),
            color: 'attention' as const,
            weight: 'bolder' as const,
            wrap: true,
          },
        ]
      : []),
    {
      type: 'Input.Text',
      id: 'title',
      label: t(locale, 'sessions:fieldTitle'),
      maxLength: TITLE_MAX,
      isRequired: true,
      errorMessage: t(locale, 'sessions:problem_titleRequired'),
      ...(text(v.title) ? { value: clip(text(v.title) ?? '', TITLE_MAX) } : {}),
    },
    ...p('title'),
    {
      type: 'Input.Text',
      id: 'description',
      label: t(locale, 'sessions:fieldDescription'),
      isMultiline: true,
      maxLength: DESCRIPTION_MAX,
      ...(text(v.description) ? { value: clip(text(v.description) ?? '', DESCRIPTION_MAX) } : {}),
    },
    ...p('description'),
    {
      type: 'Input.Text',
      id: 'skills',
      label: t(locale, 'sessions:fieldSkills'),
      ...(text(v.skills) ? { value: clip(text(v.skills) ?? '', 600) } : {}),
    },
    ...p('skills'),
    ...skillQuestionElements(options.unknownSkills ?? [], locale),
    {
      type: 'Input.ChoiceSet',
      id: 'format',
      label: t(locale, 'sessions:fieldFormat'),
      style: 'compact',
      value: text(v.format) ?? 'talk',
      choices: SESSION_FORMATS.map((f) => ({ title: t(locale, `sessions:format_${f}`), value: f })),
    },
    ...p('format'),
    {
      type: 'ColumnSet',
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          items: [
            {
              type: 'Input.Date',
              id: 'date',
              label: t(locale, 'sessions:fieldDate'),
              isRequired: true,
              errorMessage: t(locale, 'sessions:problem_startRequired'),
              ...given(text(v.date)),
            },
          ],
        },
        {
          type: 'Column',
          width: 'stretch',
          items: [
            {
              type: 'Input.Time',
              id: 'time',
              label: t(locale, 'sessions:fieldTime', { zone: zoneLabel(options.timeZone) }),
              isRequired: true,
              errorMessage: t(locale, 'sessions:problem_startRequired'),
              ...given(text(v.time)),
            },
          ],
        },
      ],
    },
    ...p('startsAt'),
    {
      type: 'Input.Number',
      id: 'durationMinutes',
      label: t(locale, 'sessions:fieldDuration'),
      min: 5,
      max: 480,
      value: Number(text(v.durationMinutes) ?? 60) || 60,
    },
    ...p('durationMinutes'),
    {
      type: 'Input.Text',
      id: 'place',
      label: t(locale, 'sessions:fieldPlace'),
      ...(text(v.place) ? { value: clip(text(v.place) ?? '', 200) } : {}),
    },
    ...p('place'),
    {
      type: 'Input.Text',
      id: 'onlineUrl',
      label: t(locale, 'sessions:fieldLink'),
      placeholder: 'https://',
      ...(text(v.onlineUrl) ? { value: clip(text(v.onlineUrl) ?? '', 500) } : {}),
    },
    ...p('onlineUrl'),
    {
      type: 'Input.Number',
      id: 'capacity',
      label: t(locale, 'sessions:fieldCapacity'),
      min: 1,
      ...(text(v.capacity) && Number.isFinite(Number(text(v.capacity))) ? { value: Number(text(v.capacity)) } : {}),
    },
    ...p('capacity'),
    ...(channelChoices.length > 0
      ? [
          {
            type: 'Input.ChoiceSet' as const,
            id: 'channelId',
            label: t(locale, 'sessions:fieldChannel'),
            style: 'compact' as const,
            choices: channelChoices,
            ...(channelValue ? { value: channelValue } : {}),
          },
        ]
      : []),
    ...p('channelId'),
    ...(options.editing
      ? []
      : [
          {
            type: 'Input.ChoiceSet' as const,
            id: 'recurrence',
            label: t(locale, 'sessions:fieldRecurrence'),
            style: 'compact' as const,
            value: text(v.recurrence) ?? 'none',
            choices: RECURRENCES.map((r) => ({ title: t(locale, `sessions:recurrence_${r}`), value: r })),
          },
          {
            type: 'Input.Date' as const,
            id: 'repeatUntil',
            label: t(locale, 'sessions:fieldRepeatUntil'),
            ...given(text(v.repeatUntil)),
          },
        ]),
    ...p('recurrence'),
    ...p('repeatUntil'),
    ...(teacherChoices.length > 0
      ? [
          {
            type: 'Input.ChoiceSet' as const,
            id: 'teacherIds',
            label: t(locale, 'sessions:fieldTeachers'),
            style: 'compact' as const,
            isMultiSelect: true,
            choices: teacherChoices,
            ...given(teacherValue),
          },
        ]
      : []),
    ...(people.length > 0
      ? [
          {
            type: 'Input.ChoiceSet' as const,
            id: 'discussionLeaderId',
            label: t(locale, 'sessions:fieldLeader'),
            style: 'compact' as const,
            choices: leaderChoices,
            ...(leaderValue ? { value: leaderValue } : {}),
          },
        ]
      : []),
    ...p('teacherIds'),
    ...p('discussionLeaderId'),
    {
      type: 'Input.Toggle',
      id: 'openToOrganisation',
      title: t(locale, 'sessions:fieldOpen'),
      value: text(v.openToOrganisation) === 'true' ? 'true' : 'false',
    },
  ];
  const data = {
    teamId: options.teamId,
    ...(options.editing ? { sessionId: options.editing.sessionId } : {}),
    ...(options.fromRequestId && !options.editing ? { requestId: options.fromRequestId } : {}),
  };
  const verb = options.editing ? SAVE_SESSION_VERB : CREATE_SESSION_VERB;
  const title = t(locale, options.editing ? 'sessions:editSubmit' : 'sessions:planSubmit');
  const action: CardAction =
    options.submit === 'execute'
      ? { type: 'Action.Execute', title, verb, data, style: 'positive' }
      : { type: 'Action.Submit', title, data: { ...data, verb }, style: 'positive' };
  return adaptiveCard(body, [action]);
}

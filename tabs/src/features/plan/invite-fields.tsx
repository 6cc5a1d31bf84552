import {
  Body1,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { PlanningResponse } from '../../../../bot/src/api/contract';
import type { DraftField, SessionDraft } from './session-draft';
import { NO_CHANNEL, limits, recurrences, teacherList } from './session-draft';

const useStyles = makeStyles({
  row: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 11rem), 1fr))' },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  legend: { padding: 0, fontSize: tokens.fontSizeBase300, marginBottom: tokens.spacingVerticalXS },
  people: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 12rem), 1fr))',
    maxHeight: '14rem',
    overflowY: 'auto',
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  hint: { margin: 0, color: tokens.colorNeutralForeground3 },
});

type FieldProps = (field: DraftField) => { validationMessage?: string; validationState?: 'error' };

interface InviteFieldsProps {
  readonly draft: SessionDraft;
  readonly planning: PlanningResponse;
  /** The session's host: never offered as their own co-teacher. */
  readonly hostId: string;
  /** Editing: a series' repeat belongs to its creation; a posted invite stays in its channel. */
  readonly editing: boolean;
  /** The channel the stored session already posted its invite in (editing). */
  readonly postedChannelId: string | undefined;
  readonly set: (field: DraftField, value: string) => void;
  readonly touch: (field: DraftField) => void;
  readonly fieldProps: FieldProps;
}

/** Where and how often the invite goes out, and who is open to it: the parts the bot's form had and the tab's lacked. */
export function InviteFields({ draft, planning, hostId, editing, postedChannelId, set, touch, fieldProps }: InviteFieldsProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const channelName = planning.channels.find((c) => c.channelId === draft.channelId)?.name;
  const series = !editing && draft.recurrence !== 'none';
  const channelHint =
    draft.channelId === NO_CHANNEL || !channelName
      ? t('plan.channelNoneHint')
      : t(series ? 'plan.channelHintSeries' : 'plan.channelHint', { channel: channelName });
  return (
    <>
      {planning.channels.length === 0 ? (
        <MessageBar intent="warning" data-testid="plan-no-channels">
          <MessageBarBody>{t('plan.noChannels')}</MessageBarBody>
        </MessageBar>
      ) : (
        <Field label={t('plan.channel')} hint={channelHint} {...fieldProps('channelId')}>
          <Select
            id="plan-field-channelId"
            value={draft.channelId}
            // An invite already posted stays where it is: the card in that channel is the one that updates.
            disabled={postedChannelId !== undefined}
            onChange={(_, d) => set('channelId', d.value)}
          >
            {planning.channels.map((c) => (
              <option key={c.channelId} value={c.channelId}>
                {c.name || c.channelId}
              </option>
            ))}
            <option value={NO_CHANNEL}>{t('plan.channelNone')}</option>
          </Select>
        </Field>
      )}
      {editing ? null : (
        <div className={styles.row}>
          <Field label={t('plan.recurrence')} {...fieldProps('recurrence')}>
            <Select id="plan-field-recurrence" value={draft.recurrence} onChange={(_, d) => set('recurrence', d.value)}>
              {recurrences.map((r) => (
                <option key={r} value={r}>
                  {t(`plan.recurrences.${r}`)}
                </option>
              ))}
            </Select>
          </Field>
          {draft.recurrence === 'none' ? null : (
            <Field
              label={t('plan.repeatUntil')}
              hint={t('plan.repeatUntilHint', { count: limits.seriesDefault, max: limits.seriesMax })}
              {...fieldProps('repeatUntil')}
            >
              <Input
                id="plan-field-repeatUntil"
                type="date"
                min={draft.date || undefined}
                value={draft.repeatUntil}
                onChange={(_, d) => set('repeatUntil', d.value)}
                onBlur={() => touch('repeatUntil')}
              />
            </Field>
          )}
        </div>
      )}
      <TeachersField draft={draft} planning={planning} hostId={hostId} set={set} fieldProps={fieldProps} />
      <Field hint={t('plan.openHint')}>
        <Switch
          id="plan-field-openToOrganisation"
          label={t('plan.openToOrganisation')}
          checked={draft.openToOrganisation === 'true'}
          onChange={(_, d) => set('openToOrganisation', d.checked ? 'true' : '')}
        />
      </Field>
    </>
  );
}

interface TeachersFieldProps {
  readonly draft: SessionDraft;
  readonly planning: PlanningResponse;
  readonly hostId: string;
  readonly set: (field: DraftField, value: string) => void;
  readonly fieldProps: FieldProps;
}

/**
 * Co-teachers from the team's members, as checkboxes (a team is a few dozen people; the list scrolls
 * beyond that). Someone named before who is no longer listed stays shown, so a save never drops them unseen.
 * The host is never offered: they teach their session already (the form drops them from a draft that lists them).
 */
function TeachersField({ draft, planning, hostId, set, fieldProps }: TeachersFieldProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const chosen = teacherList(draft);
  const others = planning.members.filter((m) => m.userId !== hostId);
  const known = new Set(others.map((m) => m.userId));
  const unlisted = chosen.filter((id) => id !== hostId && !known.has(id));
  const options = [...others, ...unlisted.map((userId) => ({ userId, displayName: userId }))];
  const { validationMessage } = fieldProps('teacherIds');
  const toggle = (userId: string, on: boolean) =>
    set('teacherIds', (on ? [...chosen, userId] : chosen.filter((id) => id !== userId)).join(','));
  return (
    <fieldset
      id="plan-field-teacherIds"
      className={styles.fieldset}
      tabIndex={-1}
      aria-invalid={validationMessage ? true : undefined}
      aria-describedby={validationMessage ? 'plan-teachers-error' : undefined}
    >
      <legend className={styles.legend}>{t('plan.teachers')}</legend>
      <div className={styles.people}>
        {options.map((m) => (
          <Checkbox
            key={m.userId}
            label={m.displayName}
            checked={chosen.includes(m.userId)}
            onChange={(_, d) => toggle(m.userId, d.checked === true)}
          />
        ))}
      </div>
      {validationMessage ? (
        <Body1 id="plan-teachers-error" role="alert" className={styles.error}>
          {validationMessage}
        </Body1>
      ) : null}
    </fieldset>
  );
}

/** "Times are in the team's time zone (Amsterdam)" and, when the viewer's clock differs, both times. */
export function ZoneNote({ zone, both }: { readonly zone: string; readonly both: string | undefined }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <Caption1 as="p" className={styles.hint} data-testid="plan-zone" aria-live="polite">
      {t('plan.zoneHint', { zone })}
      {both ? ` ${both}` : ''}
    </Caption1>
  );
}

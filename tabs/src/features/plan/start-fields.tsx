import { useMemo } from 'react';
import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { DatePicker } from '@fluentui/react-datepicker-compat';
import { TimePicker, formatDateToTimeString } from '@fluentui/react-timepicker-compat';
import { useTranslation } from 'react-i18next';
import { clockTime, viewerClock, zoneCity } from '../../shared/sessions/team-time';
import { calendarFormatter, calendarStrings } from './calendar-strings';
import { ZoneNote } from './invite-fields';
import type { DraftField, SessionDraft } from './session-draft';
import { limits, localDate, localTime, startInstant, startOf } from './session-draft';

const useStyles = makeStyles({
  row: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 11rem), 1fr))' },
  // Fluent's combobox-based pickers have a 250 px minimum; inside a grid cell they must shrink.
  picker: { minWidth: 0, width: '100%', boxSizing: 'border-box' },
});

interface StartFieldsProps {
  readonly draft: SessionDraft;
  /** The team's zone: the date and time are typed on its clock. */
  readonly timeZone: string;
  readonly viewerZone: string;
  readonly now: () => Date;
  readonly set: (field: DraftField, value: string) => void;
  readonly touch: (field: DraftField) => void;
  readonly fieldProps: (field: DraftField) => { validationMessage?: string; validationState?: 'error' };
}

/**
 * Date, start time and duration, on the team's wall clock (the pickers hold it as a local `Date`
 * with the same fields), and under them the zone and, when it differs, the viewer's own start time.
 */
export function StartFields({ draft, timeZone, viewerZone, now, set, touch, fieldProps }: StartFieldsProps) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const strings = useMemo(() => calendarStrings(i18n.language, t), [i18n.language, t]);
  const formatter = useMemo(() => calendarFormatter(i18n.language), [i18n.language]);
  const start = startOf(draft);
  const instant = startInstant(draft, timeZone);
  const viewerTime = instant ? viewerClock(instant, i18n.language, timeZone, viewerZone) : undefined;
  const both =
    instant && viewerTime
      ? t('plan.bothTimes', { team: clockTime(instant, i18n.language, timeZone), city: zoneCity(timeZone), viewer: viewerTime })
      : undefined;
  const dateValue = draft.date ? new Date(`${draft.date}T00:00:00`) : null;
  const dateAnchor = start ?? dateValue;
  return (
    <>
      <div className={styles.row}>
        <Field label={t('plan.date')} required {...fieldProps('date')}>
          <DatePicker
            id="plan-field-date"
            className={styles.picker}
            value={dateValue}
            onSelectDate={(date) => {
              set('date', date ? localDate(date) : '');
              touch('date');
            }}
            formatDate={(date) => (date ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(date) : '')}
            placeholder={t('plan.datePlaceholder')}
            strings={strings}
            dateTimeFormatter={formatter}
            firstDayOfWeek={1}
            minDate={new Date(now().getFullYear(), now().getMonth(), now().getDate())}
            allowTextInput={false}
          />
        </Field>
        <Field label={t('plan.time')} required {...fieldProps('time')}>
          <TimePicker
            id="plan-field-time"
            className={styles.picker}
            freeform
            hourCycle="h23"
            increment={15}
            startHour={7}
            endHour={21}
            {...(dateAnchor ? { dateAnchor } : {})}
            value={draft.time}
            selectedTime={start ?? null}
            formatDateToTimeString={(date) => formatDateToTimeString(date, { hourCycle: 'h23' })}
            onTimeChange={(_, data) => {
              if (data.selectedTime) set('time', localTime(data.selectedTime));
              else if (data.selectedTimeText !== undefined)
                set('time', /^\d{1,2}:\d{2}$/.test(data.selectedTimeText) ? data.selectedTimeText : '');
              touch('time');
            }}
            onInput={(event) => set('time', (event.target as HTMLInputElement).value)}
          />
        </Field>
        <Field label={t('plan.duration')} required {...fieldProps('duration')}>
          <Input
            id="plan-field-duration"
            type="number"
            inputMode="numeric"
            min={limits.durationMin}
            max={limits.durationMax}
            step={5}
            value={draft.duration}
            onChange={(_, d) => set('duration', d.value)}
            onBlur={() => touch('duration')}
          />
        </Field>
      </div>
      <ZoneNote zone={zoneCity(timeZone)} both={both} />
    </>
  );
}

import { defaultDatePickerStrings } from '@fluentui/react-datepicker-compat';
import type { CalendarStrings } from '@fluentui/react-datepicker-compat';

/** The date picker's month and day names in the reader's locale (its defaults are English only). */
export function calendarStrings(locale: string): CalendarStrings {
  const month = (style: 'long' | 'short') =>
    Array.from({ length: 12 }, (_, m) => new Intl.DateTimeFormat(locale, { month: style }).format(new Date(2024, m, 1)));
  // 7 January 2024 was a Sunday: the picker's week starts its name lists on Sunday.
  const day = (style: 'long' | 'narrow') =>
    Array.from({ length: 7 }, (_, d) => new Intl.DateTimeFormat(locale, { weekday: style }).format(new Date(2024, 0, 7 + d)));
  return { ...defaultDatePickerStrings, months: month('long'), shortMonths: month('short'), days: day('long'), shortDays: day('narrow') };
}

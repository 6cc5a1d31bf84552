import { defaultDatePickerStrings } from '@fluentui/react-datepicker-compat';
import type { CalendarStrings, DatePickerProps } from '@fluentui/react-datepicker-compat';
import type { TFunction } from 'i18next';

type DateFormatting = NonNullable<DatePickerProps['dateTimeFormatter']>;

/**
 * The date picker's texts in the reader's language: month and day names from Intl, and its buttons and
 * screen-reader labels ("Go to today", "Selected date …") from the tab's catalogue — Fluent's
 * defaults are English only.
 */
export function calendarStrings(locale: string, t: TFunction): CalendarStrings {
  const month = (style: 'long' | 'short') =>
    Array.from({ length: 12 }, (_, m) => new Intl.DateTimeFormat(locale, { month: style }).format(new Date(2024, m, 1)));
  // 7 January 2024 was a Sunday: the picker's week starts its name lists on Sunday.
  const day = (style: 'long' | 'narrow') =>
    Array.from({ length: 7 }, (_, d) => new Intl.DateTimeFormat(locale, { weekday: style }).format(new Date(2024, 0, 7 + d)));
  return {
    ...defaultDatePickerStrings,
    months: month('long'),
    shortMonths: month('short'),
    days: day('long'),
    shortDays: day('narrow'),
    goToToday: t('calendar.goToToday'),
    prevMonthAriaLabel: t('calendar.prevMonth'),
    nextMonthAriaLabel: t('calendar.nextMonth'),
    prevYearAriaLabel: t('calendar.prevYear'),
    nextYearAriaLabel: t('calendar.nextYear'),
    prevYearRangeAriaLabel: t('calendar.prevYearRange'),
    nextYearRangeAriaLabel: t('calendar.nextYearRange'),
    closeButtonAriaLabel: t('calendar.close'),
    // Fluent fills `{0}` itself.
    selectedDateFormatString: t('calendar.selectedDate'),
    todayDateFormatString: t('calendar.todayDate'),
    monthPickerHeaderAriaLabel: t('calendar.monthPickerHeader'),
    yearPickerHeaderAriaLabel: t('calendar.yearPickerHeader'),
    weekNumberFormatString: t('calendar.weekNumber'),
    dayMarkedAriaLabel: t('calendar.dayMarked'),
  };
}

/** Dates the picker writes into its labels ("2 december 2026", not "december 2, 2026"), in the reader's order. */
export function calendarFormatter(locale: string): DateFormatting {
  const format = (options: Intl.DateTimeFormatOptions) => (date: Date) => new Intl.DateTimeFormat(locale, options).format(date);
  return {
    formatDay: (date) => String(date.getDate()),
    formatMonth: format({ month: 'long' }),
    formatYear: (date) => String(date.getFullYear()),
    formatMonthDayYear: format({ day: 'numeric', month: 'long', year: 'numeric' }),
    formatMonthYear: format({ month: 'long', year: 'numeric' }),
  };
}

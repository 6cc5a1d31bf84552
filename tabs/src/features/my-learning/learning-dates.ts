import { useMemo } from 'react';

/** A day as the reader writes it ("3 Dec 2026", "3 dec 2026"), in their own zone. */
export function useShortDate(locale: string): (iso: string) => string {
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
    return (iso: string) => format.format(new Date(iso));
  }, [locale]);
}

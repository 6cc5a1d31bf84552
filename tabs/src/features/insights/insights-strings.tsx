import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { insightsEn } from './i18n/en';
import { insightsNl } from './i18n/nl';

export const INSIGHTS_NS = 'insights';

/**
 * Adds the view's texts to the app's i18next instance before its parts render. They travel in the
 * view's lazy chunk rather than in the app's catalogue, so the board's first download does not grow.
 */
export function WithInsightsStrings({ children }: { readonly children: ReactNode }) {
  const { i18n } = useTranslation();
  if (!i18n.hasResourceBundle('en', INSIGHTS_NS)) i18n.addResourceBundle('en', INSIGHTS_NS, insightsEn);
  if (!i18n.hasResourceBundle('nl', INSIGHTS_NS)) i18n.addResourceBundle('nl', INSIGHTS_NS, insightsNl);
  return <>{children}</>;
}

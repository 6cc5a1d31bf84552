import type { Locale } from '../domain/person';
import type { Kudos } from '../domain/kudos';
import { adaptiveCard, heading, paragraph } from './adaptive-card';
import type { AdaptiveCard } from './adaptive-card';
import { clip } from './session-text';
import { st } from './session-strings';

interface KudosView {
  readonly kudos: Kudos;
  readonly fromName: string;
  readonly toName: string;
  readonly sessionTitle?: string;
}

/** A thank-you in the channel: celebrates who helped, never ranks who did not. */
export function kudosCard(view: KudosView, locale: Locale): AdaptiveCard {
  return adaptiveCard([
    heading(st(locale, 'kudosTitle', { to: clip(view.toName || '—', 80) })),
    ...(view.kudos.message ? [paragraph(clip(view.kudos.message, 280))] : []),
    ...(view.sessionTitle ? [paragraph(st(locale, 'kudosForSession', { title: clip(view.sessionTitle, 120) }), true)] : []),
    paragraph(st(locale, 'kudosFrom', { from: clip(view.fromName || '—', 80) }), true),
  ]);
}

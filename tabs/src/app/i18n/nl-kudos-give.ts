import type { enKudosGive } from './en-kudos-give';

type Section<T> = { readonly [K in keyof T]: T[K] extends string ? string : Section<T[K]> };

/** Complimenten geven vanuit het tabblad (issue #12), `kudos.give` van `nl.ts`. */
export const nlKudosGive: Section<typeof enKudosGive> = {
  open: 'Kudos geven',
  close: 'Sluiten',
  title: 'Kudos geven',
  loading: 'Je collega’s laden…',
  to: 'Wie wil je bedanken?',
  toPlaceholder: 'Kies een collega',
  message: 'Je bedankje',
  messageHint: '{{count}} van {{max}} tekens. Het komt in het kanaal van het team en op de muur.',
  skill: 'Vaardigheid (optioneel)',
  skillHint: 'Waarmee heeft diegene je geholpen? Bijv. Excel',
  submit: 'Kudos versturen',
  sending: 'Bezig met versturen…',
  sent: 'Je bedankje is verstuurd naar {{name}}. Het verschijnt in het kanaal van het team.',
  failed: 'Je kudos zijn niet verstuurd.',
  invalid: 'Kijk de gemarkeerde velden hieronder na.',
  problems: {
    toRequired: 'Kies wie je wilt bedanken.',
    toSelf: 'Complimenten zijn voor collega’s, niet voor jezelf.',
    toNotMember: 'Je kunt alleen leden van dit team bedanken.',
    messageRequired: 'Schrijf een kort bedankje.',
    messageTooLong: 'Houd je bedankje op hoogstens {{max}} tekens.',
    skillInvalid: 'Gebruik een vaardigheid van hoogstens {{max}} tekens, met minstens één letter of cijfer.',
    channelUnknown: 'Kies een van de kanalen van het team.',
  },
};

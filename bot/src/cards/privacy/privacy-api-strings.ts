/** The texts of the privacy API's refusals (DESIGN F13: export and erase of one's own data), in English and Dutch. */
const en = {
  failure_linkInvalid: 'This download link has expired or is not valid. Please ask for a new export link in PeerLearn.',
  failure_notYours: 'This download link belongs to someone else. Only the person it was made for can use it.',
  failure_confirmationRequired: 'Erasing your data cannot be undone. Please confirm that you want to erase it.',
};

const nl: typeof en = {
  failure_linkInvalid: 'Deze downloadlink is verlopen of ongeldig. Vraag in PeerLearn een nieuwe exportlink aan.',
  failure_notYours: 'Deze downloadlink is van iemand anders. Alleen de persoon voor wie hij is gemaakt kan hem gebruiken.',
  failure_confirmationRequired: 'Het wissen van je gegevens kan niet ongedaan worden gemaakt. Bevestig dat je ze wilt wissen.',
};

export const privacyApiStrings = { en, nl } as const;

/** The privacy cards' texts (DESIGN F13): export and erase through the bot, in English and Dutch. */
const en = {
  onlyInPersonalChat: 'Your data is yours alone: ask me in our personal chat (open PeerLearn under Apps, or click my name).',
  noPerson: 'I could not tell who you are here, so I did not look anything up. Please try again from Teams.',
  exportTitle: 'Your data from PeerLearn',
  exportIntro:
    'This link downloads everything PeerLearn stores that names you, as one JSON file: your profile and skills, teams, sessions, RSVPs, questions, feedback, kudos, tips, learning requests and delivery records.',
  exportValidUntil: 'The link works for 15 minutes, until {{time}} (UTC), and only for you.',
  exportButton: 'Download my data',
  eraseTitle: 'Erase your data from PeerLearn?',
  eraseIntro:
    'Afterwards nothing in PeerLearn names you: not your profile and skills, not expert search, not the board, not insights (counts stay, without you). Cards already posted show “a former colleague” at their next update.',
  eraseSessions: 'Sessions you host stay for the team, without you as host.',
  eraseContributionsLabel: 'Your tips and learning requests',
  eraseContributionsAnonymise: 'Keep them for the team, without my name',
  eraseContributionsRemove: 'Remove them',
  eraseConfirmHeading: 'Confirmation',
  eraseConfirmLabel: 'I understand that this cannot be undone',
  eraseButton: 'Erase my data',
  keepButton: 'Keep my data',
  eraseNotConfirmed: 'Nothing was erased: tick “I understand that this cannot be undone” first.',
  eraseBadChoice: 'Nothing was erased: choose what happens to your tips and learning requests.',
  erasedTitle: 'Your data was erased',
  erasedBody: 'PeerLearn no longer stores anything that names you ({{removed}} removed, {{anonymised}} kept for the team without you).',
  erasedNothing: 'PeerLearn stores nothing that names you; there was nothing left to erase.',
  erasedAgain: 'If you use PeerLearn again, it will start a new profile for you.',
  keptTitle: 'Nothing was erased',
  keptBody: 'Your data stays as it is. Type **delete my data** whenever you change your mind.',
  failure_linkInvalid: 'This download link has expired or is not valid. Please ask for a new export link in PeerLearn.',
  failure_notYours: 'This download link belongs to someone else. Only the person it was made for can use it.',
  failure_confirmationRequired: 'Erasing your data cannot be undone. Please confirm that you want to erase it.',
} as const;

type StringKey = keyof typeof en;

const nl: Record<StringKey, string> = {
  onlyInPersonalChat:
    'Je gegevens zijn alleen van jou: vraag het me in ons persoonlijke gesprek (open PeerLearn onder Apps, of klik op mijn naam).',
  noPerson: 'Ik kon hier niet zien wie je bent, dus ik heb niets opgezocht. Probeer het opnieuw vanuit Teams.',
  exportTitle: 'Je gegevens uit PeerLearn',
  exportIntro:
    'Met deze link download je alles wat PeerLearn over jou bewaart, als één JSON-bestand: je profiel en vaardigheden, teams, sessies, aanmeldingen, vragen, feedback, kudos, tips, leervragen en bezorgrecords.',
  exportValidUntil: 'De link werkt 15 minuten, tot {{time}} (UTC), en alleen voor jou.',
  exportButton: 'Mijn gegevens downloaden',
  eraseTitle: 'Je gegevens uit PeerLearn wissen?',
  eraseIntro:
    'Daarna noemt niets in PeerLearn jou nog: niet je profiel en vaardigheden, niet het zoeken naar experts, niet het bord, niet de inzichten (aantallen blijven, zonder jou). Kaarten die al geplaatst zijn tonen bij hun volgende update “een voormalige collega”.',
  eraseSessions: 'Sessies die jij host blijven voor het team, zonder jou als host.',
  eraseContributionsLabel: 'Je tips en leervragen',
  eraseContributionsAnonymise: 'Bewaar ze voor het team, zonder mijn naam',
  eraseContributionsRemove: 'Verwijder ze',
  eraseConfirmHeading: 'Bevestiging',
  eraseConfirmLabel: 'Ik begrijp dat dit niet ongedaan kan worden',
  eraseButton: 'Mijn gegevens wissen',
  keepButton: 'Mijn gegevens bewaren',
  eraseNotConfirmed: 'Er is niets gewist: vink eerst “Ik begrijp dat dit niet ongedaan kan worden” aan.',
  eraseBadChoice: 'Er is niets gewist: kies wat er met je tips en leervragen gebeurt.',
  erasedTitle: 'Je gegevens zijn gewist',
  erasedBody: 'PeerLearn bewaart niets meer dat jou noemt ({{removed}} verwijderd, {{anonymised}} bewaard voor het team zonder jou).',
  erasedNothing: 'PeerLearn bewaart niets dat jou noemt; er was niets meer te wissen.',
  erasedAgain: 'Gebruik je PeerLearn opnieuw, dan begint het een nieuw profiel voor je.',
  keptTitle: 'Er is niets gewist',
  keptBody: 'Je gegevens blijven zoals ze zijn. Typ **verwijder mijn gegevens** als je van gedachten verandert.',
  failure_linkInvalid: 'Deze downloadlink is verlopen of ongeldig. Vraag in PeerLearn een nieuwe exportlink aan.',
  failure_notYours: 'Deze downloadlink is van iemand anders. Alleen de persoon voor wie hij is gemaakt kan hem gebruiken.',
  failure_confirmationRequired: 'Het wissen van je gegevens kan niet ongedaan worden gemaakt. Bevestig dat je ze wilt wissen.',
};

export const privacyStrings = { en, nl };

/** Every user-facing text of the bot's cards and messages, in English and Dutch. */
const en = {
  welcomeTeamTitle: 'PeerLearn is here 🎓',
  welcomeTeamIntro:
    'About 70% of what we learn at work we learn from each other. PeerLearn helps this team share what it knows: find who knows what, plan short learning sessions, and thank the people who teach.',
  welcomeTeamStart: 'Start small: a 15-minute knowledge bite, or pair up with one colleague.',
  welcomePersonalTitle: 'Hi {{name}}, welcome to PeerLearn 👋',
  welcomePersonalIntro: 'Here you keep track of your own learning: the sessions you go to, what you can teach and what you want to learn.',
  helpTitle: 'What I can do',
  helpIntro: 'Type a command, in English or Dutch:',
  helpCommandHelp: 'Show this overview',
  helpCommandNewSession: 'Plan a learning session and invite a channel',
  helpCommandMySessions: 'The sessions you host or go to',
  helpCommandWhoKnows: 'Find colleagues who know X',
  helpCommandMySkills: 'Add what you can teach; a level 1–3 after a skill sets it (TypeScript 3)',
  helpCommandMySkillsOnly: 'Replace the whole list of what you can teach',
  helpCommandThanks: 'Thank a colleague who helped you',
  helpCommandWantToLearn: 'Ask the team to learn X: others +1 it, someone who knows it can teach it',
  helpCommandRequestAlerts: 'Turn off (or on) the message you get, at most once a day, when someone asks to learn a skill you teach',
  helpCommandExportMyData: 'Download everything PeerLearn stores about you',
  helpCommandDeleteMyData: 'Erase your data from PeerLearn',
  helpCommandBuddy: 'Take part in learning buddies (pause: skip the next round; stop: stop taking part)',
  helpCommandMyBuddy: 'Your learning buddy now, and your choices',
  formerColleague: 'a former colleague',
  helpTabHint: 'Open the PeerLearn tab to see the team’s upcoming sessions.',
  helpButton: 'Help',
  unknownCommand: 'Sorry, I don’t know “{{text}}” yet. Type **help** to see what I can do.',
  emptyMessage: 'Type **help** to see what I can do.',
  errorMessage: 'Something went wrong on my side. Please try again in a moment.',
  storageUnavailable: 'PeerLearn could not save this just now; please try again in a minute.',
  invokeNotAvailable: 'PeerLearn cannot do this yet.',
  unknownCardAction: 'PeerLearn does not know this button (“{{verb}}”). Try refreshing the card.',
} as const;

type StringKey = keyof typeof en;

const nl: Record<StringKey, string> = {
  welcomeTeamTitle: 'PeerLearn is er 🎓',
  welcomeTeamIntro:
    'Zo’n 70% van wat we op het werk leren, leren we van elkaar. PeerLearn helpt dit team kennis te delen: zie wie wat weet, plan korte leersessies en bedank de collega’s die lesgeven.',
  welcomeTeamStart: 'Begin klein: een kennishapje van 15 minuten, of koppel jezelf aan één collega.',
  welcomePersonalTitle: 'Hoi {{name}}, welkom bij PeerLearn 👋',
  welcomePersonalIntro:
    'Hier houd je je eigen leren bij: de sessies waar je heen gaat, wat je anderen kunt leren en wat je zelf wilt leren.',
  helpTitle: 'Wat ik kan',
  helpIntro: 'Typ een opdracht, in het Nederlands of Engels:',
  helpCommandHelp: 'Dit overzicht tonen',
  helpCommandNewSession: 'Een leersessie plannen en een kanaal uitnodigen',
  helpCommandMySessions: 'De sessies die je geeft of bijwoont',
  helpCommandWhoKnows: 'Collega’s vinden die verstand hebben van X',
  helpCommandMySkills: 'Toevoegen wat je anderen kunt leren; een niveau 1–3 na een vaardigheid zet dat (TypeScript 3)',
  helpCommandMySkillsOnly: 'De hele lijst vervangen van wat je anderen kunt leren',
  helpCommandThanks: 'Een collega bedanken die je heeft geholpen',
  helpCommandWantToLearn: 'Het team vragen om X te leren: anderen geven een +1, wie het kent kan het uitleggen',
  helpCommandRequestAlerts:
    'Het bericht uit- (of aan)zetten dat je hoogstens één keer per dag krijgt als iemand iets wil leren wat jij anderen kunt leren',
  helpCommandExportMyData: 'Download alles wat PeerLearn over jou bewaart',
  helpCommandDeleteMyData: 'Wis je gegevens uit PeerLearn',
  helpCommandBuddy: 'Doe mee met leerbuddy’s (buddy pauze: sla de volgende ronde over; koppel stop: stop met meedoen)',
  helpCommandMyBuddy: 'Je leerbuddy nu, en je keuzes',
  formerColleague: 'een voormalige collega',
  helpTabHint: 'Open het PeerLearn-tabblad om de komende sessies van het team te zien.',
  helpButton: 'Hulp',
  unknownCommand: 'Sorry, “{{text}}” ken ik nog niet. Typ **hulp** om te zien wat ik kan.',
  emptyMessage: 'Typ **hulp** om te zien wat ik kan.',
  errorMessage: 'Er ging aan mijn kant iets mis. Probeer het zo nog eens.',
  storageUnavailable: 'PeerLearn kon dit nu even niet opslaan; probeer het over een minuut opnieuw.',
  invokeNotAvailable: 'Dit kan PeerLearn nog niet.',
  unknownCardAction: 'PeerLearn kent deze knop niet (“{{verb}}”). Probeer de kaart te vernieuwen.',
};

/** The `common` namespace of the cards' i18next catalogue (cards/shared/i18n.ts). */
export const commonStrings = { en, nl };

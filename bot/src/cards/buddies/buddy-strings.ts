/** The learning buddies' texts (DESIGN F8), in English and Dutch: cards, bot answers and refusals. */
const en = {
  failure_teamUnknown: 'I do not know that team. Is PeerLearn installed in it?',
  failure_notInstalled: 'PeerLearn was removed from this team, so it has no learning buddies any more.',
  failure_notMember: 'Only members of this team can take part in its learning buddies.',
  failure_ownersOnly: 'Only the team’s owners can do this.',
  failure_invalid: 'Some of the details are not right.',
  failure_noRound: 'There has been no buddy round in this team yet.',
  failure_notInRound: 'You were not paired in this round, so there is nothing for you to answer.',
  problem_notBoolean: 'Choose yes or no.',
  problem_notAList: 'Give a list.',
  problem_empty: 'Choose at least one.',
  problem_unknownValue: 'This is not one of the choices.',
  problem_outOfRange: 'This is not one of the choices.',
  problem_badTime: 'Give a time as HH:mm, for example 09:30.',
  problem_unknownField: 'This is not something you can set here.',
  problem_notAnObject: 'Send the settings as a JSON object.',
};

const nl: Record<keyof typeof en, string> = {
  failure_teamUnknown: 'Dat team ken ik niet. Is PeerLearn daar geïnstalleerd?',
  failure_notInstalled: 'PeerLearn is uit dit team verwijderd, dus er zijn geen leerbuddy’s meer.',
  failure_notMember: 'Alleen leden van dit team kunnen meedoen met de leerbuddy’s.',
  failure_ownersOnly: 'Alleen de eigenaren van het team kunnen dit doen.',
  failure_invalid: 'Een paar gegevens kloppen niet.',
  failure_noRound: 'Er is in dit team nog geen buddyronde geweest.',
  failure_notInRound: 'Je bent in deze ronde niet gekoppeld, dus je hoeft niets te antwoorden.',
  problem_notBoolean: 'Kies ja of nee.',
  problem_notAList: 'Geef een lijst.',
  problem_empty: 'Kies er minstens één.',
  problem_unknownValue: 'Dit is geen van de keuzes.',
  problem_outOfRange: 'Dit is geen van de keuzes.',
  problem_badTime: 'Geef een tijd als UU:mm, bijvoorbeeld 09:30.',
  problem_unknownField: 'Dit kun je hier niet instellen.',
  problem_notAnObject: 'Stuur de instellingen als JSON-object.',
};

export const buddyStrings = { en, nl } as const;

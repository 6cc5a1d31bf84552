import type { Messages } from './en';

/** De privacyverklaring en de gebruiksvoorwaarden (Nederlands), een sectie van `nl.ts`. */
export const nlLegal: Messages['legal'] = {
  switchLanguage: 'English',
  switchLanguageLabel: 'Read this page in English',
  privacyLink: 'Privacyverklaring',
  termsLink: 'Gebruiksvoorwaarden',
  privacy: {
    title: 'Privacyverklaring van PeerLearn',
    intro:
      'PeerLearn is de app van je organisatie in Microsoft Teams om van elkaar te leren. Op deze pagina staat eenvoudig wat de app over jou bewaart, waarom, hoe lang, wie het ziet, en hoe je er een kopie van krijgt of het laat verwijderen.',
    storesHeading: 'Wat PeerLearn bewaart',
    storesProfile:
      'Je profiel: je naam en taal zoals Teams die doorgeeft, de vaardigheden die je kunt uitleggen (met een niveau) en wilt leren, je beschrijving, de talen waarin je lesgeeft, wanneer je beschikbaar bent, en aanbevelingen van je vaardigheden.',
    storesMemberships:
      'Je lidmaatschap van elk team waarin PeerLearn is geïnstalleerd, met je weergavenaam en of je eigenaar van het team bent, zodat de app weet wie er in het team zit.',
    storesSessions:
      'Sessies die je plant, organiseert, geeft of leidt; je aanmeldingen (ik kom, misschien, ik kan niet, wachtlijst); vragen die je vooraf aan de organisator stuurt (zonder je naam als je anoniem vraagt); en de feedback die je na afloop geeft.',
    storesContributions: 'Bedankjes die je geeft en krijgt, tips en lesmateriaal die je deelt, en leervragen die je stelt of een +1 geeft.',
    storesDelivery:
      'Bezorgregistraties van de kaarten die PeerLearn in kanalen en chats plaatst (welk gesprek, welke kaart, of die aankwam), zodat geen kaart twee keer verschijnt en een mislukte plaatsing opnieuw kan.',
    storesNothingElse: 'Verder niets: PeerLearn leest je mail, je bestanden en je agenda niet.',
    whyHeading: 'Waarom',
    why: 'Alleen om de functies te laten werken die je gebruikt: vinden wie wat weet, sessies plannen en aankondigen, herinneringen, feedback voor de organisator, bedankjes, en de anonieme inzichten van het team. Nooit voor reclame en nooit om mensen te beoordelen: een waardering ziet alleen de organisator van de sessie, en verder alleen als anoniem teamgemiddelde.',
    howLongHeading: 'Hoe lang',
    howLongTeam: 'Alles hierboven blijft bewaard zolang je team PeerLearn gebruikt.',
    howLongDelivery:
      'Bezorgregistraties en idempotentieregistraties (die voorkomen dat een verzoek twee keer wordt uitgevoerd) worden na 30 dagen verwijderd.',
    howLongUninstall:
      'Wordt PeerLearn uit een team verwijderd, dan verdwijnen de lidmaatschappen van dat team en de adressen waarmee PeerLearn daar berichten plaatste.',
    howLongErase: 'Laat je je gegevens verwijderen, dan gebeurt dat meteen (zie hieronder).',
    whoHeading: 'Wie wat ziet',
    whoTeam:
      'Leden van je teams zien je profiel en vaardigheden, de sessies die je organiseert, geeft of leidt, wie er komt, en de bedankjes, tips en leervragen in het team.',
    whoOrganisation:
      'Collega’s in je organisatie kunnen je via je vaardigheden vinden bij het zoeken naar experts, en zien sessies die voor de hele organisatie openstaan.',
    whoHost:
      'Alleen de organisator van een sessie ziet de feedback erop en de vragen die vooraf zijn gestuurd (anonieme vragen zonder naam).',
    whoOwners: 'Teameigenaren zien de anonieme inzichten van het team en mogen tips verwijderen en leervragen sluiten in hun team.',
    whoOutside: 'Niemand buiten je organisatie: PeerLearn bewaart zijn gegevens in de eigen Azure-opslag van je organisatie.',
    rightsHeading: 'Een kopie krijgen of je gegevens verwijderen',
    rightsExport:
      'Een kopie: open in PeerLearn Mijn profiel → Privacy → Mijn gegevens downloaden, of stuur de PeerLearn-bot “exporteer mijn gegevens” (in het Engels “export my data”). Je krijgt een JSON-bestand met alles wat PeerLearn bewaart waarin jij genoemd wordt.',
    rightsErase:
      'Verwijderen: Mijn profiel → Privacy → Mijn gegevens wissen, of stuur de bot “verwijder mijn gegevens” (in het Engels “delete my data”). Daarna noemt niets in PeerLearn je nog: waar je naam stond, staat “een voormalige collega”, en aantallen blijven staan zonder je naam. Je kiest zelf of je tips en leervragen blijven staan zonder je naam of worden verwijderd.',
    rightsQuestions: 'Vragen over je gegevens? Stel ze aan de mensen in je organisatie die de apps in Microsoft Teams beheren.',
  },
  terms: {
    title: 'Gebruiksvoorwaarden van PeerLearn',
    intro:
      'PeerLearn is een intern hulpmiddel van je organisatie om van elkaar te leren. Door het te gebruiken ga je akkoord met deze voorwaarden.',
    use: 'Gebruik PeerLearn om op het werk te leren en kennis te delen. Wees vriendelijk en opbouwend: feedback is er om een collega te helpen, niet om te oordelen.',
    content:
      'Deel alleen wat je mag delen: geen vertrouwelijke informatie die het team niet mag zien, niets kwetsends, en niets dat de rechten van een ander schendt.',
    policies: 'De eigen regels van je organisatie voor IT-gebruik en gedrag gelden hier, net als overal in Microsoft Teams.',
    owners: 'Teameigenaren mogen tips verwijderen en leervragen sluiten in hun team als die er niet thuishoren.',
    asIs: 'PeerLearn wordt aangeboden zoals het is, zonder belofte dat het altijd beschikbaar of foutloos is. Sessies spreken collega’s onderling af; PeerLearn helpt alleen bij het organiseren.',
    privacy: 'Hoe PeerLearn met je gegevens omgaat, staat in de privacyverklaring.',
    changes: 'Deze voorwaarden kunnen veranderen; de versie op deze pagina is de versie die geldt.',
  },
};

/**
 * The privacy statement and the terms of use (English), a section of `en.ts`. Kept in their own file
 * because they are long; the keys are named, not numbered, so a page lists them in a fixed order.
 * What the statement says must match what the service stores (bot/src/domain/privacy/personal-data.ts).
 */
export const enLegal = {
  switchLanguage: 'Nederlands',
  switchLanguageLabel: 'Lees deze pagina in het Nederlands',
  privacyLink: 'Privacy statement',
  termsLink: 'Terms of use',
  privacy: {
    title: 'PeerLearn privacy statement',
    intro:
      'PeerLearn is the peer-learning app of your organisation in Microsoft Teams. This page says plainly what it stores about you, why, for how long, who sees it, and how you take a copy or erase it.',
    storesHeading: 'What PeerLearn stores',
    storesProfile:
      'Your profile: your name and language as Teams gives them, the skills you can teach (with a level) and want to learn, your bio, the languages you teach in, when you are available, and endorsements of your skills.',
    storesMemberships:
      'Your membership of each team where PeerLearn is installed, with your display name and whether you own the team, so the app knows who is in the team.',
    storesSessions:
      'Sessions you plan, host, teach or lead; your RSVPs (going, maybe, can’t, waiting list); questions you send a host before a session (without your name when you ask anonymously); and the feedback you give afterwards.',
    storesContributions: 'Kudos you give and receive, tips and training material you share, and learning requests you ask for or +1.',
    storesDelivery:
      'Delivery records for the cards PeerLearn posts in channels and chats (which conversation, which card, whether it arrived), so that no card is posted twice and a failed post can be tried again.',
    storesNothingElse: 'Nothing else: PeerLearn does not read your mail, your files or your calendar.',
    whyHeading: 'Why',
    why: 'Only to run the features you use: finding who knows what, planning and announcing sessions, reminders, feedback for the host, thanks, and the team’s anonymous insights. Never for advertising and never to judge people: a rating is seen only by the session’s host and in anonymous team averages.',
    howLongHeading: 'How long',
    howLongTeam: 'Everything above is kept while your team uses PeerLearn.',
    howLongDelivery:
      'Delivery records and idempotency records (which stop a request from being carried out twice) are deleted after 30 days.',
    howLongUninstall:
      'When PeerLearn is removed from a team, that team’s memberships and the addresses PeerLearn used to post there are removed.',
    howLongErase: 'When you erase your data, it is erased at once (see below).',
    whoHeading: 'Who sees what',
    whoTeam:
      'Members of your teams see your profile and skills, the sessions you host, teach or lead, who is going, and the kudos, tips and learning requests in the team.',
    whoOrganisation:
      'Colleagues in your organisation can find you in expert search by your skills, and see sessions that are open to the whole organisation.',
    whoHost: 'Only a session’s host sees the feedback on it and the questions sent in advance (anonymous questions without a name).',
    whoOwners: 'Team owners see the team’s anonymous insights and may remove tips and close learning requests in their team.',
    whoOutside: 'Nobody outside your organisation: PeerLearn keeps its data in your organisation’s own Azure storage.',
    rightsHeading: 'Take a copy or erase your data',
    rightsExport:
      'A copy: in PeerLearn open My profile → Privacy → Download my data, or send the PeerLearn bot “export my data” (in Dutch “exporteer mijn gegevens”). You get a JSON file with everything PeerLearn stores that names you.',
    rightsErase:
      'Erase: My profile → Privacy → Erase my data, or send the bot “delete my data” (in Dutch “verwijder mijn gegevens”). Afterwards nothing in PeerLearn names you: where your name stood it says “a former colleague”, and counts stay without your name. You choose whether your tips and learning requests stay without your name or are removed.',
    rightsQuestions: 'Questions about your data? Ask the people in your organisation who manage Microsoft Teams apps.',
  },
  terms: {
    title: 'PeerLearn terms of use',
    intro: 'PeerLearn is an internal tool of your organisation for learning from each other. By using it you agree to these terms.',
    use: 'Use PeerLearn for learning and sharing knowledge at work. Be kind and constructive: feedback is there to help a colleague, not to judge them.',
    content:
      'Share only what is yours to share: no confidential information the team may not see, nothing offensive, and nothing that infringes someone else’s rights.',
    policies: 'Your organisation’s own rules for IT use and conduct apply here, as they do everywhere in Microsoft Teams.',
    owners: 'Team owners may remove tips and close learning requests in their team that do not belong there.',
    asIs: 'PeerLearn is provided as is, without a promise that it is always available or free of errors. Sessions are arranged between colleagues; PeerLearn only helps to organise them.',
    privacy: 'How PeerLearn handles your data is described in the privacy statement.',
    changes: 'These terms may change; the version on this page is the one that applies.',
  },
};

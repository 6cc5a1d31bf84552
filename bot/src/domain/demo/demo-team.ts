import type { MemberProfile, SkillLevel, TeachSkill } from '../experts/member';
import type { Feedback, LearningSession, Rsvp, RsvpResponse, SessionFormat } from '../sessions/session';
import { coTeachersOf } from '../sessions/session';
import type { Kudos } from '../kudos/kudos';
import type { LearningRequest, LearningRequestVote } from '../requests/learning-request';
import type { Membership, Team, Tenant } from '../teams/team';
import type { Tip } from '../tips/tip';

/**
 * The demo team a newcomer sees on first start. It lives in the Microsoft 365 Agents Playground's
 * tenant, team and channels, with the Playground's users (by their aadObjectId) among the members,
 * so the bot in the Playground and the tab in a browser show one living team.
 */
export const DEMO_TENANT_ID = '00000000-0000-0000-0000-0000000000001';
export const DEMO_TEAM_ID = 'team-id';
export const DEMO_CHANNELS = [
  { channelId: 'team-id', name: 'General' },
  { channelId: 'channel-announcements-id', name: 'Announcements' },
] as const;

interface DemoPerson {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly locale: string;
  readonly bio: string;
  readonly teaches: readonly [string, SkillLevel][];
  readonly wants: readonly string[];
  readonly languages: readonly string[];
  readonly availability: string;
}

const pg = (n: number) => `00000000-0000-0000-0000-000000000002${n}`;
const nl = (n: number) => `6f1c2a10-7d3e-4b8a-9c21-0000000001${String(n).padStart(2, '0')}`;

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    userId: pg(0),
    name: 'Alex Wilber',
    email: 'alexw@example.com',
    locale: 'en-US',
    bio: 'Team lead. Loves a good retrospective.',
    teaches: [
      ['Agile', 3],
      ['Facilitation', 2],
    ],
    wants: ['Power BI'],
    languages: ['English', 'Dutch'],
    availability: 'Tuesday and Thursday afternoons',
  },
  {
    userId: pg(1),
    name: 'Megan Bowen',
    email: 'meganb@example.com',
    locale: 'en-US',
    bio: 'Front-end developer; TypeScript all day.',
    teaches: [
      ['TypeScript', 3],
      ['React', 3],
      ['Accessibility', 2],
    ],
    wants: ['Azure'],
    languages: ['English'],
    availability: 'Mornings',
  },
  {
    userId: pg(2),
    name: 'Adele Vance',
    email: 'adelev@example.com',
    locale: 'en-US',
    bio: 'Accessibility champion and UX researcher.',
    teaches: [
      ['Accessibility', 3],
      ['User research', 3],
      ['Figma', 2],
    ],
    wants: ['SQL'],
    languages: ['English', 'French'],
    availability: 'Wednesdays',
  },
  {
    userId: pg(3),
    name: 'Isaiah Langer',
    email: 'isaiahl@example.com',
    locale: 'en-US',
    bio: 'Cloud engineer. Ask me about Azure Functions.',
    teaches: [
      ['Azure', 3],
      ['Python', 2],
      ['SQL', 2],
    ],
    wants: ['Presenting'],
    languages: ['English'],
    availability: 'Friday mornings',
  },
  {
    userId: pg(4),
    name: 'Patti Fernandez',
    email: 'pattif@example.com',
    locale: 'en-US',
    bio: 'Customer success; I talk to customers every day.',
    teaches: [
      ['Customer conversations', 3],
      ['Excel', 2],
    ],
    wants: ['Power BI', 'Accessibility'],
    languages: ['English', 'Spanish'],
    availability: 'Lunch breaks',
  },
  {
    userId: pg(5),
    name: 'Lynne Robbins',
    email: 'lynner@example.com',
    locale: 'en-US',
    bio: 'Product owner, new to the team.',
    teaches: [['Scrum', 2]],
    wants: ['TypeScript', 'Feedback'],
    languages: ['English'],
    availability: 'Any afternoon',
  },
  {
    userId: nl(1),
    name: 'Sanne de Vries',
    email: 'sanne@example.com',
    locale: 'nl-NL',
    bio: 'Financieel analist. Excel is mijn tweede taal.',
    teaches: [
      ['Excel', 3],
      ['Power BI', 2],
    ],
    wants: ['Python'],
    languages: ['Nederlands', 'English'],
    availability: 'Maandag- en woensdagochtend',
  },
  {
    userId: nl(2),
    name: 'Daan Jansen',
    email: 'daan@example.com',
    locale: 'nl-NL',
    bio: 'Backend-ontwikkelaar, houdt van databases.',
    teaches: [
      ['SQL', 3],
      ['TypeScript', 2],
    ],
    wants: ['Facilitation'],
    languages: ['Nederlands', 'English'],
    availability: 'Donderdagmiddag',
  },
  {
    userId: nl(3),
    name: 'Fatima El Amrani',
    email: 'fatima@example.com',
    locale: 'nl-NL',
    bio: 'Data engineer; van ruwe data naar inzicht.',
    teaches: [
      ['SQL', 3],
      ['Python', 3],
    ],
    wants: ['Presenting'],
    languages: ['Nederlands', 'English', 'Arabic'],
    availability: 'Dinsdag',
  },
  {
    userId: nl(4),
    name: 'Joris van den Berg',
    email: 'joris@example.com',
    locale: 'nl-NL',
    bio: 'BI-specialist en dashboardfanaat.',
    teaches: [
      ['Power BI', 3],
      ['Excel', 2],
    ],
    wants: ['Azure'],
    languages: ['Nederlands'],
    availability: 'Vrijdagmiddag',
  },
  {
    userId: nl(5),
    name: 'Noor Bakker',
    email: 'noor@example.com',
    locale: 'nl-NL',
    bio: 'HR-adviseur; coach in feedback geven.',
    teaches: [
      ['Feedback', 3],
      ['Facilitation', 3],
    ],
    wants: ['Excel'],
    languages: ['Nederlands', 'English'],
    availability: 'Lunchpauzes',
  },
  {
    userId: nl(6),
    name: 'Pieter Visser',
    email: 'pieter@example.com',
    locale: 'nl-NL',
    bio: 'Net begonnen als junior developer.',
    teaches: [],
    wants: ['TypeScript', 'SQL', 'Azure'],
    languages: ['Nederlands'],
    availability: 'Elke middag',
  },
  {
    userId: nl(7),
    name: 'Eva Smit',
    email: 'eva@example.com',
    locale: 'nl-NL',
    bio: 'Communicatieadviseur en spreekcoach.',
    teaches: [
      ['Presenting', 3],
      ['Writing', 2],
    ],
    wants: ['Figma'],
    languages: ['Nederlands', 'English', 'Deutsch'],
    availability: 'Woensdagmiddag',
  },
];

interface DemoSessionSpec {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly skills: readonly string[];
  readonly format: SessionFormat;
  /** Days from the seed moment (negative: in the past). */
  readonly day: number;
  /** Hour of day in UTC. */
  readonly hour: number;
  readonly minutes: number;
  readonly host: number;
  readonly teachers: readonly number[];
  readonly leader?: number;
  readonly capacity: number | null;
  readonly onlineUrl?: string;
  readonly place?: string;
  readonly openToOrganisation?: boolean;
  readonly cancelled?: boolean;
}

const TEAMS_MEETING = 'https://teams.microsoft.com/l/meetup-join/demo';

const SESSIONS: readonly DemoSessionSpec[] = [
  {
    id: 'demo-excel-pivots',
    title: 'Kennishapje: draaitabellen in 15 minuten',
    description: 'Sanne laat zien hoe je met een draaitabel in een paar klikken een rommelige export samenvat.',
    skills: ['Excel'],
    format: 'talk',
    day: -16,
    hour: 11,
    minutes: 15,
    host: 6,
    teachers: [6],
    leader: 7,
    capacity: null,
    onlineUrl: TEAMS_MEETING,
  },
  {
    id: 'demo-feedback',
    title: 'Lunch & learn: feedback geven zonder dat het pijn doet',
    description: 'Hoe geef je feedback die landt? Noor deelt een eenvoudig model en we oefenen in tweetallen.',
    skills: ['Feedback'],
    format: 'lunchAndLearn',
    day: -9,
    hour: 11,
    minutes: 45,
    host: 10,
    teachers: [10],
    leader: 4,
    capacity: 16,
    place: 'Utrecht, kantine',
  },
  {
    id: 'demo-ts-generics',
    title: 'TypeScript generics, demystified',
    description: 'A hands-on workshop: from `Array<T>` to your own generic helpers. Bring a laptop.',
    skills: ['TypeScript'],
    format: 'workshop',
    day: -3,
    hour: 13,
    minutes: 60,
    host: 1,
    teachers: [1, 7],
    leader: 5,
    capacity: 10,
    onlineUrl: TEAMS_MEETING,
  },
  {
    id: 'demo-azure-pair',
    title: 'Pair session: your first Azure Function',
    description: 'Isaiah pairs with one colleague to build and deploy a small Azure Function together.',
    skills: ['Azure'],
    format: 'pair',
    day: 1,
    hour: 9,
    minutes: 30,
    host: 3,
    teachers: [3],
    capacity: 1,
    onlineUrl: TEAMS_MEETING,
  },
  {
    id: 'demo-presenting',
    title: 'Presenteren met impact',
    description: 'Eva leert je in een uur hoe je een verhaal opbouwt en rustig voor een groep staat. Met korte oefeningen.',
    skills: ['Presenting'],
    format: 'workshop',
    day: 3,
    hour: 14,
    minutes: 60,
    host: 12,
    teachers: [12],
    leader: 9,
    capacity: 12,
    place: 'Utrecht, zaal De Dom',
  },
  {
    id: 'demo-power-bi',
    title: 'Power BI: van spreadsheet naar dashboard',
    description: 'Joris bouwt live een dashboard uit een Excel-export en beantwoordt je vragen.',
    skills: ['Power BI', 'Excel'],
    format: 'demo',
    day: 6,
    hour: 10,
    minutes: 45,
    host: 9,
    teachers: [9, 6],
    leader: 11,
    capacity: null,
    onlineUrl: TEAMS_MEETING,
  },
  {
    id: 'demo-a11y-qa',
    title: 'Q&A: ask the accessibility team anything',
    description: 'Open to the whole organisation. Send your questions in advance, anonymously if you like.',
    skills: ['Accessibility'],
    format: 'qa',
    day: 9,
    hour: 15,
    minutes: 30,
    host: 2,
    teachers: [2, 1],
    leader: 8,
    capacity: null,
    onlineUrl: TEAMS_MEETING,
    openToOrganisation: true,
  },
  {
    id: 'demo-sql-joins',
    title: 'Kennishapje: SQL-joins in 15 minuten',
    description: 'Inner, left, full: Fatima legt het verschil uit met één plaatje.',
    skills: ['SQL'],
    format: 'talk',
    day: 13,
    hour: 11,
    minutes: 15,
    host: 8,
    teachers: [8],
    capacity: null,
    onlineUrl: TEAMS_MEETING,
  },
  {
    id: 'demo-figma',
    title: 'Figma basics for non-designers',
    description: 'Moved to next quarter.',
    skills: ['Figma'],
    format: 'workshop',
    day: 4,
    hour: 13,
    minutes: 60,
    host: 2,
    teachers: [2],
    capacity: 8,
    onlineUrl: TEAMS_MEETING,
    cancelled: true,
  },
];

export interface DemoTeam {
  readonly tenant: Tenant;
  readonly team: Team;
  readonly memberships: readonly Membership[];
  readonly profiles: readonly MemberProfile[];
  readonly sessions: readonly LearningSession[];
  readonly rsvps: readonly Rsvp[];
  readonly feedback: readonly Feedback[];
  readonly kudos: readonly Kudos[];
  readonly tips: readonly Tip[];
  /** Open learning requests (DESIGN F7) and every +1 on them, the author's included. */
  readonly learningRequests: readonly LearningRequest[];
  readonly learningRequestVotes: readonly LearningRequestVote[];
}

/** Thanks on the kudos wall (from, to by index into DEMO_PEOPLE; days relative to today), in the language the giver writes in. */
const KUDOS: readonly {
  readonly from: number;
  readonly to: number;
  readonly day: number;
  readonly message: string;
  readonly sessionId?: string;
}[] = [
  {
    from: 11,
    to: 6,
    day: -15,
    sessionId: 'demo-excel-pivots',
    message: 'Dankzij je uitleg over draaitabellen kostte mijn maandrapport tien minuten in plaats van een uur!',
  },
  {
    from: 4,
    to: 10,
    day: -8,
    sessionId: 'demo-feedback',
    message: 'Thank you for the feedback lunch. I used your model in a customer call the very next day.',
  },
  { from: 7, to: 8, day: -5, message: 'Bedankt voor het meekijken naar mijn trage query: van 40 seconden naar 2!' },
  { from: 6, to: 9, day: -4, message: 'Je tip over slicers in Power BI scheelt ons elke week een vergadering. Dank je!' },
  {
    from: 5,
    to: 1,
    day: -2,
    sessionId: 'demo-ts-generics',
    message: 'Generics finally clicked for me. Thanks for your patience with all my questions!',
  },
  { from: 12, to: 2, day: -1, message: 'Thanks for checking my slides for contrast and readability before the all-hands.' },
];

/** Tips and training material (DESIGN F9) by index into DEMO_PEOPLE, days relative to today, in the author's language. */
const TIPS: readonly {
  readonly author: number;
  readonly day: number;
  readonly title: string;
  readonly body: string;
  readonly link?: string;
  readonly skills: readonly string[];
}[] = [
  {
    author: 6,
    day: -12,
    title: 'Draaitabellen in 5 minuten',
    body: 'Selecteer je data, kies Invoegen > Draaitabel en sleep een veld naar Waarden. Dubbelklik op een getal om te zien welke rijen erachter zitten.',
    link: 'https://support.microsoft.com/nl-nl/office/een-draaitabel-maken-om-werkbladgegevens-te-analyseren-a9a84538-bfe9-40a9-a8e9-f99134456576',
    skills: ['Excel'],
  },
  {
    author: 1,
    day: -9,
    title: 'Free course: TypeScript for JavaScript developers',
    body: 'Microsoft Learn has a short, hands-on path. Two evenings and the basics of types, interfaces and generics click.',
    link: 'https://learn.microsoft.com/en-us/training/paths/build-javascript-applications-typescript/',
    skills: ['TypeScript', 'JavaScript'],
  },
  {
    author: 7,
    day: -6,
    title: 'Lees het queryplan voordat je een index toevoegt',
    body: 'Met EXPLAIN (of "Geschat uitvoeringsplan" in SSMS) zie je waar de tijd echt zit. Vaak is een ontbrekende JOIN-voorwaarde de boosdoener, niet de index.',
    skills: ['SQL'],
  },
  {
    author: 2,
    day: -4,
    title: 'Check contrast before you share slides',
    body: 'Aim for a contrast ratio of at least 4.5:1 for text. The Accessibility Checker in PowerPoint (Review > Check Accessibility) finds most problems in seconds.',
    link: 'https://www.w3.org/WAI/WCAG21/Understanding/contrast-minimum.html',
    skills: ['Accessibility', 'Presenting'],
  },
  {
    author: 9,
    day: -2,
    title: 'Slicers in Power BI: één klik, minder vragen',
    body: 'Zet een slicer voor periode en afdeling bovenaan je rapport. Collega’s filteren dan zelf en jij krijgt minder "kun je even…"-verzoeken.',
    skills: ['Power BI'],
  },
  {
    author: 12,
    day: -1,
    title: 'De 10-20-30-regel voor presentaties',
    body: 'Hoogstens 10 dia’s, 20 minuten en lettergrootte 30. Wat niet past, hoort in een bijlage of een vervolgsessie.',
    skills: ['Presenting'],
  },
];

/** Open learning requests (DESIGN F7): author and voters by index into DEMO_PEOPLE (the author first), days relative to today. */
const LEARNING_REQUESTS: readonly {
  readonly skill: string;
  readonly note?: string;
  readonly voters: readonly number[];
  readonly day: number;
}[] = [
  { skill: 'Azure', note: 'Ik wil Azure Functions snappen voordat ons nieuwe project start.', voters: [11, 1, 9], day: -3 },
  { skill: 'Presenting', note: 'How do I keep a room with me for twenty minutes?', voters: [3, 8], day: -2 },
  { skill: 'Feedback', voters: [5, 11], day: -1 },
];

/** A small deterministic generator, so every first start seeds the same believable team. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

const WILL_APPLY = [
  'Ik ga dit volgende week meteen gebruiken.',
  'Will try this in our next sprint.',
  '',
  'Shared it with my project team.',
  '',
];

export function buildDemoTeam(now: Date): DemoTeam {
  const at = now.toISOString();
  const tenantId = DEMO_TENANT_ID;
  const teamId = DEMO_TEAM_ID;
  const next = random(42);
  const day0 = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

  const profiles: MemberProfile[] = DEMO_PEOPLE.map((p) => ({
    tenantId,
    userId: p.userId,
    displayName: p.name,
    email: p.email,
    locale: p.locale,
    bio: p.bio,
    teaches: p.teaches.map(([name, level]): TeachSkill => ({ name, level })),
    wants: p.wants,
    languages: p.languages,
    availability: p.availability,
    createdAt: at,
    updatedAt: at,
  }));

  const memberships: Membership[] = DEMO_PEOPLE.map((p, i) => ({
    tenantId,
    teamId,
    userId: p.userId,
    role: i === 0 || i === 6 ? 'owner' : 'member',
    joinedAt: at,
  }));

  const sessions: LearningSession[] = [];
  const rsvps: Rsvp[] = [];
  const feedback: Feedback[] = [];
  for (const spec of SESSIONS) {
    const person = (i: number) => DEMO_PEOPLE[i]?.userId ?? '';
    const startsAt = new Date(day0 + spec.day * 86_400_000 + spec.hour * 3_600_000).toISOString();
    const counts = { yes: 0, maybe: 0, no: 0 };
    const past = spec.day < 0;
    const hosts = new Set([spec.host, ...spec.teachers]);
    if (!spec.cancelled) {
      DEMO_PEOPLE.forEach((p, i) => {
        if (hosts.has(i)) return;
        const roll = next();
        if (roll > 0.75) return;
        let response: RsvpResponse = roll < 0.5 ? 'yes' : roll < 0.65 ? 'maybe' : 'no';
        if (response === 'yes' && spec.capacity !== null && counts.yes >= spec.capacity) response = 'maybe';
        counts[response] += 1;
        rsvps.push({ tenantId, teamId, sessionId: spec.id, userId: p.userId, response, respondedAt: at });
        if (past && response === 'yes' && next() < 0.8) {
          feedback.push({
            tenantId,
            teamId,
            sessionId: spec.id,
            userId: p.userId,
            rating: 3 + Math.floor(next() * 3),
            learnedSomethingNew: next() < 0.85,
            willApply: WILL_APPLY[Math.floor(next() * WILL_APPLY.length)] ?? '',
            submittedAt: at,
          });
        }
      });
    }
    sessions.push({
      tenantId,
      teamId,
      sessionId: spec.id,
      title: spec.title,
      description: spec.description,
      skills: spec.skills,
      format: spec.format,
      startsAt,
      durationMinutes: spec.minutes,
      ...(spec.onlineUrl ? { onlineUrl: spec.onlineUrl } : {}),
      ...(spec.place ? { place: spec.place } : {}),
      capacity: spec.capacity,
      channelId: DEMO_CHANNELS[0].channelId,
      hostId: person(spec.host),
      // The specs list the host among the teachers; the session names them once, as host.
      teacherIds: coTeachersOf(person(spec.host), spec.teachers.map(person)),
      ...(spec.leader !== undefined ? { discussionLeaderId: person(spec.leader) } : {}),
      status: spec.cancelled ? 'cancelled' : 'scheduled',
      openToOrganisation: spec.openToOrganisation ?? false,
      counts,
      createdAt: at,
      updatedAt: at,
    });
  }

  return {
    tenant: { tenantId, name: 'Contoso (demo)', createdAt: at },
    team: {
      tenantId,
      teamId,
      name: 'Productteam Utrecht',
      aadGroupId: '00000000-0000-0000-0000-000000000031',
      locale: 'nl-NL',
      channels: DEMO_CHANNELS,
      createdAt: at,
      updatedAt: at,
    },
    memberships,
    profiles,
    sessions,
    rsvps,
    feedback,
    tips: TIPS.map((tip, i) => ({
      tenantId,
      teamId,
      tipId: `demo-tip-${i + 1}`,
      authorUserId: DEMO_PEOPLE[tip.author]?.userId ?? '',
      title: tip.title,
      body: tip.body,
      ...(tip.link ? { link: tip.link } : {}),
      skills: tip.skills,
      createdAt: new Date(day0 + tip.day * 86_400_000 + (8 + i) * 3_600_000).toISOString(),
    })),
    learningRequests: LEARNING_REQUESTS.map((r, i): LearningRequest => {
      const createdAt = new Date(day0 + r.day * 86_400_000 + (10 + i) * 3_600_000).toISOString();
      return {
        tenantId,
        teamId,
        requestId: `demo-request-${i + 1}`,
        authorUserId: DEMO_PEOPLE[r.voters[0] ?? 0]?.userId ?? '',
        skill: r.skill,
        ...(r.note ? { note: r.note } : {}),
        status: 'open',
        votes: r.voters.length,
        createdAt,
        updatedAt: createdAt,
      };
    }),
    learningRequestVotes: LEARNING_REQUESTS.flatMap((r, i) =>
      r.voters.map((voter, n) => ({
        tenantId,
        teamId,
        requestId: `demo-request-${i + 1}`,
        userId: DEMO_PEOPLE[voter]?.userId ?? '',
        votedAt: new Date(day0 + r.day * 86_400_000 + (10 + i + n) * 3_600_000).toISOString(),
      })),
    ),
    kudos: KUDOS.map((k, i) => ({
      tenantId,
      teamId,
      kudosId: `demo-kudos-${i + 1}`,
      fromUserId: DEMO_PEOPLE[k.from]?.userId ?? '',
      toUserId: DEMO_PEOPLE[k.to]?.userId ?? '',
      message: k.message,
      channelId: DEMO_CHANNELS[0].channelId,
      ...(k.sessionId ? { sessionId: k.sessionId } : {}),
      createdAt: new Date(day0 + k.day * 86_400_000 + (9 + i) * 3_600_000).toISOString(),
    })),
  };
}

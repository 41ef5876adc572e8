import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { FIRST_F, FIRST_M, LAST, random } from '../roster/demo/data.js';
import { seedOutcomesDemo } from './outcome/demo.js';
import { zonedInstant } from './present.js';

const PAST_TITLE = 'Expert conference on the migration challenge in the OSCE area';
const UPCOMING_TITLE = 'Expert conference on mixed migration flows across the Mediterranean';

const FUNCTIONS = [
  'Head of the migration department',
  'Counsellor, Permanent Mission to the OSCE',
  'Border police commander',
  'Director for asylum and refugees',
  'Senior policy adviser',
  'Programme officer',
  'Researcher',
];
const ORGANISATIONS = ['Ministry of the Interior', 'Ministry of Foreign Affairs', 'Border Police', 'Migration Service'];

/** The States of the past conference's delegations: many, from every sub-region, and a few Partners. */
const PAST_STATES = [
  'AT',
  'DE',
  'FR',
  'IT',
  'ES',
  'GR',
  'US',
  'CA',
  'GB',
  'SE',
  'PL',
  'HU',
  'RS',
  'BA',
  'AL',
  'MK',
  'ME',
  'UA',
  'MD',
  'GE',
  'AM',
  'AZ',
  'KZ',
  'KG',
  'TJ',
  'UZ',
  'TM',
  'TR',
  'MA',
  'TN',
  'JO',
];
const UPCOMING_STATES = ['IT', 'ES', 'GR', 'MT', 'CY', 'FR', 'TN', 'MA', 'DZ', 'EG', 'JO', 'IL'];

type Guest = { role: 'moderator' | 'speaker'; name: string; affiliation: string };
const moderator = (name: string, affiliation: string): Guest => ({ role: 'moderator', name, affiliation });
const speaker = (name: string, affiliation: string): Guest => ({ role: 'speaker', name, affiliation });

/** The agenda of a demo conference; its moderators and speakers are guests, named by their office. */
const SESSIONS: ReadonlyArray<{ title: string; start: string; end: string; people: Guest[] }> = [
  {
    title: 'Opening session',
    start: '09:30',
    end: '10:30',
    people: [
      moderator('Head of the Migration Unit', 'OSCE Secretariat'),
      speaker('Secretary General', 'OSCE'),
      speaker('Special Envoy', 'Chairpersonship'),
    ],
  },
  {
    title: 'Panel 1: the situation along the main routes',
    start: '11:00',
    end: '12:30',
    people: [
      moderator('Senior Adviser', 'Conflict Prevention Centre'),
      speaker('Regional Representative', 'UNHCR'),
      speaker('Regional Director', 'IOM'),
      speaker('Head of Risk Analysis', 'Frontex'),
    ],
  },
  {
    title: 'Panel 2: protection of people on the move',
    start: '14:00',
    end: '15:30',
    people: [speaker('Migration Adviser', 'ODIHR')],
  },
  {
    title: 'Panel 3: combating trafficking and smuggling',
    start: '16:00',
    end: '17:30',
    people: [
      speaker(
        'Special Representative',
        'Office of the Special Representative and Co-ordinator for Combating Trafficking in Human Beings',
      ),
    ],
  },
];

async function insertEvent(
  db: Kysely<DB>,
  e: {
    title: string;
    organiserId: string;
    day: string;
    lastDay: string;
    venue: string;
    capacity: number;
    delegationCapacity: number | null;
    invitation: object;
    summary: string;
  },
) {
  const zone = 'Europe/Vienna';
  const { id } = await db
    .insertInto('conference_event')
    .values({
      kind: 'expert_conference',
      title: e.title,
      organiser_id: e.organiserId,
      starts_at: zonedInstant(`${e.day}T09:00`, zone),
      ends_at: zonedInstant(`${e.lastDay}T18:00`, zone),
      time_zone: zone,
      venue: e.venue,
      online_url: null,
      languages: ['en', 'fr', 'ru'],
      public: true,
      capacity: e.capacity,
      delegation_capacity: e.delegationCapacity,
      invitation: JSON.stringify(e.invitation),
      invited_at: zonedInstant(`${e.day}T09:00`, zone),
      summary: e.summary,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const s of SESSIONS) {
    const session = await db
      .insertInto('conference_session')
      .values({
        event_id: id,
        title: s.title,
        starts_at: zonedInstant(`${e.day}T${s.start}`, zone),
        ends_at: zonedInstant(`${e.day}T${s.end}`, zone),
        room: 'Neuer Saal',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const positions = { moderator: 0, speaker: 0 };
    await db
      .insertInto('conference_session_person')
      .values(
        s.people.map((p) => ({
          session_id: session.id,
          role: p.role,
          position: ++positions[p.role],
          contact_id: null,
          expert_id: null,
          guest_name: p.name,
          guest_affiliation: p.affiliation,
        })),
      )
      .execute();
  }
  return id;
}

async function insertParticipants(
  db: Kysely<DB>,
  eventId: string,
  states: readonly string[],
  perState: [number, number],
  seed: number,
  past: boolean,
) {
  const rng = random(seed);
  const rows = states.flatMap((iso2) =>
    Array.from({ length: rng.int(perState[0], perState[1]) }, () => {
      const female = rng.next() < 0.5;
      const name = `${rng.pick(female ? FIRST_F : FIRST_M)} ${rng.pick(LAST)}`;
      return {
        event_id: eventId,
        name,
        email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`,
        country_iso2: iso2,
        organisation_id: null,
        organisation_name: rng.pick(ORGANISATIONS),
        function: rng.pick(FUNCTIONS),
        dietary: rng.next() < 0.15 ? 'Vegetarian' : '',
        visa_letter: rng.next() < 0.2,
        listed: rng.next() < 0.85,
        // Without a draw of its own, so that the rest of the demonstration stays as it was.
        gender: name.length % 11 === 0 ? ('undisclosed' as const) : female ? ('female' as const) : ('male' as const),
        status: 'confirmed' as const,
        token: randomBytes(24).toString('base64url'),
        checked_in_at: past && rng.next() < 0.9 ? new Date('2026-03-10T08:15:00Z') : null,
        user_id: null,
      };
    }),
  );
  await db.insertInto('conference_registration').values(rows).execute();
}

/**
 * A past expert conference on the migration challenge in Vienna, with delegations of many States,
 * its agenda and the chair's summary; and an upcoming one open for registration, with the
 * Mediterranean Partners invited; the past one's recommendations and two of UNHCR and IOM in the
 * follow-up tracker. Idempotent: nothing is added twice.
 */
export async function seedConferencesDemo(db: Kysely<DB>): Promise<void> {
  await seedEventsDemo(db);
  await seedOutcomesDemo(db, PAST_TITLE);
}

async function seedEventsDemo(db: Kysely<DB>): Promise<void> {
  if (await db.selectFrom('conference_event').select('id').where('title', '=', PAST_TITLE).executeTakeFirst()) return;
  const secretariat = await db.selectFrom('organisation').select('id').where('code', '=', 'SEC').executeTakeFirst();
  if (!secretariat) return;
  await db.transaction().execute(async (trx) => {
    const past = await insertEvent(trx, {
      title: PAST_TITLE,
      organiserId: secretariat.id,
      day: '2026-03-10',
      lastDay: '2026-03-11',
      venue: 'Vienna, Hofburg',
      capacity: 200,
      delegationCapacity: 4,
      invitation: {
        terms: [
          { op: '+', group: 'participating' },
          { op: '+', group: 'partners' },
        ],
        organisations: [],
      },
      summary:
        'Delegations of the participating States and Partners for Co-operation reviewed the response to mixed migration flows along the main routes, and agreed that protection, border management and the fight against trafficking must go together.',
    });
    await trx
      .insertInto('conference_recommendation')
      .values(
        [
          'Share data on arrivals and returns between neighbouring States every week.',
          'Train border police in identifying victims of trafficking among people on the move.',
          'Hold a follow-up meeting of the focal points within six months.',
        ].map((text, i) => ({ event_id: past, position: i + 1, text })),
      )
      .execute();
    await insertParticipants(trx, past, PAST_STATES, [1, 4], 8801, true);
    // Next year's, so that it is still open for registration whenever the demonstration is started.
    const year = new Date().getUTCFullYear() + 1;
    const upcoming = await insertEvent(trx, {
      title: UPCOMING_TITLE,
      organiserId: secretariat.id,
      day: `${year}-05-18`,
      lastDay: `${year}-05-19`,
      venue: 'Vienna, Hofburg',
      capacity: 150,
      delegationCapacity: 3,
      invitation: {
        terms: [
          { op: '+', group: 'participating' },
          { op: '+', group: 'partners_mediterranean' },
        ],
        organisations: [],
      },
      summary: '',
    });
    await insertParticipants(trx, upcoming, UPCOMING_STATES, [1, 2], 8802, false);
  });
}

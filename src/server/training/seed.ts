import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { FIRST_F, FIRST_M, LAST, random } from '../roster/demo/data.js';
import { daysOf } from './present.js';
import { scoreAnswers } from './records/scoring.js';
import type { Audience } from './schemas.js';

/** Where the demonstration sessions take place: a field operation, its city, and the States that send officers. */
const HOSTS = [
  { code: 'FO-SERBIA', venue: 'Belgrade', countries: ['RS', 'BA', 'ME', 'MK'] },
  { code: 'FO-SKOPJE', venue: 'Skopje', countries: ['MK', 'AL', 'GR', 'RS'] },
  { code: 'FO-BOSNIA-HERZEGOVINA', venue: 'Sarajevo', countries: ['BA', 'HR', 'RS', 'ME'] },
  { code: 'FO-ALBANIA', venue: 'Tirana', countries: ['AL', 'IT', 'GR', 'MK'] },
  { code: 'FO-MOLDOVA', venue: 'Chisinau', countries: ['MD', 'UA', 'RO'] },
  { code: 'FO-BISHKEK', venue: 'Bishkek', countries: ['KG', 'KZ', 'TJ', 'UZ'] },
  { code: 'FO-TAJIKISTAN', venue: 'Dushanbe', countries: ['TJ', 'KG', 'UZ', 'TM'] },
  { code: 'FO-YEREVAN', venue: 'Yerevan', countries: ['AM', 'GE'] },
] as const;

const AGENCIES: Record<string, Audience[]> = {
  'INT-MIGR': ['civil_servants', 'civil_society'],
  'HC-POLICE': ['police'],
  'HC-PROSEC': ['prosecutors', 'judges'],
  'BM-HR': ['border_guards', 'police'],
  'THB-ID': ['police', 'border_guards', 'civil_servants', 'civil_society'],
};

const FUNCTIONS: Record<Audience, string> = {
  police: 'Police inspector',
  prosecutors: 'Public prosecutor',
  judges: 'Judge',
  border_guards: 'Border police officer',
  civil_servants: 'Migration officer',
  civil_society: 'NGO case worker',
  osce_staff: 'Programme officer',
};

/** The demonstration sessions' agenda, which also tells that they are there. */
const AGENDA = 'Day 1: legal framework. Day 2: case studies from the region. Last day: simulation and evaluation.';

const COMMENTS = [
  'The case studies from the region were the most useful part.',
  'More time for the practical exercises, please.',
  'Very relevant to my daily work at the border.',
  'The trainers answered every question with concrete examples.',
  'The materials should also be available in the local language.',
  '',
  '',
];

/**
 * Four years of sessions of the essay's courses across field operations, each with nominations
 * from the region's States (synthetic persons), decisions, attendance, pre- and post-tests whose
 * scores rise with the course, anonymous evaluations and completions. Idempotent and deterministic.
 */
export async function seedTrainingDemo(db: Kysely<DB>): Promise<void> {
  if (await db.selectFrom('training_session').select('id').where('agenda', '=', AGENDA).limit(1).executeTakeFirst()) return;
  const courses = await db
    .selectFrom('training_course')
    .select(['id', 'code'])
    .where('code', 'in', Object.keys(AGENCIES))
    .orderBy('code')
    .execute();
  const questions = await db
    .selectFrom('training_question')
    .select(['course_id', 'options', 'correct'])
    .orderBy('course_id')
    .orderBy('position')
    .execute();
  const hosts = await db
    .selectFrom('organisation')
    .select(['id', 'code'])
    .where(
      'code',
      'in',
      HOSTS.map((h) => h.code),
    )
    .execute();
  if (courses.length === 0 || hosts.length === 0) return;
  const r = random(2023);
  await db.transaction().execute(async (trx) => {
    for (const year of [2023, 2024, 2025, 2026]) {
      for (let i = 0; i < 10; i++) {
        const course = courses[(i + year) % courses.length]!;
        const host = HOSTS[(i * 3 + year) % HOSTS.length]!;
        const month = String(1 + ((i * 37 + year) % 11)).padStart(2, '0');
        const day = String(r.int(3, 20)).padStart(2, '0');
        const startsOn = `${year}-${month}-${day}`;
        const length = r.int(2, 4);
        const endsOn = new Date(Date.parse(`${startsOn}T00:00:00Z`) + (length - 1) * 86_400_000).toISOString().slice(0, 10);
        const past = endsOn < '2026-12-01';
        const capacity = r.int(14, 22);
        const { id: sessionId } = await trx
          .insertInto('training_session')
          .values({
            course_id: course.id,
            starts_on: startsOn,
            ends_on: endsOn,
            online: false,
            venue: host.venue,
            language_code: 'en',
            capacity,
            host_organisation_id: hosts.find((h) => h.code === host.code)?.id ?? null,
            agenda: AGENDA,
            materials: JSON.stringify([
              { title: 'Trainer manual', url: `https://www.osce.org/training/${course.code.toLowerCase()}` },
            ]),
            created_by: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('training_trainer')
          .values({ session_id: sessionId, expert_id: null, external_name: `${r.pick(FIRST_F)} ${r.pick(LAST)}` })
          .execute();
        const own = questions.filter((q) => q.course_id === course.id);
        const nominees = capacity + r.int(2, 6);
        for (let n = 0; n < nominees; n++) {
          const female = r.next() < 0.45;
          const agency = r.pick(AGENCIES[course.code]!);
          const status = n < capacity ? 'selected' : r.next() < 0.5 ? 'waitlisted' : 'declined';
          const { id } = await trx
            .insertInto('training_nomination')
            .values({
              session_id: sessionId,
              country_iso2: r.pick(host.countries),
              name: `${r.pick(female ? FIRST_F : FIRST_M)} ${r.pick(LAST)}`,
              email: null,
              user_id: null,
              expert_id: null,
              function: FUNCTIONS[agency],
              agency_type: agency,
              gender: female ? 'female' : 'male',
              languages: ['en'],
              consent: true,
              status,
              reason: status === 'declined' ? 'The session was full; nominated again for the next one.' : '',
              nominated_by: null,
              decided_at: new Date(`${startsOn}T09:00:00Z`),
              completed_on: null,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          if (status !== 'selected' || !past) continue;
          const days = daysOf(startsOn, endsOn);
          const present = days.map(() => r.next() > 0.06);
          await trx
            .insertInto('training_attendance')
            .values(days.map((d, k) => ({ nomination_id: id, day: d, present: present[k]! })))
            .execute();
          if (own.length > 0) {
            // Before the course about half the answers are right, after it most.
            for (const [kind, chance] of [
              ['pre', 0.45],
              ['post', 0.8],
            ] as const) {
              const answers = own.map((q) => (r.next() < chance ? q.correct : (q.correct + 1) % q.options.length));
              const { score, max } = scoreAnswers(own, answers);
              await trx
                .insertInto('training_attempt')
                .values({ nomination_id: id, kind, answers: JSON.stringify(answers), score, max_score: max })
                .execute();
            }
          }
          if (present.every(Boolean)) {
            await trx.updateTable('training_nomination').set({ completed_on: endsOn }).where('id', '=', id).execute();
          }
          if (r.next() < 0.7) {
            await trx.insertInto('training_evaluation_receipt').values({ nomination_id: id }).execute();
            const base = r.int(3, 5);
            await trx
              .insertInto('training_evaluation')
              .values({
                session_id: sessionId,
                relevance: base,
                content: Math.max(1, base - r.int(0, 1)),
                trainers: Math.min(5, base + r.int(0, 1)),
                organisation: r.int(3, 5),
                comment: r.pick(COMMENTS),
              })
              .execute();
          }
        }
      }
    }
  });
}

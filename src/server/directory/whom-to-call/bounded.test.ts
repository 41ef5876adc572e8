import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { organisationId } from '../../test-support/directory/fixtures.js';
import type { Viewer } from '../visibility.js';
import { type Question, selectCountrySide, selectEvidence, selectTopicSide } from './queries.js';

// The ranking reads a hub country's candidates in two steps and skips those that cannot reach the
// answer (queries.ts). Over random directories and questions, it must give exactly what ranking
// every candidate gives.

const ORGANISATIONS = ['SEC', 'CTHB', 'FO-SERBIA', 'ODIHR', 'ICRC'];
const COUNTRIES = ['RS', 'BA', 'AT', 'PL'];
const KEY_AREAS = ['trafficking', 'protection', 'solidarity'];
const COMPETENCES = ['anti_trafficking', 'hate_crime', 'integration'];
const LANGUAGES = ['en', 'ru', 'sr'];
const TITLES = [null, 'Anti-trafficking adviser', 'Family tracing officer', 'Liaison officer'];
const VISIBILITIES = ['public', 'signed_in', 'osce_staff', 'coordinator'] as const;
const DAY = 24 * 3600 * 1000;

const contact = fc.record({
  organisation: fc.nat(ORGANISATIONS.length - 1),
  title: fc.constantFrom(...TITLES),
  // Often none: then the contact is only "based" where its organisation is seated.
  countries: fc.oneof(fc.constant<string[]>([]), fc.subarray(COUNTRIES, { maxLength: 2 })),
  keyAreas: fc.subarray(KEY_AREAS),
  competences: fc.subarray(COMPETENCES),
  languages: fc.subarray(LANGUAGES),
  visibility: fc.constantFrom(...VISIBILITIES),
  stale: fc.boolean(),
});
const activity = fc.record({
  organisation: fc.nat(ORGANISATIONS.length - 1),
  contact: fc.option(fc.nat(), { nil: null }),
  title: fc.constantFrom('Border monitoring', 'Trafficking victim support', 'Family tracing', 'Workshop'),
  countries: fc.subarray(COUNTRIES, { minLength: 1 }),
  keyAreas: fc.subarray(KEY_AREAS),
  status: fc.constantFrom('planned', 'ongoing', 'completed'),
  visibility: fc.constantFrom(...VISIBILITIES),
});
const question = fc.record({
  country: fc.constantFrom('AT', 'RS', 'BA'),
  words: fc.constantFrom<string[]>([], ['trafficking'], ['tracing']),
  keyAreas: fc.subarray(KEY_AREAS, { maxLength: 1 }),
  competences: fc.subarray(COMPETENCES, { maxLength: 2 }),
  language: fc.constantFrom(null, 'ru', 'sr'),
  limit: fc.integer({ min: 1, max: 4 }),
  seesAll: fc.boolean(),
});

const EXAMPLE_CONTACT = {
  title: null,
  keyAreas: ['trafficking'],
  competences: ['anti_trafficking'],
  visibility: 'public' as const,
  stale: false,
};
const EXAMPLE_ACTIVITY = {
  contact: null,
  title: 'Workshop' as const,
  countries: ['AT'],
  keyAreas: ['trafficking'],
  status: 'completed' as const,
  visibility: 'public' as const,
};

describe.each(testBackends())('the bounded "whom do I call?" rankings on %s', (backend) => {
  let t: TestApp;
  let organisations: string[];
  beforeAll(async () => {
    t = await testApp(backend);
    organisations = await Promise.all(ORGANISATIONS.map((code) => organisationId(t, code)));
  });
  afterAll(() => t?.close());

  it('gives the same answer as ranking every candidate', async () => {
    const db = t.database.db;
    let bounded = 0;
    let firstEnough = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(contact, { minLength: 5, maxLength: 40 }),
        fc.array(activity, { maxLength: 25 }),
        fc.array(question, { minLength: 1, maxLength: 4 }),
        async (contacts, activities, questions) => {
          await db.deleteFrom('directory_activity').execute();
          await db.deleteFrom('directory_contact').execute();
          const ids = (
            await db
              .insertInto('directory_contact')
              .values(
                contacts.map((c, n) => ({
                  organisation_id: organisations[c.organisation] as string,
                  name: `Person ${String(n).padStart(2, '0')}`,
                  title: c.title,
                  countries: c.countries,
                  key_areas: c.keyAreas,
                  competences: c.competences,
                  languages: c.languages,
                  visibility: c.visibility,
                  confirmed_at: new Date(Date.now() - (c.stale ? 400 : 3) * DAY),
                })),
              )
              .returning('id')
              .execute()
          ).map((r) => r.id);
          if (activities.length > 0) {
            await db
              .insertInto('directory_activity')
              .values(
                activities.map((a, n) => ({
                  organisation_id: organisations[a.organisation] as string,
                  title: `${a.title} ${n}`,
                  countries: a.countries,
                  key_areas: a.keyAreas,
                  status: a.status,
                  contact_id: a.contact === null ? null : ids[a.contact % ids.length],
                  visibility: a.visibility,
                })),
              )
              .execute();
          }
          for (const { limit, seesAll, ...rest } of questions) {
            const viewer: Viewer = {
              actor: null,
              levels: seesAll ? [...VISIBILITIES] : ['public'],
              seesAll,
              edits: { all: false, organisations: [] },
              staff: false,
            };
            const q: Question = { ...rest, confirmedSince: new Date(Date.now() - 180 * DAY) };
            const all = await selectCountrySide(db, viewer, q, limit, false);
            if (all.length === limit) bounded++;
            // A candidate neither covering the country nor based there acts there: it is the contact
            // person of an activity there on the topic that the caller may see.
            const acting = all.filter((r) => !r.covers_country && !r.based_in_country).map((r) => r.id);
            const evidence = await selectEvidence(db, viewer, q, acting);
            expect(new Set(evidence.map((e) => e.contact_id))).toEqual(new Set(acting));
            expect(await selectCountrySide(db, viewer, q, limit)).toEqual(all);
            // Elsewhere: the first few by name, when they reach the ceiling, or else everyone.
            const elsewhere = await selectTopicSide(db, viewer, q, limit, null);
            if (elsewhere.length === limit && elsewhere.every((r) => r.score === r.ceiling)) firstEnough++;
            expect(await selectTopicSide(db, viewer, q, limit, limit + 2)).toEqual(elsewhere);
          }
        },
      ),
      {
        numRuns: 20,
        examples: [
          // At the bound: the best contact is only based in Austria (2 + 3 + 3 + 1 + 3 + 1 = 13, the
          // most such a contact can score) and beats one who covers it (4 + 3 + 3 + 1 + 1 = 12).
          [
            [
              { ...EXAMPLE_CONTACT, organisation: 2, countries: ['AT'], languages: [] },
              { ...EXAMPLE_CONTACT, organisation: 0, countries: [], languages: ['ru'] },
            ],
            [0, 2].map((organisation) => ({ ...EXAMPLE_ACTIVITY, organisation })),
            [
              {
                country: 'AT',
                words: [],
                keyAreas: ['trafficking'],
                competences: ['anti_trafficking'],
                language: 'ru',
                limit: 1,
                seesAll: true,
              },
            ],
          ],
          // At the bound of those who cover the country without its codes: a mention, an active
          // organisation, the language and a recent confirmation (4 + 2 + 1 + 3 + 1 = 11, the most
          // such a contact can score) beat a key area and a planned activity (4 + 3 + 2 + 1 = 10).
          [
            [
              {
                ...EXAMPLE_CONTACT,
                organisation: 0,
                countries: ['RS'],
                keyAreas: [],
                competences: [],
                title: 'Family tracing officer',
                languages: ['ru'],
              },
              { ...EXAMPLE_CONTACT, organisation: 0, countries: ['RS'], competences: [], languages: [] },
            ],
            [{ ...EXAMPLE_ACTIVITY, organisation: 0, contact: 1, countries: ['RS'], status: 'planned' as const }],
            [
              {
                country: 'RS',
                words: ['tracing'],
                keyAreas: ['trafficking'],
                competences: [],
                language: 'ru',
                limit: 1,
                seesAll: false,
              },
            ],
          ],
        ],
      },
    );
    // The bound was in play: many questions had more candidates than places in the answer.
    expect(bounded).toBeGreaterThan(5);
    expect(firstEnough).toBeGreaterThan(0);
  });
});

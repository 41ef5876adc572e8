import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';
import { organisationId } from '../test-support/directory/fixtures.js';
import { VISIBILITIES, type Visibility } from './schemas.js';

const ORGANISATIONS = ['ODIHR', 'HCNM', 'UNHCR'] as const;
const COUNTRIES = ['RS', 'BA', 'GR'] as const;

const record = fc.record({
  visibility: fc.constantFrom(...VISIBILITIES),
  organisation: fc.constantFrom(...ORGANISATIONS),
  country: fc.constantFrom(...COUNTRIES),
});

/** Who may see a record, by the rule written down in visibility.ts. */
const VIEWERS: Record<string, { levels: Visibility[]; edits: string[] }> = {
  anonymous: { levels: ['public'], edits: [] },
  account_without_role: { levels: ['public', 'signed_in'], edits: [] },
  delegation: { levels: ['public', 'signed_in'], edits: [] },
  analyst_for_a_country: { levels: ['public', 'signed_in'], edits: [] },
  expert: { levels: ['public', 'signed_in', 'osce_staff'], edits: [] },
  focal_point_odihr: { levels: ['public', 'signed_in', 'osce_staff'], edits: ['ODIHR'] },
  focal_point_unhcr: { levels: ['public', 'signed_in'], edits: ['UNHCR'] },
  coordinator: { levels: [...VISIBILITIES], edits: [...ORGANISATIONS] },
};

describe.each(testBackends())('visibility never leaks on %s', (backend) => {
  let t: TestApp;
  const personas: Record<string, Persona | null> = {};
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await testApp(backend);
    for (const code of ORGANISATIONS) ids[code] = await organisationId(t, code);
    personas.anonymous = null;
    personas.account_without_role = await t.user({});
    personas.delegation = await t.as('delegation');
    personas.analyst_for_a_country = await t.user({ role: 'analyst', scopeType: 'country', countryIso2: 'RS' });
    personas.expert = await t.as('expert');
    personas.focal_point_odihr = await t.as('focal_point');
    // A partner organisation's focal point is no OSCE staff, but sees all of their own organisation's records.
    personas.focal_point_unhcr = await t.user({ role: 'focal_point', organisationId: ids.UNHCR });
    personas.coordinator = await t.as('coordinator');
  });
  afterAll(() => t?.close());

  it('in lists, search, "whom do I call?", exports and counts, for any mix of visibilities and roles', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 10 }),
        fc.array(record, { maxLength: 8 }),
        async (contacts, activities) => {
          run++;
          const marker = `zebra${run}x`;
          const db = t.database.db;
          await db.deleteFrom('directory_activity').execute();
          await db.deleteFrom('directory_contact').execute();
          const contactIds: string[] = [];
          for (const [i, c] of contacts.entries()) {
            const { id } = await db
              .insertInto('directory_contact')
              .values({
                organisation_id: ids[c.organisation] as string,
                name: `${marker} contact ${i}`,
                visibility: c.visibility,
                countries: [c.country],
                key_areas: ['trafficking'],
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            contactIds.push(id);
          }
          for (const [i, a] of activities.entries()) {
            await db
              .insertInto('directory_activity')
              .values({
                organisation_id: ids[a.organisation] as string,
                title: `${marker} activity ${i}`,
                visibility: a.visibility,
                countries: [a.country],
                key_areas: ['trafficking'],
                status: 'ongoing',
                contact_id: contactIds[i % contactIds.length] ?? null,
              })
              .execute();
          }
          for (const [viewer, rule] of Object.entries(VIEWERS)) {
            const persona = personas[viewer] ?? null;
            const visible = (r: { visibility: Visibility; organisation: string }) =>
              rule.levels.includes(r.visibility) || rule.edits.includes(r.organisation);
            const seenContacts = contacts.map((c, i) => ({ ...c, name: `${marker} contact ${i}` })).filter(visible);
            const seenActivities = activities
              .map((a, i) => ({ ...a, title: `${marker} activity ${i}`, contact: i % contacts.length }))
              .filter(visible);
            const get = async (url: string) => {
              const response = await t.request(persona, { method: 'GET', url });
              expect(response.statusCode, `${viewer} ${url}`).toBe(200);
              return response;
            };
            const names = (items: { name: string }[]) => items.map((c) => c.name).sort();
            const expectedNames = seenContacts.map((c) => c.name).sort();

            const list = (await get(`/api/directory/contacts?q=${marker}&limit=200`)).json();
            expect(names(list.items), viewer).toEqual(expectedNames);
            expect(list.total).toBe(expectedNames.length);

            const found = (await get(`/api/directory/search?q=${marker}&limit=200`)).json();
            expect(found.totals, viewer).toEqual({
              organisation: 0,
              contact: seenContacts.length,
              activity: seenActivities.length,
            });
            expect(names(found.items.flatMap((i: { contact?: { name: string } }) => (i.contact ? [i.contact] : [])))).toEqual(
              expectedNames,
            );

            for (const country of COUNTRIES) {
              const answer = (await get(`/api/directory/whom-to-call?country=${country}&keyArea=trafficking&limit=50`)).json();
              expect(names(answer.results.map((r: { contact: { name: string } }) => r.contact)), `${viewer} ${country}`).toEqual(
                expectedNames,
              );
            }

            const map = (await get('/api/directory/map')).json() as { iso2: string; activities: number }[];
            for (const country of COUNTRIES) {
              const count = map.find((m) => m.iso2 === country)?.activities ?? 0;
              expect(count, `${viewer} map ${country}`).toBe(seenActivities.filter((a) => a.country === country).length);
            }

            for (const code of ORGANISATIONS) {
              const organisation = (await get(`/api/directory/organisations/${ids[code]}`)).json();
              expect(organisation.contactCount, `${viewer} ${code}`).toBe(
                seenContacts.filter((c) => c.organisation === code).length,
              );
              expect(organisation.activityCount).toBe(seenActivities.filter((a) => a.organisation === code).length);
            }

            const csv = (await get('/api/directory/matrix?format=csv')).body;
            for (const [i] of contacts.entries()) {
              const shown = seenContacts.some((c) => c.name === `${marker} contact ${i}`);
              if (!shown) expect(csv, `${viewer} export`).not.toContain(`${marker} contact ${i},`);
            }
            const rows = csv.split('\n').filter((line) => line.includes(`${marker} activity`));
            expect(rows.length, `${viewer} export rows`).toBe(seenActivities.length);
          }
        },
      ),
      { numRuns: 6 },
    );
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test-support/app.js';
import { seedDirectoryDemo } from './seed.js';

describe('the demonstration directory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('pglite');
  });
  afterAll(() => t?.close());

  const state = async () => {
    const { rows } = await sql<{ contacts: number; activities: number; organisations: number; digest: string }>`
      select (select count(*)::int from directory_contact) as contacts,
             (select count(*)::int from directory_activity) as activities,
             (select count(*)::int from organisation) as organisations,
             md5((select string_agg(a.code || a.title || a.visibility, '|' order by a.code) from directory_activity a)) as digest`.execute(
      t.database.db,
    );
    return rows[0];
  };

  it('adds hundreds of contacts and activities, the same each time, and nothing more when loaded again', async () => {
    await seedDirectoryDemo(t.database.db);
    const first = await state();
    expect(first?.contacts).toBeGreaterThan(300);
    expect(first?.activities).toBeGreaterThan(250);
    await seedDirectoryDemo(t.database.db);
    expect(await state()).toEqual(first);
    // Deterministic: the first activity is the same on every machine.
    const sample = await t.database.db
      .selectFrom('directory_activity')
      .select(['code', 'title'])
      .orderBy('code')
      .executeTakeFirst();
    expect(sample?.code).toBe('DEMO-000-00');
  });

  it('answers “whom do I call?” for trafficking in Serbia with people who cover Serbia', async () => {
    const response = await t.request(null, { method: 'GET', url: '/api/directory/whom-to-call?country=RS&topic=trafficking' });
    const answer = response.json();
    expect(answer.results.length).toBeGreaterThan(0);
    expect(answer.results[0].match).toBe('full');
    expect(answer.results[0].reasons.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining([expect.stringMatching(/covers_country|based_in_country|activity_/)]),
    );
  });

  it('is plausible: national agencies work at home, field operations in their region, phones of the right country', async () => {
    const { rows } = await sql<{ type: string; home: string; countries: string[]; phones: string[] }>`
      select o.type, o.country_iso2 as home, c.countries, c.phones
      from directory_contact c join organisation o on o.id = c.organisation_id
      where c.id <> ${'00000000-0000-0000-0000-000000000000'}::uuid and o.country_iso2 is not null`.execute(t.database.db);
    const national = rows.filter((r) => r.type === 'state_authority');
    expect(national.length).toBeGreaterThan(0);
    for (const r of national) expect(r.countries).toEqual([r.home]);
    for (const r of rows.filter((r) => r.type === 'field_operation')) expect(r.countries).toContain(r.home);
    const greek = rows.filter((r) => r.home === 'GR' && r.type !== 'international_organisation');
    expect(greek.length).toBeGreaterThan(0);
    for (const r of greek) expect(r.phones[0]).toMatch(/^\+30 /);
    const activities = await sql<{ type: string; home: string; countries: string[] }>`
      select o.type, o.country_iso2 as home, a.countries
      from directory_activity a join organisation o on o.id = a.organisation_id
      where o.type = 'state_authority'`.execute(t.database.db);
    for (const a of activities.rows) expect(a.countries).toContain(a.home);
  });
});

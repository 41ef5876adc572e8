import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { addActivity, addContact, confirmedDaysAgo, organisationId } from '../../test-support/directory/fixtures.js';

interface Result {
  rank: number;
  match: string;
  score: number;
  contact: { name: string };
  reasons: { code: string; points: number; values: string[] }[];
  activities: { title: string }[];
}

describe.each(testBackends())('“Whom do I call?” on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
    const [serbia, cthb, odihr, icrc, sec] = await Promise.all(
      ['FO-SERBIA', 'CTHB', 'ODIHR', 'ICRC', 'SEC'].map((code) => organisationId(t, code)),
    );
    const add = (body: Record<string, unknown>) => addContact(t, coordinator, { visibility: 'public', ...body });
    const ana = await add({
      organisationId: serbia,
      name: 'Ana Anti-Trafficking',
      countries: ['RS'],
      keyAreas: ['trafficking'],
      competences: ['anti_trafficking'],
      languages: ['sr', 'en'],
    });
    await addActivity(t, coordinator, {
      organisationId: serbia,
      title: 'Victim identification along the Balkan route',
      keyAreas: ['trafficking'],
      countries: ['RS'],
      status: 'ongoing',
      contactId: ana.id,
    });
    const boris = await add({
      organisationId: cthb,
      name: 'Boris Vienna',
      countries: ['RS', 'BA', 'MK'],
      keyAreas: ['trafficking'],
      competences: ['anti_trafficking'],
    });
    await confirmedDaysAgo(t, boris.id, 200);
    await add({ organisationId: serbia, name: 'Emil Belgrade', title: 'Anti-trafficking focal point' });
    await add({ organisationId: odihr, name: 'Clara Hate Crime', countries: ['RS'], competences: ['hate_crime'] });
    await add({ organisationId: icrc, name: 'Dana Bosnia', countries: ['BA'], keyAreas: ['trafficking'] });
    await add({
      organisationId: serbia,
      name: 'Frank Hidden',
      countries: ['RS'],
      keyAreas: ['trafficking'],
      visibility: 'coordinator',
    });
    await add({ organisationId: sec, name: 'Co-ordination Desk', emails: ['desk@example.org'], fallback: true });
  });
  afterAll(() => t?.close());

  const ask = async (query: string, persona: Persona | null = null) => {
    const response = await t.request(persona, { method: 'GET', url: `/api/directory/whom-to-call?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Promise<{ results: Result[]; fallback: unknown; keyAreas: string[]; competences: string[] }>;
  };

  it('ranks the contacts for trafficking in Serbia in the order the facts justify', async () => {
    const answer = await ask('topic=trafficking&country=RS&language=sr');
    expect(answer.keyAreas).toEqual(['trafficking']);
    expect(answer.competences).toContain('anti_trafficking');
    expect(answer.results.map((r) => [r.contact.name, r.match, r.score])).toEqual([
      ['Ana Anti-Trafficking', 'full', 17],
      ['Boris Vienna', 'full', 8],
      ['Emil Belgrade', 'full', 6],
      ['Clara Hate Crime', 'country_only', 5],
      ['Dana Bosnia', 'topic_only', 4],
    ]);
    expect(answer.fallback).toBeNull();
  });

  it('explains each result with the facts and activities that put it there', async () => {
    const [ana, boris, emil] = (await ask('topic=trafficking&country=RS&language=sr')).results;
    expect(ana?.reasons.map((r) => [r.code, r.points])).toEqual([
      ['covers_country', 4],
      ['works_on_key_area', 3],
      ['has_competence', 3],
      ['activity_ongoing', 3],
      ['speaks_language', 3],
      ['recently_confirmed', 1],
    ]);
    expect(ana?.reasons.find((r) => r.code === 'speaks_language')?.values).toEqual(['Serbian']);
    expect(ana?.activities.map((a) => a.title)).toEqual(['Victim identification along the Balkan route']);
    expect(boris?.reasons.map((r) => r.code)).toContain('not_recently_confirmed');
    expect(emil?.reasons.map((r) => r.code)).toEqual([
      'based_in_country',
      'mentions_topic',
      'organisation_active',
      'recently_confirmed',
    ]);
    for (const result of [ana, boris, emil]) {
      expect(result?.score).toBe(result?.reasons.reduce((sum, r) => sum + r.points, 0));
    }
  });

  it('understands the topic in another language, or as a key area', async () => {
    const russian = await ask(`topic=${encodeURIComponent('торговля людьми')}&country=RS`);
    expect(russian.results[0]?.contact.name).toBe('Ana Anti-Trafficking');
    const byCode = await ask('keyArea=trafficking&country=RS');
    expect(byCode.results.slice(0, 2).map((r) => r.contact.name)).toEqual(['Ana Anti-Trafficking', 'Boris Vienna']);
  });

  it('shows a hidden contact only to those allowed to see it', async () => {
    const anonymous = await ask('topic=trafficking&country=RS');
    expect(anonymous.results.map((r) => r.contact.name)).not.toContain('Frank Hidden');
    const coordinatorView = await ask('topic=trafficking&country=RS', coordinator);
    expect(coordinatorView.results.map((r) => r.contact.name)).toContain('Frank Hidden');
  });

  it('counts an activity whose text is on the topic only for those allowed to see it', async () => {
    const icrc = await organisationId(t, 'ICRC');
    const greta = await addContact(t, coordinator, {
      organisationId: icrc,
      name: 'Greta Lesvos',
      countries: ['GR'],
      visibility: 'public',
    });
    await addActivity(t, coordinator, {
      organisationId: icrc,
      title: 'Beekeeping co-operatives with refugees',
      keyAreas: ['relocation_integration'],
      countries: ['GR'],
      status: 'ongoing',
      contactId: greta.id,
      visibility: 'osce_staff',
    });
    const find = (answer: { results: Result[] }) => answer.results.find((r) => r.contact.name === 'Greta Lesvos');

    const visitor = find(await ask('topic=beekeeping&country=GR'));
    expect(visitor?.match).toBe('country_only');
    expect(visitor?.activities).toEqual([]);
    expect(visitor?.reasons.map((r) => r.code)).toEqual(['covers_country', 'recently_confirmed']);

    const seen = find(await ask('topic=beekeeping&country=GR', coordinator));
    expect(seen?.match).toBe('full');
    expect(seen?.activities.map((a) => a.title)).toEqual(['Beekeeping co-operatives with refugees']);
    expect(seen?.reasons.map((r) => r.code)).toContain('activity_ongoing');
  });

  it('falls back to the co-ordinator when nobody covers the country on the topic', async () => {
    const answer = await ask('topic=trafficking&country=IS');
    expect(answer.results.every((r) => r.match !== 'full')).toBe(true);
    expect(answer.fallback).toMatchObject({ contact: { name: 'Co-ordination Desk', emails: ['desk@example.org'] } });
  });

  it('follows every change to contacts, activities and organisations', async () => {
    const icrc = await organisationId(t, 'ICRC');
    const icrcSeat = (
      await t.database.db.selectFrom('organisation').select('country_iso2').where('id', '=', icrc).executeTakeFirstOrThrow()
    ).country_iso2;
    const matchOf = async (name: string) =>
      (await ask('topic=trafficking&country=RS', coordinator)).results.find((r) => r.contact.name === name)?.match;
    const dana = (
      await t.database.db.selectFrom('directory_contact').select('id').where('name', '=', 'Dana Bosnia').executeTakeFirstOrThrow()
    ).id;
    const patchContact = (body: Record<string, unknown>) =>
      t.request(coordinator, { method: 'PATCH', url: `/api/directory/contacts/${dana}`, payload: body });

    expect(await matchOf('Dana Bosnia')).toBe('topic_only');
    expect((await patchContact({ countries: ['BA', 'RS'] })).statusCode).toBe(200);
    expect(await matchOf('Dana Bosnia')).toBe('full');
    expect((await patchContact({ countries: ['BA'] })).statusCode).toBe(200);
    expect(await matchOf('Dana Bosnia')).toBe('topic_only');

    // Moving the organisation's seat makes its people "based in" the country.
    const move = (countryIso2: string | null) =>
      t.request(coordinator, { method: 'PATCH', url: `/api/directory/organisations/${icrc}`, payload: { countryIso2 } });
    expect((await move('RS')).statusCode).toBe(200);
    const moved = (await ask('topic=trafficking&country=RS', coordinator)).results.find((r) => r.contact.name === 'Dana Bosnia');
    expect(moved?.reasons.map((r) => r.code)).toContain('based_in_country');
    expect((await move(icrcSeat)).statusCode).toBe(200);
    expect(await matchOf('Dana Bosnia')).toBe('topic_only');

    // An activity in the country makes its contact person a candidate; its removal takes that back.
    const activity = await addActivity(t, coordinator, {
      organisationId: icrc,
      title: 'Tracing services for separated families',
      keyAreas: ['trafficking'],
      countries: ['RS'],
      status: 'ongoing',
      contactId: dana,
    });
    expect(await matchOf('Dana Bosnia')).toBe('full');
    expect((await t.request(coordinator, { method: 'DELETE', url: `/api/directory/activities/${activity.id}` })).statusCode).toBe(
      204,
    );
    expect(await matchOf('Dana Bosnia')).toBe('topic_only');

    // An activity moved to other countries, or to another contact person, moves where each acts.
    const moving = await addActivity(t, coordinator, {
      organisationId: icrc,
      title: 'Family tracing desk',
      keyAreas: ['trafficking'],
      countries: ['RS'],
      status: 'planned',
      contactId: dana,
    });
    const patchActivity = async (body: Record<string, unknown>) =>
      expect(
        (await t.request(coordinator, { method: 'PATCH', url: `/api/directory/activities/${moving.id}`, payload: body }))
          .statusCode,
      ).toBe(200);
    expect(await matchOf('Dana Bosnia')).toBe('full');
    await patchActivity({ countries: ['MK'] });
    expect(await matchOf('Dana Bosnia')).toBe('topic_only');
    await patchActivity({ countries: ['RS', 'MK'] });
    expect(await matchOf('Dana Bosnia')).toBe('full');
    const emil = (
      await t.database.db
        .selectFrom('directory_contact')
        .select('id')
        .where('name', '=', 'Emil Belgrade')
        .executeTakeFirstOrThrow()
    ).id;
    await patchActivity({ contactId: emil });
    expect(await matchOf('Dana Bosnia')).toBe('topic_only');
    const emilNow = (await ask('topic=trafficking&country=RS', coordinator)).results.find(
      (r) => r.contact.name === 'Emil Belgrade',
    );
    expect(emilNow?.activities.map((a) => a.title)).toContain('Family tracing desk');

    // The place tables the ranking reads are what a rebuild from the contacts and activities gives.
    const snapshot = async () => {
      const contacts = await sql`select * from directory_contact_place order by country_iso2, contact_id`.execute(t.database.db);
      const activities = await sql`select * from directory_activity_place order by country_iso2, activity_id`.execute(
        t.database.db,
      );
      return JSON.stringify([contacts.rows, activities.rows]);
    };
    const kept = await snapshot();
    await sql`select directory_refresh_contact_places(array(select id from directory_contact)),
                     directory_refresh_activity_places(array(select id from directory_activity))`.execute(t.database.db);
    expect(await snapshot()).toBe(kept);
    expect(kept).toContain(dana);
    // A deleted activity takes its places with it.
    expect(kept).toContain(moving.id);
    expect(kept).not.toContain(activity.id);
    // Dana acts nowhere now; Emil acts in Serbia and North Macedonia.
    const acting = await sql<{ name: string; country_iso2: string }>`select name, country_iso2 from directory_contact_place
      where acts and name in ('Dana Bosnia', 'Emil Belgrade') order by name, country_iso2`.execute(t.database.db);
    expect(acting.rows.map((r) => `${r.name} ${r.country_iso2}`)).toEqual(['Emil Belgrade MK', 'Emil Belgrade RS']);
  });

  it('asks for a topic and a known country', async () => {
    expect((await t.request(null, { method: 'GET', url: '/api/directory/whom-to-call?country=RS' })).statusCode).toBe(400);
    expect((await t.request(null, { method: 'GET', url: '/api/directory/whom-to-call?topic=x' })).statusCode).toBe(400);
    expect((await t.request(null, { method: 'GET', url: '/api/directory/whom-to-call?topic=x&country=QQ' })).statusCode).toBe(
      400,
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { addActivity, addContact, organisationId } from '../../test-support/directory/fixtures.js';
import { OPERATOR } from '../visibility.js';
import { searchPage } from './queries.js';

describe.each(testBackends())('directory search on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
    const [serbia, odihr, bih] = await Promise.all([
      organisationId(t, 'FO-SERBIA'),
      organisationId(t, 'ODIHR'),
      organisationId(t, 'FO-BOSNIA-HERZEGOVINA'),
    ]);
    await addActivity(t, coordinator, {
      organisationId: serbia,
      title: 'Lutte contre la traite des êtres humains à Preševo',
      keyAreas: ['trafficking'],
      countries: ['RS'],
      status: 'ongoing',
    });
    await addActivity(t, coordinator, {
      organisationId: odihr,
      title: 'Schulung zur Bekämpfung des Menschenhandels',
      countries: ['AT'],
      status: 'planned',
    });
    await addActivity(t, coordinator, {
      organisationId: bih,
      title: 'Противодействие торговле людьми на границе',
      countries: ['BA'],
      status: 'completed',
    });
    await addActivity(t, coordinator, {
      organisationId: odihr,
      title: 'Formazione sui rifugiati e l’integrazione',
      countries: ['IT'],
    });
    await addActivity(t, coordinator, {
      organisationId: odihr,
      title: 'Protección de refugiados en la frontera',
      countries: ['ES'],
    });
    await addContact(t, coordinator, {
      organisationId: serbia,
      name: 'Đorđe Petrović',
      title: 'National Programme Officer, anti-trafficking',
      countries: ['RS'],
      visibility: 'public',
    });
    await addContact(t, coordinator, {
      organisationId: serbia,
      name: 'Hidden Trafficking Expert',
      countries: ['RS'],
      visibility: 'coordinator',
    });
  });
  afterAll(() => t?.close());

  const search = async (query: string, persona: Persona | null = null) => {
    const response = await t.request(persona, { method: 'GET', url: `/api/directory/search?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const titles = (result: { items: { kind: string; activity?: { title: string }; contact?: { name: string } }[] }) =>
    result.items.map((i) => i.activity?.title ?? i.contact?.name ?? i.kind);

  it('ignores case and accents, in French, German, Italian, Spanish and Russian', async () => {
    const traite = await search('q=TRAITE+des+etres+HUMAINS');
    // The best match first; the French words also find what is written in English about trafficking.
    expect(titles(traite)[0]).toBe('Lutte contre la traite des êtres humains à Preševo');
    expect(titles(traite)).toContain('Đorđe Petrović');
    // The Office of the Special Representative on trafficking, by its French name.
    expect(traite.items.map((i: { organisation?: { code: string } }) => i.organisation?.code)).toContain('CTHB');
    expect(titles(await search('q=presevo'))).toEqual(['Lutte contre la traite des êtres humains à Preševo']);
    expect(titles(await search('q=menschenhandel'))).toContain('Schulung zur Bekämpfung des Menschenhandels');
    expect(titles(await search('q=bekampfung'))).toContain('Schulung zur Bekämpfung des Menschenhandels');
    expect(titles(await search(`q=${encodeURIComponent('ТОРГОВЛЯ людьми')}`))).toContain(
      'Противодействие торговле людьми на границе',
    );
    expect(titles(await search('q=rifugiato'))).toContain('Formazione sui rifugiati e l’integrazione');
    expect(titles(await search('q=proteccion+refugiado'))).toContain('Protección de refugiados en la frontera');
    expect(titles(await search('q=dorde+petrovic'))).toEqual(['Đorđe Petrović']);
  });

  it('finds contacts and activities by their country’s or organisation’s name in another language', async () => {
    const result = await search(`q=${encodeURIComponent('Сербия')}&kind=activity`);
    expect(titles(result)).toEqual(['Lutte contre la traite des êtres humains à Preševo']);
    expect(titles(await search('q=trafficking&kind=contact'))).toEqual(['Đorđe Petrović']);
  });

  it('filters by kind, organisation type, country, key area and status, and pages through the results', async () => {
    expect(titles(await search('status=ongoing'))).toEqual(['Lutte contre la traite des êtres humains à Preševo']);
    expect(titles(await search('keyArea=trafficking&kind=activity'))).toEqual([
      'Lutte contre la traite des êtres humains à Preševo',
    ]);
    const inBosnia = await search('country=BA');
    expect(inBosnia.totals).toEqual({ organisation: 1, contact: 0, activity: 1 });
    const institutions = await search('type=institution&kind=activity');
    expect(institutions.totals.activity).toBe(3);
    const first = await search('kind=activity&limit=2');
    const second = await search('kind=activity&limit=2&offset=2');
    expect(first.total).toBe(5);
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(2);
    expect(new Set([...titles(first), ...titles(second)]).size).toBe(4);
    const beyond = await search('kind=activity&limit=2&offset=10');
    expect(beyond).toMatchObject({ items: [], total: 5 });
  });

  it('never shows or counts a contact the caller may not see', async () => {
    const anonymous = await search('q=trafficking+expert');
    expect(anonymous).toMatchObject({ total: 0, totals: { contact: 0 } });
    const coordinatorView = await search('q=trafficking+expert', coordinator);
    expect(titles(coordinatorView)).toEqual(['Hidden Trafficking Expert']);
    expect(coordinatorView.totals.contact).toBe(1);
  });

  it('lists name matches first, and past the count limit still ranks every name match it can', async () => {
    const osce = await organisationId(t, 'SEC');
    for (const n of [3, 1, 4, 2]) {
      await addActivity(t, coordinator, { organisationId: osce, title: `Zyzzyva workshop ${n}` });
      await addActivity(t, coordinator, { organisationId: osce, title: `Aardvark seminar ${n}`, description: 'On zyzzyva.' });
    }
    const titleOf = async (ids: string[]) => {
      const rows = await t.database.db.selectFrom('directory_activity').select(['id', 'title']).where('id', 'in', ids).execute();
      return ids.map((id) => rows.find((r) => r.id === id)?.title);
    };
    const names = ['Zyzzyva workshop 1', 'Zyzzyva workshop 2', 'Zyzzyva workshop 3', 'Zyzzyva workshop 4'];
    const everything = await searchPage(t.database.db, OPERATOR, ['zyzzyva'], { limit: 10 }, 100);
    expect(everything).toMatchObject({ totals: { activity: 8 }, capped: { activity: false } });
    expect(await titleOf(everything.rows.map((r) => r.id))).toEqual([
      ...names,
      'Aardvark seminar 1',
      'Aardvark seminar 2',
      'Aardvark seminar 3',
      'Aardvark seminar 4',
    ]);
    // Counting stops at 3; the four name matches are all found through the name index, in order.
    const capped = await searchPage(t.database.db, OPERATOR, ['zyzzyva'], { limit: 4 }, 3);
    expect(capped).toMatchObject({ totals: { activity: 3 }, capped: { activity: true } });
    expect(await titleOf(capped.rows.map((r) => r.id))).toEqual(names);
    // Over HTTP, the totals say how far they were counted.
    expect(await search('q=zyzzyva&kind=activity')).toMatchObject({
      total: 8,
      capped: { organisation: false, contact: false, activity: false },
      countLimit: 1000,
    });
  });

  it('does not match every record through joining words of a translated name', async () => {
    const odihr = await organisationId(t, 'ODIHR');
    await addActivity(t, coordinator, { organisationId: odihr, title: 'Food and shelter on arrival', countries: ['GR'] });
    // "Menschenhandel" is also looked for as the English name of the key area, but not as its "and".
    const found = titles(await search('q=menschenhandel&kind=activity'));
    expect(found).toContain('Schulung zur Bekämpfung des Menschenhandels');
    expect(found).not.toContain('Food and shelter on arrival');
  });

  it('looks for a word in another language as the English word it stands for, not the whole name', async () => {
    const odihr = await organisationId(t, 'ODIHR');
    await addActivity(t, coordinator, { organisationId: odihr, title: 'Winter shelters along the routes', countries: ['MK'] });
    await addActivity(t, coordinator, { organisationId: odihr, title: 'Trafficking case referrals', countries: ['MK'] });
    // The key area "Combating trafficking and organised crime along routes" is, in German, "Bekämpfung von
    // Menschenhandel …": "Menschenhandel" stands for "trafficking", not for "routes" or "crime".
    const found = titles(await search('q=menschenhandel&kind=activity'));
    expect(found).toContain('Trafficking case referrals');
    expect(found).not.toContain('Winter shelters along the routes');
    // A form of the word no name holds ("торговля", the names have "торговлей"), and a word that
    // looks like its English one ("réfugiés").
    expect(titles(await search(`q=${encodeURIComponent('торговля')}&kind=activity`))).toContain('Trafficking case referrals');
    await addActivity(t, coordinator, { organisationId: odihr, title: 'Legal aid for refugees', countries: ['MK'] });
    expect(titles(await search(`q=${encodeURIComponent('réfugiés')}&kind=activity`))).toContain('Legal aid for refugees');
  });

  it('refuses bad filters', async () => {
    expect((await t.request(null, { method: 'GET', url: '/api/directory/search?status=paused' })).statusCode).toBe(400);
    expect((await t.request(null, { method: 'GET', url: '/api/directory/search?country=Serbia' })).statusCode).toBe(400);
  });
});

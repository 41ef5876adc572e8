import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';
import { seedReferenceData } from './seed.js';

describe.each(testBackends())('reference data on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
  });
  afterAll(() => t?.close());

  const get = (url: string, persona: Persona | null = null) => t.request(persona, { method: 'GET', url });

  it('lists the 57 participating States by sub-region, with east or west of Vienna', async () => {
    const states = (await get('/api/countries?status=participating')).json();
    expect(states).toHaveLength(57);
    const bySubregion = states.reduce((acc: Record<string, number>, c: { subregion: string }) => {
      acc[c.subregion] = (acc[c.subregion] ?? 0) + 1;
      return acc;
    }, {});
    expect(bySubregion).toMatchObject({ eastern_europe: 4, south_caucasus: 3 });
    const find = (iso2: string) => states.find((c: { iso2: string }) => c.iso2 === iso2);
    expect(find('UA')).toMatchObject({ eastOfVienna: true, subregion: 'eastern_europe' });
    expect(find('US')).toMatchObject({ eastOfVienna: false, subregion: 'western_europe_north_america' });
    expect(find('KZ')).toMatchObject({ subregion: 'central_asia', fieldOperation: true });
    expect(find('RS').names).toEqual(expect.objectContaining({ en: 'Serbia', fr: 'Serbie', de: 'Serbien', ru: 'Сербия' }));
  });

  it('lists the 11 Partners for Co-operation, Asian and Mediterranean', async () => {
    const partners = (await get('/api/countries?status=partner')).json();
    expect(partners).toHaveLength(11);
    const groups = partners.map((c: { partnerGroup: string }) => c.partnerGroup);
    expect(groups.filter((g: string) => g === 'asian')).toHaveLength(5);
    expect(groups.filter((g: string) => g === 'mediterranean')).toHaveLength(6);
  });

  it('names countries in the requested language and finds them by a name in any language', async () => {
    const de = (await get('/api/countries/DE?lang=fr')).json();
    expect(de.name).toBe('Allemagne');
    const found = (await get('/api/countries?q=%D0%93%D1%80%D0%B5%D1%86%D0%B8%D1%8F&lang=es')).json(); // "Греция"
    expect(found.map((c: { iso2: string; name: string }) => [c.iso2, c.name])).toEqual([['GR', 'Grecia']]);
  });

  it('lists OSCE structures and the field operations with their host countries', async () => {
    const structures = (await get('/api/structures')).json();
    const codes = structures.map((s: { code: string }) => s.code);
    expect(codes).toEqual(expect.arrayContaining(['ODIHR', 'HCNM', 'RFOM', 'TNTD', 'TNTD-BSMU']));
    const odihr = structures.find((s: { code: string }) => s.code === 'ODIHR');
    expect(odihr).toMatchObject({ type: 'institution', countryIso2: 'PL', city: 'Warsaw' });
    const bsmu = structures.find((s: { code: string }) => s.code === 'TNTD-BSMU');
    expect(bsmu.parentCode).toBe('TNTD');
    const fieldOps = (await get('/api/structures?type=field_operation&country=RS')).json();
    expect(fieldOps).toHaveLength(1);
    expect(fieldOps[0].countryName).toBe('Serbia');
  });

  it('ships the five key areas, three dimensions, competences and languages in six languages', async () => {
    const keyAreas = (await get('/api/reference/key-areas?lang=ru')).json();
    expect(keyAreas.map((k: { code: string }) => k.code).sort()).toEqual(
      ['border_management', 'protection', 'relocation_integration', 'solidarity', 'trafficking'].sort(),
    );
    expect(keyAreas.every((k: { name: string }) => /[\u0400-\u04FF]/.test(k.name))).toBe(true);
    expect((await get('/api/reference/dimensions')).json()).toHaveLength(3);
    const competences = (await get('/api/reference/competences')).json();
    expect(competences.length).toBeGreaterThan(20);
    expect(
      competences.every((c: { dimension: string }) =>
        ['politico_military', 'economic_environmental', 'human'].includes(c.dimension),
      ),
    ).toBe(true);
    const languages = (await get('/api/reference/languages?lang=de')).json();
    expect(languages.find((l: { code: string }) => l.code === 'ar').name).toBe('Arabisch');
  });

  it('lets the co-ordinator correct a country, keeps the correction across a re-seed, and audits it', async () => {
    const response = await t.request(coordinator, {
      method: 'PATCH',
      url: '/api/countries/MN',
      payload: { fieldOperation: true },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().fieldOperation).toBe(true);
    await seedReferenceData(t.database.db);
    expect((await get('/api/countries/MN')).json().fieldOperation).toBe(true);
    const entry = await t.database.db.selectFrom('audit_log').select('verb').where('record_id', '=', 'MN').executeTakeFirst();
    expect(entry?.verb).toBe('reference.edit');
  });

  it('refuses a correction that breaks the rules of OSCE status, and changes nothing', async () => {
    const response = await t.request(coordinator, {
      method: 'PATCH',
      url: '/api/countries/FR',
      payload: { osceStatus: 'partner' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('validation');
    expect((await get('/api/countries/FR')).json().osceStatus).toBe('participating');
  });

  it('offers the edit action only to those who may edit', async () => {
    expect((await get('/api/countries/FR', coordinator)).json().actions).toEqual(['edit']);
    expect((await get('/api/countries/FR', await t.as('delegation'))).json().actions).toEqual([]);
    expect((await get('/api/countries/FR')).json().actions).toEqual([]);
  });
});

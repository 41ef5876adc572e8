import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { createOrganisation } from '../../test-support/factories.js';
import { insertTestCampaign, organisationByCode, testCampaignBody } from '../../test-support/incidents/rhetoric.js';
import { insertTestDocument } from '../../test-support/network/fixtures.js';
import type { CampaignPage, CampaignView } from './schemas.js';

describe.each(testBackends())('awareness campaigns on %s', (backend) => {
  let t: TestApp;
  let odihr: string;
  beforeAll(async () => {
    t = await testApp(backend);
    odihr = await organisationByCode(t.database.db);
  });
  afterAll(() => t?.close());

  it('is created with countries, audiences, reach and public materials, and found by country', async () => {
    const poster = await insertTestDocument(t, { title: 'Poster: neighbours, not strangers' });
    const guide = await insertTestDocument(t, { title: 'Teachers’ guide' });
    const created = await t.request(await t.as('focal_point'), {
      method: 'POST',
      url: '/api/incidents/campaigns',
      payload: testCampaignBody(odihr, { countries: ['LU', 'BE'], materialIds: [guide, poster] }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const campaign = created.json() as CampaignView;
    expect(campaign).toMatchObject({
      title: 'Neighbours, not strangers',
      countries: ['BE', 'LU'],
      audiences: ['general_public', 'schools'],
      reach: { count: 12000, description: 'Pupils reached in school visits' },
      materials: [
        { id: guide, title: 'Teachers’ guide' },
        { id: poster, title: 'Poster: neighbours, not strangers' },
      ],
      actions: ['edit'],
    });
    expect(campaign.organiser.name).toMatch(/Office for Democratic Institutions and Human Rights/);

    const inLuxembourg = await t.request(null, { method: 'GET', url: '/api/incidents/campaigns?country=LU' });
    const page = inLuxembourg.json() as CampaignPage;
    expect(page.items.map((c) => c.id)).toEqual([campaign.id]);
    // Anyone reads it; only its keepers are offered the edit.
    expect(page.items[0]?.actions).toEqual([]);
    const inFrench = await t.request(null, { method: 'GET', url: `/api/incidents/campaigns/${campaign.id}?lang=fr` });
    expect((inFrench.json() as CampaignView).organiser.name).toMatch(/Bureau des institutions démocratiques/);
    const forPolice = await t.request(null, { method: 'GET', url: '/api/incidents/campaigns?country=LU&audience=police' });
    expect((forPolice.json() as CampaignPage).total).toBe(0);
  });

  it('pages through the list with filters by year', async () => {
    for (let i = 0; i < 3; i++) await insertTestCampaign(t.database.db, odihr, ['MK']);
    const first = (
      await t.request(null, { method: 'GET', url: '/api/incidents/campaigns?country=MK&limit=2' })
    ).json() as CampaignPage;
    const second = (
      await t.request(null, { method: 'GET', url: '/api/incidents/campaigns?country=MK&limit=2&offset=2' })
    ).json() as CampaignPage;
    expect([first.total, first.items.length, second.items.length]).toEqual([3, 2, 1]);
    expect(new Set([...first.items, ...second.items].map((c) => c.id)).size).toBe(3);
    const in2030 = (
      await t.request(null, { method: 'GET', url: '/api/incidents/campaigns?country=MK&year=2030' })
    ).json() as CampaignPage;
    // Open-ended campaigns run on: the three started in 2025 without an end.
    expect(in2030.total).toBe(3);
    const in2020 = (
      await t.request(null, { method: 'GET', url: '/api/incidents/campaigns?country=MK&year=2020' })
    ).json() as CampaignPage;
    expect(in2020.total).toBe(0);
  });

  it('refuses materials that are not public, unknown countries and an end before the start, on their fields', async () => {
    const restricted = await insertTestDocument(t, { access: 'staff' });
    const response = await t.request(await t.as('coordinator'), {
      method: 'POST',
      url: '/api/incidents/campaigns',
      payload: testCampaignBody(odihr, { materialIds: [restricted], countries: ['QQ'], endsOn: '2025-01-01' }),
    });
    expect(response.statusCode).toBe(400);
    expect((response.json().errors as Array<{ pointer: string }>).map((e) => e.pointer).sort()).toEqual([
      '/countries',
      '/endsOn',
      '/materialIds',
    ]);
  });

  it('lets a focal point keep only the campaigns of their own organisation', async () => {
    const other = await createOrganisation(t);
    const focal = await t.as('focal_point');
    const elsewhere = await t.request(focal, {
      method: 'POST',
      url: '/api/incidents/campaigns',
      payload: testCampaignBody(other),
    });
    expect(elsewhere.statusCode).toBe(403);
    const theirs = await insertTestCampaign(t.database.db, other);
    const edit = await t.request(focal, {
      method: 'PUT',
      url: `/api/incidents/campaigns/${theirs}`,
      payload: testCampaignBody(odihr),
    });
    expect(edit.statusCode).toBe(403);
    const ours = await insertTestCampaign(t.database.db, odihr);
    const moved = await t.request(focal, {
      method: 'PUT',
      url: `/api/incidents/campaigns/${ours}`,
      payload: testCampaignBody(other),
    });
    expect(moved.statusCode).toBe(403);
    const kept = await t.request(focal, {
      method: 'PUT',
      url: `/api/incidents/campaigns/${ours}`,
      payload: testCampaignBody(odihr, { title: 'Open doors month', countries: ['AT', 'SI'] }),
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({ title: 'Open doors month', countries: ['AT', 'SI'] });
  });
});

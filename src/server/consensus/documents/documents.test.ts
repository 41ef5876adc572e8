import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { insertTestDocument } from '../../test-support/consensus/fixtures.js';
import { testBackends } from '../../test-support/database.js';
import type { CommitmentView, DocumentView } from '../schemas.js';

/** What the chair and the Secretariat do to a draft besides negotiating it: withdrawal, symbols and the register. */
describe.each(testBackends())('consensus documents and register on %s', (backend) => {
  let t: TestApp;
  let chair: Persona;
  let secretariat: Persona;
  let austria: Persona;

  beforeAll(async () => {
    t = await testApp(backend);
    chair = await t.as('chair');
    secretariat = await t.as('secretariat');
    austria = await t.as('delegation');
  });
  afterAll(() => t?.close());

  it('withdraws a draft: it leaves drafting, its tabled amendments are left and nothing more changes', async () => {
    const d = await insertTestDocument(t.database.db);
    const before = (await t.request(chair, { method: 'GET', url: `/api/consensus/documents/${d.id}` })).json() as DocumentView;
    expect(before.actions).toContain('withdraw');
    const res = await t.request(chair, { method: 'POST', url: `/api/consensus/documents/${d.id}/withdrawal` });
    expect(res.statusCode).toBe(200);
    const view = res.json() as DocumentView;
    expect(view.stage).toBe('withdrawn');
    expect(view.actions).toEqual([]);
    expect(view.amendments.map((a) => a.status)).toEqual(['left']);
    const again = await t.request(chair, {
      method: 'POST',
      url: `/api/consensus/documents/${d.id}/paragraphs`,
      payload: { part: 'operative', text: 'Decides again.' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('The text is no longer being drafted.');
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('verb')
      .where('record_id', '=', d.id)
      .where('verb', '=', 'consensus.withdraw')
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('lets the Secretariat correct a symbol once given, never to one another draft holds', async () => {
    const a = await insertTestDocument(t.database.db);
    const b = await insertTestDocument(t.database.db);
    const url = `/api/consensus/documents/${a.id}/symbol`;
    const chairView = (await t.request(chair, { method: 'GET', url: `/api/consensus/documents/${a.id}` })).json() as DocumentView;
    expect(chairView.actions).not.toContain('symbol');
    const secView = (await t.request(secretariat, { method: 'GET', url: `/api/consensus/documents/${a.id}` })).json();
    expect(secView.actions).toContain('symbol');

    const taken = await t.request(secretariat, { method: 'PUT', url, payload: { council: 'MC', number: b.number, year: 30 } });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().errors[0]).toMatchObject({ pointer: '/number' });
    const ok = await t.request(secretariat, { method: 'PUT', url, payload: { council: 'PC', number: 41, year: 26 } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().symbol).toBe('PC.DD/41/26/Rev.1');

    const adopted = await insertTestDocument(t.database.db, { adopted: true });
    const late = await t.request(secretariat, {
      method: 'PUT',
      url: `/api/consensus/documents/${adopted.id}/symbol`,
      payload: { council: 'PC', number: 42, year: 26 },
    });
    expect(late.statusCode).toBe(409);
  });

  it('keeps the register: the Secretariat corrects an entry, a symbol stays unique, paragraphs recalling it follow', async () => {
    const list = (await t.request(null, { method: 'GET', url: '/api/consensus/commitments' })).json() as CommitmentView[];
    const migration = list.find((c) => c.symbol === 'MC.DEC/2/05')!;
    const tolerance = list.find((c) => c.symbol === 'MC.DEC/4/03')!;
    const url = `/api/consensus/commitments/${migration.id}`;
    const clash = await t.request(secretariat, {
      method: 'PUT',
      url,
      payload: { symbol: tolerance.symbol, title: 'Migration', year: 2005 },
    });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().errors[0].pointer).toBe('/symbol');
    const forbidden = await t.request(austria, { method: 'PUT', url, payload: { title: 'Migration', year: 2005 } });
    expect(forbidden.statusCode).toBe(403);

    const d = await insertTestDocument(t.database.db);
    await t.request(chair, {
      method: 'PATCH',
      url: `/api/consensus/documents/${d.id}/paragraphs/${d.preambularId}`,
      payload: { commitmentId: migration.id },
    });
    const ok = await t.request(secretariat, {
      method: 'PUT',
      url,
      payload: { symbol: 'MC.DEC/2/05', title: 'Migration (Ljubljana)', year: 2005, place: 'Ljubljana' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ title: 'Migration (Ljubljana)', place: 'Ljubljana' });
    const view = (await t.request(chair, { method: 'GET', url: `/api/consensus/documents/${d.id}` })).json() as DocumentView;
    expect(view.paragraphs.find((p) => p.id === d.preambularId)?.commitment?.title).toBe('Migration (Ljubljana)');
    const missing = await t.request(secretariat, {
      method: 'PUT',
      url: '/api/consensus/commitments/00000000-0000-4000-8000-000000000000',
      payload: { title: 'Nothing', year: 2005 },
    });
    expect(missing.statusCode).toBe(404);
  });
});

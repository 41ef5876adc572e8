import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../test-support/app.js';
import { organisationId } from '../test-support/directory/fixtures.js';

describe('what the directory lets reach the logs', () => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    t = await testApp('pglite', { logLevel: 'trace' }, { logStream: stream });
  });
  afterAll(() => t?.close());

  it('holds no contact’s name, email or telephone, whatever is done with them', async () => {
    const coordinator = await t.as('coordinator');
    const odihr = await organisationId(t, 'ODIHR');
    const created = await t.request(coordinator, {
      method: 'POST',
      url: '/api/directory/contacts',
      payload: {
        organisationId: odihr,
        name: 'Zorica Secretname',
        emails: ['zorica.secret@example.org'],
        phones: ['+381 11 555 0199'],
        visibility: 'public',
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    await t.request(coordinator, {
      method: 'PATCH',
      url: `/api/directory/contacts/${id}`,
      payload: { emails: ['not an email'] },
    });
    await t.request(coordinator, { method: 'PATCH', url: `/api/directory/contacts/${id}`, payload: { countries: ['QQ'] } });
    await t.request(null, { method: 'GET', url: '/api/directory/search?q=Secretname' });
    await t.request(null, { method: 'GET', url: '/api/directory/contacts?q=zorica' });
    await t.request(null, { method: 'GET', url: '/api/directory/whom-to-call?country=RS&topic=Secretname' });
    await t.request(coordinator, {
      method: 'POST',
      url: '/api/directory/matrix/import',
      headers: { 'content-type': 'text/csv' },
      payload:
        'Organisation,Activity,Countries,Contact person,Contact email\nODIHR,Logged activity,RS,Zorica Secretname,zorica.secret@example.org\nODIHR,Bad,QQ,Zorica Secretname,bad email\n',
    });
    await t.request(coordinator, { method: 'GET', url: '/api/directory/matrix?format=csv' });
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(10);
    for (const secret of ['Secretname', 'zorica', '555 0199', '5550199'])
      expect(log.toLowerCase()).not.toContain(secret.toLowerCase());
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';
import {
  ensureTestKey,
  insertTestReport,
  TEST_ITERATIONS,
  TEST_PASSPHRASE,
  testReportBody,
} from '../test-support/incidents/fixtures.js';
import { openItem, unsealPrivateKey } from './protected/crypto.js';
import { KeyError, rotateIncidentKey } from './protected/keys.js';
import type { ProtectedView } from './protected/schemas.js';
import { deleteExpiredContacts } from './protected/service.js';
import { refreshPublication } from './publication/service.js';
import type { CaseView } from './review/schemas.js';

describe.each(testBackends())('hate incident workflow on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend, { incidentRateLimit: false });
    await ensureTestKey(t.database.db);
  });
  afterAll(() => t?.close());

  const move = async (id: string, payload: Record<string, unknown>, status = 200) => {
    const response = await t.request(await t.as('incident_reviewer'), {
      method: 'POST',
      url: `/api/incidents/reports/${id}/status`,
      payload,
    });
    expect(response.statusCode, response.body).toBe(status);
    return response.json() as CaseView;
  };
  const risk = async (country: string, year: number) => {
    const response = await t.request(await t.as('analyst'), { method: 'GET', url: `/api/warning/risk/${country}` });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { history: Array<{ year: number; score: number; incidents: number | null }> }).history.find(
      (p) => p.year === year,
    );
  };
  const feedValue = async (country: string, period: string) => {
    const row = await t.database.db
      .selectFrom('warning_observation as o')
      .innerJoin('warning_indicator as i', 'i.id', 'o.indicator_id')
      .select('o.value')
      .where('i.code', '=', 'hate_incidents_verified')
      .where('o.country_iso2', '=', country)
      .where(sql`o.period`, '=', sql`${period}::date`)
      .executeTakeFirst();
    return row ? Number(row.value) : undefined;
  };

  it('moves a report from received through review to verified, with history; the early warning follows only the publication', async () => {
    const first = await insertTestReport(t.database.db, { country: 'HU', status: 'received', occurredOn: '2024-06-02' });
    const second = await insertTestReport(t.database.db, { country: 'HU', status: 'received', occurredOn: '2024-09-12' });
    const before = await risk('HU', 2024);
    expect(before?.incidents ?? null).toBeNull();

    const reviewer = await t.as('incident_reviewer');
    const assigned = await t.request(reviewer, {
      method: 'PUT',
      url: `/api/incidents/reports/${first}/assignee`,
      payload: { userId: reviewer.userId },
    });
    expect(assigned.json()).toMatchObject({ status: 'under_review', assignee: { id: reviewer.userId } });
    await move(first, { status: 'verified', note: 'Confirmed by the police report.' });
    // A verification changes nothing public at once: its time must not show in the feed.
    expect(await feedValue('HU', '2024-01-01')).toBeUndefined();
    await move(second, { status: 'under_review' });
    const verified = await move(second, { status: 'verified' });
    expect(verified.status).toBe('verified');
    expect(verified.closedAt).not.toBeNull();
    expect(await feedValue('HU', '2024-01-01')).toBeUndefined();
    // The scheduled publication: two incidents are a suppressed figure, so no value and no points.
    await refreshPublication(t.database.db);
    expect(await feedValue('HU', '2024-01-01')).toBeUndefined();
    expect((await risk('HU', 2024))?.incidents ?? null).toBeNull();

    // Reopening takes it out of the count again.
    await move(second, { status: 'under_review', note: 'New information from the NGO.' });
    expect(await feedValue('HU', '2024-01-01')).toBeUndefined();

    // The ODIHR submission lists the one verified incident, without personal data.
    const exported = await t.request(reviewer, { method: 'GET', url: '/api/incidents/export/odihr.csv?year=2024' });
    const lines = exported.body.trim().split('\n');
    expect(lines[0]).toBe(
      'date,date_approximate,country,location,incident_category,incident_type,property_target,bias_motivation,bias_indicators,targets,source',
    );
    expect(lines.filter((l) => l.includes('Hungary'))).toEqual([
      '2024-06-02,no,Hungary,Vienna,threat,threat,,racist_xenophobic,,migrants,ngo',
    ]);

    const history = (await t.request(reviewer, { method: 'GET', url: `/api/incidents/reports/${first}` })).json() as CaseView;
    expect(history.history.map((e) => [e.kind, e.toStatus])).toEqual([
      ['assigned', 'under_review'],
      ['status', 'verified'],
    ]);
    expect(history.history[1]?.note).toBe('Confirmed by the police report.');
    expect(history.actions).toContain('status:under_review');
  });

  it('links a duplicate to the kept report, asks a reason for a rejection, and refuses jumps', async () => {
    const kept = await insertTestReport(t.database.db, { status: 'under_review' });
    const copy = await insertTestReport(t.database.db, { status: 'under_review' });
    await move(copy, { status: 'duplicate' }, 400);
    await move(copy, { status: 'duplicate', duplicateOf: copy }, 400);
    const linked = await move(copy, { status: 'duplicate', duplicateOf: kept });
    expect(linked).toMatchObject({ status: 'duplicate', duplicateOf: kept });
    await move(kept, { status: 'duplicate', duplicateOf: '00000000-0000-4000-8000-000000000000' }, 422);
    const keptView = (
      await t.request(await t.as('incident_reviewer'), { method: 'GET', url: `/api/incidents/reports/${kept}` })
    ).json() as CaseView;
    expect(keptView.duplicates).toEqual([copy]);

    const spam = await insertTestReport(t.database.db, { status: 'under_review' });
    await move(spam, { status: 'rejected' }, 400);
    expect(await move(spam, { status: 'rejected', reason: 'Advertising, not an incident.' })).toMatchObject({
      rejectionReason: 'Advertising, not an incident.',
    });
    const fresh = await insertTestReport(t.database.db, { status: 'received' });
    const jump = await t.request(await t.as('incident_reviewer'), {
      method: 'POST',
      url: `/api/incidents/reports/${fresh}/status`,
      payload: { status: 'verified' },
    });
    expect(jump.statusCode).toBe(409);
    expect(jump.headers['content-type']).toMatch(/^application\/problem\+json/);
    const unchanged = await t.database.db
      .selectFrom('incident_report')
      .select('status')
      .where('id', '=', fresh)
      .executeTakeFirstOrThrow();
    expect(unchanged.status).toBe('received');
  });

  it('keeps a redacted description beside the encrypted original, and notes in the history', async () => {
    await t.request(null, {
      method: 'POST',
      url: '/api/incidents/reports',
      payload: testReportBody({ description: 'Jana Novak was insulted by her neighbour.' }),
    });
    const { id } = await t.database.db
      .selectFrom('incident_report')
      .select('id')
      .orderBy('received_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const reviewer = await t.as('incident_reviewer');
    const redacted = await t.request(reviewer, {
      method: 'PUT',
      url: `/api/incidents/reports/${id}/redaction`,
      payload: { text: '[Name] was insulted by her neighbour.' },
    });
    expect(redacted.json()).toMatchObject({ redactedDescription: '[Name] was insulted by her neighbour.' });
    // Saving the same text again succeeds and changes nothing: no second event in the history.
    const again = await t.request(reviewer, {
      method: 'PUT',
      url: `/api/incidents/reports/${id}/redaction`,
      payload: { text: '[Name] was insulted by her neighbour.' },
    });
    expect(again.statusCode).toBe(200);
    await t.request(reviewer, {
      method: 'POST',
      url: `/api/incidents/reports/${id}/notes`,
      payload: { note: 'Asked the NGO for a second source.' },
    });
    const view = (await t.request(reviewer, { method: 'GET', url: `/api/incidents/reports/${id}` })).json() as CaseView;
    expect(view.history.map((e) => e.kind)).toEqual(['received', 'redacted', 'note']);
    expect(view.protectedItems.description).toBe(true);
    const original = (
      await t.request(reviewer, {
        method: 'POST',
        url: `/api/incidents/reports/${id}/protected`,
        payload: { reason: 'Redacting the names.' },
      })
    ).json() as ProtectedView;
    const key = await unsealPrivateKey(
      {
        sealed: Buffer.from(original.key.sealedPrivateKey, 'base64'),
        salt: Buffer.from(original.key.salt, 'base64'),
        iv: Buffer.from(original.key.iv, 'base64'),
        iterations: original.key.iterations,
      },
      TEST_PASSPHRASE,
    );
    const description = original.items.find((i) => i.kind === 'description')!;
    expect(
      openItem(key, {
        wrappedKey: Buffer.from(description.wrappedKey, 'base64'),
        payload: Buffer.from(description.payload, 'base64'),
      }).toString(),
    ).toBe('Jana Novak was insulted by her neighbour.');
  });

  it('a reviewer scoped to a country sees and changes only that country’s cases', async () => {
    const greek = await insertTestReport(t.database.db, { country: 'GR' });
    const italian = await insertTestReport(t.database.db, { country: 'IT' });
    const scoped = await t.user({ role: 'incident_reviewer', scopeType: 'country', countryIso2: 'GR' });
    const queue = (await t.request(scoped, { method: 'GET', url: '/api/incidents/reports?limit=500' })).json() as {
      items: Array<{ id: string; country: string }>;
    };
    expect(queue.items.map((i) => i.id)).toContain(greek);
    expect(queue.items.every((i) => i.country === 'GR')).toBe(true);
    expect((await t.request(scoped, { method: 'GET', url: `/api/incidents/reports/${italian}` })).statusCode).toBe(404);
    const read = await t.request(scoped, {
      method: 'POST',
      url: `/api/incidents/reports/${italian}/protected`,
      payload: { reason: 'Trying another country.' },
    });
    // As for a case that does not exist: the refusal does not confirm that it does.
    expect(read.statusCode).toBe(404);
  });
});

describe.each(testBackends())('hate incident retention and key rotation on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend, { incidentRateLimit: false });
    await ensureTestKey(t.database.db);
  });
  afterAll(() => t?.close());

  const sealedKinds = async (id: string) =>
    (await t.database.db.selectFrom('incident_sealed').select('kind').where('report_id', '=', id).orderBy('kind').execute()).map(
      (r) => r.kind,
    );
  const submitWithContact = async () => {
    const response = await t.request(null, {
      method: 'POST',
      url: '/api/incidents/reports',
      payload: testReportBody({ contact: 'Call +49 30 1234' }),
    });
    expect(response.statusCode, response.body).toBe(201);
    return (
      await t.database.db
        .selectFrom('incident_report')
        .select('id')
        .orderBy('received_at', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow()
    ).id;
  };
  const setCase = (id: string, status: string, closedDaysAgo: number | null) =>
    t.database.db
      .updateTable('incident_report')
      .set({
        status,
        rejection_reason: status === 'rejected' ? 'Test' : null,
        closed_at: closedDaysAgo === null ? null : new Date(Date.now() - closedDaysAgo * 86400_000),
      })
      .where('id', '=', id)
      .execute();

  it('deletes the contact of closed cases past the limit, and nothing else', async () => {
    const old = await submitWithContact();
    const recent = await submitWithContact();
    const open = await submitWithContact();
    const oldRejected = await submitWithContact();
    await setCase(old, 'verified', 40);
    await setCase(recent, 'not_verified', 10);
    await setCase(open, 'under_review', null);
    await setCase(oldRejected, 'rejected', 31);
    const before = await t.database.db.selectFrom('incident_sealed').select(['id', 'kind', 'report_id']).orderBy('id').execute();

    expect(await deleteExpiredContacts(t.database.db, 30)).toEqual({ deleted: 2 });
    expect(await sealedKinds(old)).toEqual(['description']);
    expect(await sealedKinds(oldRejected)).toEqual(['description']);
    expect(await sealedKinds(recent)).toEqual(['contact', 'description']);
    expect(await sealedKinds(open)).toEqual(['contact', 'description']);
    const after = await t.database.db.selectFrom('incident_sealed').select(['id', 'kind', 'report_id']).orderBy('id').execute();
    const gone = before.filter((b) => !after.some((a) => a.id === b.id));
    expect(gone.map((g) => [g.kind, g.report_id]).sort()).toEqual(
      [
        ['contact', old],
        ['contact', oldRejected],
      ].sort(),
    );
    const reports = await t.database.db
      .selectFrom('incident_report')
      .select(['id', 'contact_deleted_at'])
      .where('id', 'in', [old, recent, open, oldRejected])
      .execute();
    expect(
      reports
        .filter((r) => r.contact_deleted_at !== null)
        .map((r) => r.id)
        .sort(),
    ).toEqual([old, oldRejected].sort());
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('record_id')
      .where('verb', '=', 'incident.contact.delete')
      .execute();
    expect(audited.map((a) => a.record_id).sort()).toEqual([old, oldRejected].sort());
    // A second run finds nothing more to delete.
    expect(await deleteExpiredContacts(t.database.db, 30)).toEqual({ deleted: 0 });
  });

  it('rotates the key: every item key is wrapped again, the old passphrase opens nothing new', async () => {
    const id = await submitWithContact();
    await expect(
      rotateIncidentKey(t.database.db, 'not the passphrase at all', 'a brand new passphrase 2027', TEST_ITERATIONS),
    ).rejects.toThrow(KeyError);
    const result = await rotateIncidentKey(t.database.db, TEST_PASSPHRASE, 'a brand new passphrase 2027', TEST_ITERATIONS);
    const items = await t.database.db.selectFrom('incident_sealed').select(['key_id']).execute();
    expect(result.rewrapped).toBe(items.length);
    expect(new Set(items.map((i) => i.key_id))).toEqual(new Set([result.keyId]));
    const keys = await t.database.db.selectFrom('incident_key').selectAll().orderBy('created_at').execute();
    expect(keys.filter((k) => k.retired_at === null)).toHaveLength(1);
    expect(keys.filter((k) => k.sealed_private_key !== null)).toHaveLength(1);
    const view = (
      await t.request(await t.as('incident_reviewer'), {
        method: 'POST',
        url: `/api/incidents/reports/${id}/protected`,
        payload: { reason: 'After rotation.' },
      })
    ).json() as ProtectedView;
    const sealed = {
      sealed: Buffer.from(view.key.sealedPrivateKey, 'base64'),
      salt: Buffer.from(view.key.salt, 'base64'),
      iv: Buffer.from(view.key.iv, 'base64'),
      iterations: view.key.iterations,
    };
    await expect(unsealPrivateKey(sealed, TEST_PASSPHRASE)).rejects.toThrow();
    const key = await unsealPrivateKey(sealed, 'a brand new passphrase 2027');
    const contact = view.items.find((i) => i.kind === 'contact')!;
    expect(
      openItem(key, {
        wrappedKey: Buffer.from(contact.wrappedKey, 'base64'),
        payload: Buffer.from(contact.payload, 'base64'),
      }).toString(),
    ).toBe('Call +49 30 1234');
  });
});

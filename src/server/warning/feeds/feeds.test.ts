import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTSIDE_REQUEST } from '../../audit/record.js';
import { openDatabase } from '../../db/connection.js';
import { type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { runFeed } from './run.js';
import type { FeedRunResult, FeedView } from './schemas.js';

/** UNHCR's Mediterranean sea arrivals by country and year, as published (see ../data/README.md). */
const SEA_ARRIVALS = zlib.gunzipSync(
  fs.readFileSync(new URL('../data/unhcr_sea_arrivals_by_country_year_2014_2022.csv.gz', import.meta.url)),
);
/** The same table with one value mistyped: the whole file must be refused. */
const MALFORMED = Buffer.from(SEA_ARRIVALS.toString('utf8').replace('Greece,2016,173450', 'Greece,2016,many'));
const hxl = (rows: string) => `indicator,country,period,value\n#indicator+code,#country+code,#date,#value\n${rows}`;

/** A source of recorded files in their real formats, plus the ways a source goes wrong. */
function startSource() {
  const files = new Map<string, Buffer | string>([
    ['/sea-arrivals.csv', SEA_ARRIVALS],
    ['/malformed.csv', MALFORMED],
  ]);
  const open = new Set<http.ServerResponse>();
  const server = http.createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0] ?? '';
    if (path === '/never-ends.csv') {
      // The header and the first line of a file, then nothing more, ever.
      open.add(response);
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.write('country_name,year,individuals\n');
      return;
    }
    if (path === '/endless.csv') {
      // An answer that goes on for ever: it must be cut off at the size limit.
      response.writeHead(200, { 'content-type': 'text/csv' });
      const line = Buffer.from('Greece,2015,1\n'.repeat(1000));
      const pump = () => {
        while (response.write(line)) {}
        response.once('drain', pump);
      };
      response.on('close', () => response.removeAllListeners('drain'));
      pump();
      return;
    }
    const body = files.get(path);
    if (body === undefined) {
      response.writeHead(404).end('not here');
      return;
    }
    const delay = path.startsWith('/slow') ? 300 : 0;
    setTimeout(() => response.writeHead(200, { 'content-type': 'text/csv' }).end(body), delay);
  });
  return new Promise<{ base: string; files: typeof files; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        base: `http://127.0.0.1:${port}`,
        files,
        close: () =>
          new Promise((done) => {
            for (const response of open) response.destroy();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

describe.each(testBackends())('scheduled data feeds on %s', (backend) => {
  let t: TestApp;
  let source: Awaited<ReturnType<typeof startSource>>;
  beforeAll(async () => {
    t = await testApp(backend);
    source = await startSource();
  });
  afterAll(async () => {
    await source?.close();
    await t?.close();
  });

  const db = () => t.database.db;
  async function create(name: string, path: string, extra: Record<string, unknown> = {}): Promise<FeedView> {
    const response = await t.request(await t.as('coordinator'), {
      method: 'POST',
      url: '/api/warning/feeds',
      payload: { name, url: `${source.base}${path}?token=secret-token`, everyHours: 24, ...extra },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  async function runNow(id: string): Promise<FeedRunResult> {
    const response = await t.request(await t.as('coordinator'), { method: 'POST', url: `/api/warning/feeds/${id}/run` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  const value = async (indicator: string, country: string, period: string) =>
    (
      await db()
        .selectFrom('warning_observation as o')
        .innerJoin('warning_indicator as i', 'i.id', 'o.indicator_id')
        .select('o.value')
        .where('i.code', '=', indicator)
        .where('o.country_iso2', '=', country)
        .where('o.period', '=', period)
        .executeTakeFirst()
    )?.value;
  const notices = async (kind: string) =>
    db().selectFrom('notification').select(['params', 'link']).where('kind', '=', kind).orderBy('id').execute();
  const batchCount = async () =>
    Number((await db().selectFrom('warning_import_batch').select(db().fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('imports a good file in the importers’ format and shows the batch it recorded, without the token', async () => {
    const feed = await create('Sea arrivals', '/sea-arrivals.csv', { format: 'sea_arrivals_year' });
    expect(feed.lastRunAt).toBeNull();
    const { outcome, feed: after } = await runNow(feed.id);
    expect(outcome).toBe('imported');
    expect(await value('sea_arrivals', 'GR', '2015-01-01')).toBe(856723);
    expect(await value('sea_arrivals', 'IT', '2015-01-01')).toBe(153842);
    expect(after.lastOutcome).toBe('imported');
    expect(after.lastError).toBeNull();
    expect(after.lastBatch?.inserted).toBeGreaterThan(20);
    const batch = await db()
      .selectFrom('warning_import_batch')
      .selectAll()
      .where('id', '=', after.lastBatch?.id ?? '0')
      .executeTakeFirstOrThrow();
    expect(batch.file_name).toBe(`${source.base}/sea-arrivals.csv`);
    expect(batch.format).toBe('sea_arrivals_year');
    // The list of imports, which analysts read too, never shows the address's token.
    const imports = await t.request(await t.as('analyst'), { method: 'GET', url: '/api/warning/imports' });
    expect(imports.body).not.toContain('secret-token');
    expect(imports.json()[0]).toMatchObject({ id: after.lastBatch?.id, fileName: `${source.base}/sea-arrivals.csv` });
    const audit = await db().selectFrom('audit_log').select(['verb', 'details']).where('verb', 'like', 'warning.%').execute();
    expect(audit.map((entry) => entry.verb)).toEqual(
      expect.arrayContaining(['warning.feed.edit', 'warning.import', 'warning.feed.run']),
    );
    expect(JSON.stringify(audit)).not.toContain('secret-token');
    // The next run is a period later.
    expect(new Date(after.nextRunAt).getTime() - new Date(after.lastRunAt ?? 0).getTime()).toBeGreaterThan(23.9 * 3600_000);
  });

  it('changes nothing for a malformed file, records the failure and tells the co-ordinator once', async () => {
    await t.as('coordinator');
    const before = await batchCount();
    const feed = await create('Sea arrivals, mistyped', '/malformed.csv');
    const first = await runNow(feed.id);
    expect(first.outcome).toBe('failed');
    expect(first.feed.lastError?.detail).toBe(
      'The feed’s file was refused: 1 of its rows could not be imported, the first in row 11; nothing was changed.',
    );
    expect(first.feed.lastError?.detailKey).toBe('warning.feed_s_file_was_refused_rows');
    expect(await batchCount()).toBe(before);
    expect(await value('sea_arrivals', 'GR', '2016-01-01')).toBe(173450);
    expect(await notices('warning.feed_failed')).toEqual([
      { params: { feed: 'Sea arrivals, mistyped' }, link: '/operations/jobs' },
    ]);
    // A second failure in a row is on the page, but not told again.
    expect((await runNow(feed.id)).outcome).toBe('failed');
    expect(await notices('warning.feed_failed')).toHaveLength(1);
  });

  it('reports an address that answers an error status', async () => {
    const feed = await create('Gone', '/nowhere.csv');
    const { outcome, feed: after } = await runNow(feed.id);
    expect(outcome).toBe('failed');
    expect(after.lastError?.detail).toBe('The feed’s address answered with the HTTP status 404.');
  });

  it('gives up on an answer that never completes, and reports it', async () => {
    const feed = await create('Never ends', '/never-ends.csv');
    const started = Date.now();
    const run = await runFeed(db(), feed.id, { origin: OUTSIDE_REQUEST, actor: null }, { timeoutMs: 500, maxBytes: 1 << 20 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(run).toEqual({ outcome: 'failed', batchId: null, error: 'The feed’s address did not answer in full within 0.5 s.' });
    const list = await t.request(await t.as('coordinator'), { method: 'GET', url: '/api/warning/feeds' });
    const shown = (list.json() as FeedView[]).find((one) => one.id === feed.id);
    expect(shown).toMatchObject({ lastOutcome: 'failed', running: false });
    expect(shown?.lastError?.detailParams).toEqual({ seconds: '0.5' });
    expect((await notices('warning.feed_failed')).map((n) => n.params)).toContainEqual({ feed: 'Never ends' });
  });

  it('stops reading an answer larger than the limit', async () => {
    const feed = await create('Endless', '/endless.csv');
    const run = await runFeed(db(), feed.id, { origin: OUTSIDE_REQUEST, actor: null }, { timeoutMs: 10_000, maxBytes: 1 << 20 });
    expect(run).toEqual({
      outcome: 'failed',
      batchId: null,
      error: 'The feed’s answer is larger than 1 MB, the most it may be.',
    });
  });

  it('records a run that brings nothing new as unchanged, and says when the data stopped changing', async () => {
    source.files.set('/series.csv', hxl('refugees_hosted,MT,2003,111\nrefugees_hosted,MT,2004,222\n'));
    const feed = await create('Malta series', '/series.csv', { staleAfterRuns: 2 });
    const first = await runNow(feed.id);
    expect(first.outcome).toBe('imported');
    expect(first.feed.lastBatch).toMatchObject({ rowCount: 2, inserted: 2, updated: 0 });
    const second = await runNow(feed.id);
    expect(second.outcome).toBe('unchanged');
    // The batch shown stays the one that changed something.
    expect(second.feed.lastBatch?.id).toBe(first.feed.lastBatch?.id);
    expect(second.feed).toMatchObject({ unchangedRuns: 1, stale: false, lastChangedAt: first.feed.lastChangedAt });
    expect(await notices('warning.feed_stale')).toEqual([]);
    const third = await runNow(feed.id);
    expect(third.feed).toMatchObject({ lastOutcome: 'unchanged', unchangedRuns: 2, stale: true });
    expect(await notices('warning.feed_stale')).toEqual([
      { params: { feed: 'Malta series', runs: '2' }, link: '/operations/jobs' },
    ]);
    // New data again: a corrected value, the history kept, and the feed no longer stale.
    source.files.set('/series.csv', hxl('refugees_hosted,MT,2003,111\nrefugees_hosted,MT,2004,333\n'));
    const fourth = await runNow(feed.id);
    expect(fourth.outcome).toBe('imported');
    expect(fourth.feed).toMatchObject({ unchangedRuns: 0, stale: false, lastBatch: { updated: 1, unchanged: 1 } });
    expect(await value('refugees_hosted', 'MT', '2004-01-01')).toBe(333);
  });

  it('runs a feed once when two instances run it at the same time', async () => {
    source.files.set('/slow-race.csv', hxl('refugees_hosted,CY,2003,5\n'));
    const feed = await create('Race', '/slow-race.csv');
    const second = t.database.url
      ? await openDatabase({ databaseUrl: t.database.url, dataDir: 'unused', poolSize: 2 })
      : { db: db(), close: async () => {} };
    try {
      const before = await batchCount();
      const runner = { origin: OUTSIDE_REQUEST, actor: null } as const;
      const runs = await Promise.all([runFeed(db(), feed.id, runner), runFeed(second.db, feed.id, runner)]);
      expect(runs.filter((run) => run === 'busy')).toHaveLength(1);
      expect(runs.filter((run) => run !== 'busy' && run !== 'not_found' && run.outcome === 'imported')).toHaveLength(1);
      expect(await batchCount()).toBe(before + 1);
      // Pressing "Run now" while it runs is refused, not queued.
      await db().updateTable('warning_feed').set({ running_since: new Date() }).where('id', '=', feed.id).execute();
      const refused = await t.request(await t.as('coordinator'), { method: 'POST', url: `/api/warning/feeds/${feed.id}/run` });
      expect(refused.statusCode).toBe(409);
      await db().updateTable('warning_feed').set({ running_since: null }).where('id', '=', feed.id).execute();
    } finally {
      if (second.db !== db()) await second.close();
    }
  });

  it('runs the feeds that are due from the scheduled job, and no other', async () => {
    const { feedsJob } = await import('./run.js');
    source.files.set('/due.csv', hxl('refugees_hosted,LU,2003,7\n'));
    await db().updateTable('warning_feed').set({ enabled: false }).execute();
    const due = await create('Due', '/due.csv');
    await create('Switched off', '/due.csv', { enabled: false });
    expect(await feedsJob.run(db())).toEqual({ imported: 1, unchanged: 0, failed: 0, busy: 0 });
    // Ran: not due again for a day.
    expect(await feedsJob.run(db())).toEqual({ imported: 0, unchanged: 0, failed: 0, busy: 0 });
    expect(await value('refugees_hosted', 'LU', '2003-01-01')).toBe(7);
    const list = (await t.request(await t.as('coordinator'), { method: 'GET', url: '/api/warning/feeds' })).json() as FeedView[];
    expect(list.find((one) => one.id === due.id)?.lastOutcome).toBe('imported');
  });

  it('refuses an address that is not a web address and a duplicate name, on their fields', async () => {
    const coordinator = await t.as('coordinator');
    const bad = await t.request(coordinator, {
      method: 'POST',
      url: '/api/warning/feeds',
      payload: { name: 'Local file', url: 'file:///etc/passwd', everyHours: 24 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ pointer: '/url' })]);
    const twice = await t.request(coordinator, {
      method: 'POST',
      url: '/api/warning/feeds',
      payload: { name: 'Due', url: 'https://example.org/x.csv', everyHours: 24 },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors).toEqual([expect.objectContaining({ pointer: '/name' })]);
    // Analysts import data but do not see the feeds' addresses, which may hold tokens.
    const analyst = await t.request(await t.as('analyst'), { method: 'GET', url: '/api/warning/feeds' });
    expect(analyst.statusCode).toBe(403);
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../backup/restore.js';
import { writeSnapshot } from '../../backup/snapshot.js';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { freshDatabase, testBackends } from '../../test-support/database.js';
import { insertTestMember } from '../../test-support/network/fixtures.js';
import { part, repeatedPart, zip } from '../../test-support/zip.js';
import { extractPending } from './extraction.js';
import { sampleDocx, sampleOdt, samplePdf } from './sample-files.js';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const FRENCH = [
  ['La coopération transfrontalière entre les services de police améliore le contrôle des frontières extérieures.'],
  [
    'Les agents de première ligne vérifient les documents de voyage falsifiés et orientent les victimes de la traite vers une protection adaptée.',
  ],
];
const RUSSIAN = [
  'Пограничная служба обменивается сведениями о поддельных документах с соседними государствами.',
  'Совместное патрулирование позволяет выявлять новые маршруты незаконного ввоза мигрантов.',
];

/** A PDF whose page tree claims far more pages than it holds. */
function hugePageCountPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 5000000 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) body += `${String(at).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A DOCX-looking container whose document.xml expands to 200 MB; `lying` declares it a few bytes long. */
async function zipBombDocx(lying: boolean): Promise<Buffer> {
  const body = await repeatedPart('word/document.xml', '<w:document>', '<w:t>aaaaaaaa</w:t>', 10_000_000, '</w:document>');
  return zip([part('[Content_Types].xml', '<Types/>'), lying ? { ...body, declaredSize: 4096 } : body]);
}

describe.each(testBackends())('the library on %s', (backend) => {
  let t: TestApp;
  let member: Persona;
  let outsider: Persona;
  let frenchId: string;
  let russianId: string;

  async function upload(persona: Persona, bytes: Buffer, type: string, query: Record<string, string>) {
    const search = new URLSearchParams(query).toString();
    return t.request(persona, {
      method: 'POST',
      url: `/api/library/documents?${search}`,
      payload: bytes,
      headers: { 'content-type': type },
    });
  }
  const count = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('library_version')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await testApp(backend);
    member = await insertTestMember(t, 'FR');
    // Signed in, but neither a member of the network nor OSCE staff.
    outsider = await t.user({ role: 'delegation', countryIso2: 'DE' });
    const pdf = await samplePdf('Coopération aux frontières', FRENCH);
    const docx = await sampleDocx('Обмен информацией на границе', RUSSIAN);
    const fr = await upload(member, pdf, PDF, {
      title: 'Coopération aux frontières',
      type: 'good_practice',
      language: 'fr',
      country: 'FR',
      keyAreas: 'border_management',
      issuedOn: '2025-03-01',
      fileName: 'cooperation.pdf',
      access: 'network',
    });
    expect(fr.statusCode, fr.body).toBe(201);
    frenchId = fr.json().id;
    const ru = await upload(member, docx, DOCX, {
      title: 'Обмен информацией',
      type: 'sop',
      language: 'ru',
      fileName: 'obmen.docx',
      access: 'public',
    });
    expect(ru.statusCode, ru.body).toBe(201);
    russianId = ru.json().id;
    expect(await extractPending(t.database.db)).toBe(2);
  }, 300_000);
  afterAll(() => t?.close());

  it('reads the text of a PDF page by page and of a DOCX, and keeps the file byte for byte', async () => {
    const doc = (await t.request(member, { method: 'GET', url: `/api/library/documents/${frenchId}` })).json();
    expect(doc.versions[0]).toMatchObject({ mediaType: PDF, pageCount: 2, pagesDone: 2, extraction: 'done', hasTextLayer: true });
    const file = await t.request(member, { method: 'GET', url: `/api/library/documents/${frenchId}/file?disposition=inline` });
    expect(file.headers['content-type']).toBe(PDF);
    expect(file.headers['content-disposition']).toMatch(/^inline; filename="cooperation.pdf"/);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const ru = (await t.request(outsider, { method: 'GET', url: `/api/library/documents/${russianId}` })).json();
    expect(ru.versions[0]).toMatchObject({ mediaType: DOCX, extraction: 'done' });
  });

  it('finds a French phrase inside the PDF and a Russian one inside the DOCX, with highlighted snippets', async () => {
    const fr = (
      await t.request(member, { method: 'GET', url: `/api/library/search?q=${encodeURIComponent('documents falsifiés')}` })
    ).json();
    expect(fr.items.map((i: { document: { id: string } }) => i.document.id)).toEqual([frenchId]);
    const hits = fr.items[0].snippet.filter((p: { hit: boolean }) => p.hit).map((p: { text: string }) => p.text);
    expect(hits).toEqual(expect.arrayContaining(['documents', 'falsifiés']));
    expect(fr.items[0].snippet.map((p: { text: string }) => p.text).join('')).toContain(
      'vérifient les documents de voyage falsifiés',
    );
    // Without accents, and an inflected form: the directory's rules.
    const folded = (await t.request(member, { method: 'GET', url: '/api/library/search?q=frontiere%20cooperation' })).json();
    expect(folded.items.map((i: { document: { id: string } }) => i.document.id)).toContain(frenchId);

    const ru = (
      await t.request(member, { method: 'GET', url: `/api/library/search?q=${encodeURIComponent('поддельных документов')}` })
    ).json();
    expect(ru.items.map((i: { document: { id: string } }) => i.document.id)).toEqual([russianId]);
    expect(ru.items[0].snippet.filter((p: { hit: boolean }) => p.hit).map((p: { text: string }) => p.text)).toEqual(
      expect.arrayContaining(['поддельных', 'документах']),
    );
    expect(ru.facets.language).toEqual([{ value: 'ru', count: 1 }]);
  });

  it('keeps a network document from a reader outside the network, in results, facets, counts and downloads', async () => {
    const response = await t.request(outsider, { method: 'GET', url: '/api/library/search' });
    const search = response.json();
    expect(response.statusCode, response.body).toBe(200);
    expect(search.items.map((i: { document: { id: string } }) => i.document.id)).toEqual([russianId]);
    expect(search.total).toBe(1);
    expect(search.facets.country).toEqual([]);
    expect((await t.request(outsider, { method: 'GET', url: `/api/library/documents/${frenchId}/file` })).statusCode).toBe(404);
    expect((await t.request(null, { method: 'GET', url: '/api/library/search?q=falsifiés' })).json().total).toBe(0);
  });

  it('audits the download of a document that is not public', async () => {
    await t.request(member, { method: 'GET', url: `/api/library/documents/${frenchId}/file` });
    await t.request(member, { method: 'GET', url: `/api/library/documents/${russianId}/file` });
    const entries = await t.database.db
      .selectFrom('audit_log')
      .select(['record_id'])
      .where('verb', '=', 'library.download')
      .execute();
    expect(entries.map((e) => e.record_id)).toContain(frenchId);
    expect(entries.map((e) => e.record_id)).not.toContain(russianId);
  });

  it('refuses hostile or mislabelled files with a clear problem, and stores nothing', async () => {
    const before = await count();
    const meta = { title: 'Hostile', type: 'manual', language: 'en', fileName: 'report.pdf' };
    const wrong = await upload(member, Buffer.from('MZ\u0090\u0000\u0003binary executable'), PDF, meta);
    expect(wrong.statusCode).toBe(415);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(wrong.json().detail).toMatch(/PDF, DOCX, ODT/);

    const pages = await upload(member, hugePageCountPdf(), PDF, meta);
    expect(pages.statusCode).toBe(413);
    expect(pages.json().detail).toMatch(/5000000 pages/);

    const encrypted = await upload(
      member,
      Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<< /Root 1 0 R /Encrypt 2 0 R >>\n%%EOF'),
      PDF,
      meta,
    );
    expect(encrypted.statusCode).toBe(400);
    expect(encrypted.json().detail).toMatch(/encrypted/);

    const heapBefore = process.memoryUsage().heapUsed;
    for (const lying of [false, true]) {
      const bomb = await upload(member, await zipBombDocx(lying), DOCX, { ...meta, fileName: 'bomb.docx' });
      expect(bomb.statusCode).toBe(413);
      expect(bomb.json().detail).toMatch(/expands/);
    }
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(150 * 1024 * 1024);

    expect(await count()).toBe(before);
    const documents = await t.database.db.selectFrom('library_document').select('title').where('title', '=', 'Hostile').execute();
    expect(documents).toEqual([]);
  });

  it('refuses an upload from someone outside the network, and names a wrong field', async () => {
    const refused = await upload(outsider, Buffer.from('Some text'), 'text/plain', {
      title: 'X',
      type: 'manual',
      language: 'en',
    });
    expect(refused.statusCode).toBe(403);
    const field = await upload(member, Buffer.from('Some text'), 'text/plain', {
      title: 'X',
      type: 'manual',
      language: 'en',
      keyAreas: 'not_a_key_area',
    });
    expect(field.statusCode).toBe(400);
    expect(field.json().errors).toEqual([expect.objectContaining({ pointer: '/keyAreas' })]);
  });

  it('stores nothing of an upload interrupted halfway', async () => {
    const before = await count();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const pdf = await samplePdf('Interrompu', FRENCH);
    await new Promise<void>((resolve) => {
      const request = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/library/documents?title=Interrompu&type=manual&language=fr',
        headers: { 'content-type': PDF, 'content-length': pdf.length, cookie: member.cookie, 'x-csrf-token': member.csrfToken },
      });
      request.on('error', () => resolve());
      request.on('close', () => resolve());
      request.write(pdf.subarray(0, Math.floor(pdf.length / 2)), () => request.destroy());
    });
    // The server sees the connection close and drops the half-read body: ask it something to be sure it has.
    expect((await t.request(member, { method: 'GET', url: '/api/network/membership' })).statusCode).toBe(200);
    expect(await count()).toBe(before);
  });

  it('adds a version, and backup and restore carry every file byte for byte', { timeout: 180_000 }, async () => {
    const text = Buffer.from('Deuxième version : contrôle coordonné.', 'utf8');
    const added = await t.request(member, {
      method: 'POST',
      url: `/api/library/documents/${frenchId}/versions?fileName=v2.txt`,
      payload: text,
      headers: { 'content-type': 'text/plain' },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().currentVersion).toBe(2);

    const chunks: string[] = [];
    await writeSnapshot(t.database.db, backend, (chunk) => {
      chunks.push(chunk);
    });
    const target = await freshDatabase(backend, { migrate: false });
    try {
      const backup = chunks.join('');
      await restoreBackup(target.db, async function* () {
        for (const line of backup.split('\n')) yield line;
      });
      const files = async (db: typeof target.db) =>
        (
          await db
            .selectFrom('library_version')
            .select(['document_id', 'version', 'content'])
            .orderBy('document_id')
            .orderBy('version')
            .execute()
        ).map((r) => [r.document_id, r.version, Buffer.from(r.content).toString('base64')]);
      const original = await files(t.database.db);
      expect(original.length).toBe(3);
      expect(await files(target.db)).toEqual(original);
    } finally {
      await target.close();
    }
  });

  it('reads the text of an ODT, which search then finds with its passage', async () => {
    const odt = sampleOdt('Sauvetage en mer', [
      'Les garde-côtes signalent les embarcations surchargées aux centres de coordination du sauvetage.',
    ]);
    const added = await upload(member, odt, 'application/octet-stream', {
      title: 'Sauvetage en mer',
      type: 'sop',
      language: 'fr',
      fileName: 'sauvetage.odt',
      access: 'network',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().versions[0].mediaType).toBe('application/vnd.oasis.opendocument.text');
    // The version added before is read too.
    expect(await extractPending(t.database.db)).toBeGreaterThanOrEqual(1);
    const read = (await t.request(member, { method: 'GET', url: `/api/library/documents/${added.json().id}` })).json();
    expect(read.versions[0]).toMatchObject({ extraction: 'done' });
    const found = (
      await t.request(member, { method: 'GET', url: `/api/library/search?q=${encodeURIComponent('embarcation surchargée')}` })
    ).json();
    expect(found.items.map((i: { document: { id: string } }) => i.document.id)).toEqual([added.json().id]);
    expect(found.items[0].snippet.map((p: { text: string }) => p.text).join('')).toContain(
      'les embarcations surchargées aux centres',
    );
    expect(found.items[0].snippet.filter((p: { hit: boolean }) => p.hit).map((p: { text: string }) => p.text)).toEqual(
      expect.arrayContaining(['embarcations', 'surchargées']),
    );
  });
});

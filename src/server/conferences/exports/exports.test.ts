import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { insertTestEvent, insertTestRegistration } from '../../test-support/conferences/fixtures.js';
import { testBackends } from '../../test-support/database.js';
import { openPdf, pdfText, words } from '../../test-support/pdf.js';

// A CommonJS module whose declared default export the compiler does not see as callable.
const jsQR = createRequire(import.meta.url)('jsqr') as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

interface PdfImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  kind: number;
}

/** What each image painted on the PDF's pages reads as a QR code, with a white margin added as a printer would leave. */
async function qrCodesOf(data: Buffer): Promise<string[]> {
  const pdf = await openPdf(data);
  const found: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const ops = await page.getOperatorList();
    for (let i = 0; i < ops.fnArray.length; i++) {
      if (ops.fnArray[i] !== OPS.paintImageXObject) continue;
      const name = ops.argsArray[i][0] as string;
      const image = await new Promise<PdfImage>((resolve) => page.objs.get(name, resolve));
      const pad = 20;
      const width = image.width + 2 * pad;
      const height = image.height + 2 * pad;
      const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
      const channels = image.data.length / (image.width * image.height);
      for (let y = 0; y < image.height; y++) {
        for (let x = 0; x < image.width; x++) {
          const from = (y * image.width + x) * channels;
          const to = ((y + pad) * width + x + pad) * 4;
          const grey = channels === 1 ? image.data[from]! : undefined;
          rgba[to] = grey ?? image.data[from]!;
          rgba[to + 1] = grey ?? image.data[from + 1]!;
          rgba[to + 2] = grey ?? image.data[from + 2]!;
        }
      }
      const decoded = jsQR(rgba, width, height);
      if (decoded) found.push(decoded.data);
    }
  }
  return found;
}

describe.each(testBackends())('the conference exports on %s', (backend) => {
  let t: TestApp;
  let focal: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    focal = await t.as('focal_point');
  });
  afterAll(() => t?.close());

  it('gives the statistics as CSV and XLSX, with the States named', async () => {
    const event = await insertTestEvent(t.database.db);
    await insertTestRegistration(t.database.db, event, { country: 'AT', gender: 'male' });
    await insertTestRegistration(t.database.db, event, { country: 'KZ', name: 'Aigerim Nurlanova', gender: 'female' });
    await insertTestRegistration(t.database.db, event, { country: 'KZ', status: 'waiting', name: 'Daniyar Serikov' });
    const csv = await t.request(focal, { method: 'GET', url: `/api/conferences/events/${event}/statistics/export?format=csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parse(csv.rawPayload, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Breakdown', 'Group', 'Participants']);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Total', 'Confirmed', '2'],
        ['Total', 'Waiting list', '1'],
        ['State', 'Austria', '1'],
        ['State', 'Kazakhstan', '1'],
        ['Vienna', 'East of Vienna', '1'],
        ['Vienna', 'West of Vienna', '1'],
        ['Gender', 'Female', '1'],
        ['Gender', 'Male', '1'],
        ['Gender', 'Another gender', '0'],
        ['Gender', 'Prefers not to say', '0'],
        ['Gender', 'Not stated', '0'],
      ]),
    );
    const xlsx = await t.request(focal, { method: 'GET', url: `/api/conferences/events/${event}/statistics/export?format=xlsx` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(/^attachment; filename="statistics-[0-9a-f]{8}\.xlsx"/);
    const delegation = await t.as('delegation');
    expect(
      (await t.request(delegation, { method: 'GET', url: `/api/conferences/events/${event}/statistics/export?format=csv` }))
        .statusCode,
    ).toBe(403);
  });

  it('gives the agenda as a PDF that reads back with its sessions', async () => {
    const event = await insertTestEvent(t.database.db);
    const session = await t.request(focal, {
      method: 'POST',
      url: `/api/conferences/events/${event}/sessions`,
      payload: {
        title: 'Panel on protection at sea',
        startsAt: '2099-03-01T11:00',
        endsAt: '2099-03-01T12:30',
        room: 'Neuer Saal',
      },
    });
    expect(session.statusCode).toBe(201);
    const pdf = await t.request(null, { method: 'GET', url: `/api/conferences/events/${event}/agenda.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain(words('Expert conference on the migration challenge'));
    expect(text).toContain(words('Panel on protection at sea'));
    expect(text).toContain(words('Neuer Saal'));
    expect(text).toContain(words('2099-03-01 11:00–12:30'));
    expect(text).toContain(words('Europe/Vienna'));
    // A restricted event's agenda asks a stranger to sign in.
    const restricted = await insertTestEvent(t.database.db, { public: false });
    expect((await t.request(null, { method: 'GET', url: `/api/conferences/events/${restricted}/agenda.pdf` })).statusCode).toBe(
      401,
    );
  });

  it('prints a badge for each confirmed participant whose QR code checks them in, once', async () => {
    const event = await insertTestEvent(t.database.db);
    const tokens = [
      await insertTestRegistration(t.database.db, event, { name: 'Anna Gruber' }),
      await insertTestRegistration(t.database.db, event, { name: 'Amira Haddad', country: 'TN' }),
      await insertTestRegistration(t.database.db, event, { name: 'Jonas Weber', country: 'DE' }),
    ];
    await insertTestRegistration(t.database.db, event, { name: 'Waiting Person', status: 'waiting' });
    const pdf = await t.request(focal, { method: 'GET', url: `/api/conferences/events/${event}/badges.pdf` });
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    for (const name of ['Anna Gruber', 'Amira Haddad', 'Jonas Weber']) expect(text).toContain(words(name));
    expect(text).not.toContain(words('Waiting Person'));
    expect(text).toContain(words('Tunisia'));

    const codes = await qrCodesOf(pdf.rawPayload);
    expect(codes).toHaveLength(3);
    expect(codes.map((url) => url.split('/').pop()).sort()).toEqual([...tokens].sort());
    const checkIn = (token: string) => t.request(focal, { method: 'POST', url: '/api/conferences/check-in', payload: { token } });
    const amira = codes.map((url) => url.split('/').pop()!).find((token) => token === tokens[1])!;
    expect((await checkIn(amira)).json()).toMatchObject({ name: 'Amira Haddad' });
    expect((await checkIn(amira)).statusCode).toBe(409);
    // Badges print personal data: the organiser's only.
    expect((await t.request(null, { method: 'GET', url: `/api/conferences/events/${event}/badges.pdf` })).statusCode).toBe(401);
    expect(
      (await t.request(await t.as('delegation'), { method: 'GET', url: `/api/conferences/events/${event}/badges.pdf` }))
        .statusCode,
    ).toBe(403);
  });
});

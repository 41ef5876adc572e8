import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona, TestApp } from '../../test-support/app.js';
import { testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { insertTestReport, sampleContent } from '../../test-support/reports/fixtures.js';

/** The text of every page of a PDF, one string per page, as a reader's copy-and-paste would give it. */
async function pdfText(data: Buffer): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    let text = '';
    let last: { x: number; y: number } | null = null;
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const [x, y] = [item.transform[4] as number, item.transform[5] as number];
      // Runs that touch on the same line join as they are; a gap is a space; a new line a line break.
      if (last) text += Math.abs(y - last.y) > 1 ? '\n' : x - last.x > 1 ? ' ' : '';
      text += item.str;
      last = { x: x + item.width, y };
    }
    pages.push(text.replace(/ +/g, ' '));
  }
  await pdf.destroy();
  return pages;
}

describe.each(testBackends())('the report PDF on %s', (backend) => {
  let t: TestApp;
  let delegation: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    delegation = await t.as('delegation');
  });
  afterAll(() => t?.close());

  it('lays out a distributed report as an official document with numbered paragraphs', async () => {
    const { id } = await insertTestReport(t.database.db, { status: 'distributed', hostCountries: ['GR', 'MK'] });
    const response = await t.request(delegation, { method: 'GET', url: `/api/reports/${id}/report.pdf` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="report-TEST-.*\.pdf"/);
    const pages = await pdfText(response.rawPayload);
    const [title, ...body] = pages;
    expect(title).toContain('Report of the roving fact-finding mission');
    expect(title).toContain('Greece, North Macedonia');
    expect(title).toContain('RESTRICTED');
    const text = body.join('\n');
    // Every paragraph of every section is numbered in reading order.
    const numbered = [
      'Arrivals on the islands doubled in March.',
      'Reception centres hold twice their capacity.',
      'Asylum registration takes four months.',
      'Patrols are not co-ordinated.',
      'Smuggling networks shift towards the land border.',
      'Capacity exhausted; arrivals rising.',
    ];
    let at = -1;
    numbered.forEach((paragraph, i) => {
      const found = text.indexOf(`${i + 1}. ${paragraph}`);
      expect(found, `paragraph ${i + 1}`).toBeGreaterThan(at);
      at = found;
    });
    expect(text).toContain('I. Situation overview');
    expect(text).toContain('Human dimension');
    expect(text).toContain('Alert level: ORANGE');
    expect(text).toContain('V. Recommendations');
    // Table cells wrap inside their column: compare the recommendations table with lines joined.
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(
      `1 ${sampleContent().recommendations[0]!.text} Greece Solidarity with countries of first asylum high 2020-01-31`,
    );
    for (const page of body) expect(page).toContain('RESTRICTED');
  });
});

import mammoth from 'mammoth';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';
import { aknErrors } from './exports/validate.js';
import type { DocumentView } from './schemas.js';
import { concludeDueSilences } from './silence/service.js';

async function pdfText(data: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false }).promise;
  const lines: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item && item.str.trim()) lines.push(item.str);
  }
  await pdf.destroy();
  return lines.join(' ').replace(/\s+/g, ' ');
}

/** A whole negotiation through the API: draft, Rev.1, objection, amendments, Rev.2, silence broken, silence passed, statements, exports. */
describe.each(testBackends())('consensus drafting on %s', (backend) => {
  let t: TestApp;
  let chair: Persona;
  let austria: Persona;
  let italy: Persona;
  let secretariat: Persona;
  let id: string;
  let doc: DocumentView;
  const url = (path = '') => `/api/consensus/documents/${id}${path}`;
  const send = async (who: Persona | null, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, payload?: object) => {
    const res = await t.request(who, { method, url: url(path), ...(payload ? { payload } : {}) });
    if (res.statusCode === 200) doc = res.json();
    return res;
  };
  const para = (number: string) => doc.paragraphs.find((p) => p.number === number)!;
  /** The symbols named by a person's notices of one kind. */
  const noticesOf = async (who: Persona, kind: string) =>
    (
      await t.database.db
        .selectFrom('notification')
        .select('params')
        .where('user_id', '=', who.userId)
        .where('kind', '=', kind)
        .orderBy('created_at')
        .execute()
    ).map((r) => (r.params as { symbol: string }).symbol);

  beforeAll(async () => {
    t = await testApp(backend);
    chair = await t.as('chair');
    secretariat = await t.as('secretariat');
    austria = await t.as('delegation');
    italy = await t.user({ role: 'delegation', countryIso2: 'IT' });
  });
  afterAll(() => t?.close());

  it('drafts a text with numbered paragraphs and issues Rev.1', async () => {
    const created = await t.request(chair, {
      method: 'POST',
      url: '/api/consensus/documents',
      payload: { council: 'MC', number: 7, year: 16, title: 'Decision on migration', body: 'working_group' },
    });
    expect(created.statusCode).toBe(201);
    id = created.json().id;
    expect(created.json().symbol).toBe('MC.DD/7/16');
    const duplicate = await t.request(chair, {
      method: 'POST',
      url: '/api/consensus/documents',
      payload: { council: 'MC', number: 7, year: 16, title: 'Again', body: 'working_group' },
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().errors[0].pointer).toBe('/number');

    const helsinki = (await t.request(null, { method: 'GET', url: '/api/consensus/commitments' }))
      .json()
      .find((c: { year: number }) => c.year === 1975);
    await send(chair, 'POST', '/paragraphs', {
      part: 'preambular',
      text: 'Recalling the Helsinki Final Act,',
      commitmentId: helsinki.id,
    });
    await send(chair, 'POST', '/paragraphs', {
      part: 'operative',
      text: 'Tasks the executive structures to report on mixed migration;',
    });
    await send(chair, 'POST', '/paragraphs', {
      part: 'operative',
      text: 'Encourages all participating States to share good practices;',
    });
    await send(chair, 'POST', '/paragraphs', { part: 'operative', text: 'in border management;', parentId: para('OP2').id });
    // Inserted before OP2: OP2 becomes OP3 and keeps its id and its sub-paragraph.
    const op2 = para('OP2').id;
    await send(chair, 'POST', '/paragraphs', { part: 'operative', text: 'Welcomes the work of ODIHR;', afterId: para('OP1').id });
    expect(doc.paragraphs.map((p) => p.number)).toEqual(['PP1', 'OP1', 'OP2', 'OP3', 'OP3(a)']);
    expect(para('OP3').id).toBe(op2);
    expect(para('PP1').commitment?.title).toMatch(/Final Act/);

    const issued = await send(chair, 'POST', '/revisions');
    expect(issued.statusCode).toBe(200);
    expect(doc.symbol).toBe('MC.DD/7/16/Rev.1');
    // Every delegation learns of the revision by its symbol; the chair who issued it is not told.
    expect(await noticesOf(italy, 'consensus.revision_issued')).toEqual(['MC.DD/7/16/Rev.1']);
    expect(await noticesOf(austria, 'consensus.revision_issued')).toEqual(['MC.DD/7/16/Rev.1']);
    expect(await noticesOf(chair, 'consensus.revision_issued')).toEqual([]);
  });

  it('takes positions per State; a delegation acts for its own State only; adoption is refused while one objects', async () => {
    const op1 = para('OP1').id;
    const noReason = await send(austria, 'PUT', `/paragraphs/${op1}/position`, { stance: 'objection' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].pointer).toBe('/reason');
    const other = await send(austria, 'PUT', `/paragraphs/${op1}/position`, { country: 'FR', stance: 'agree' });
    expect(other.statusCode).toBe(403);

    await send(austria, 'PUT', `/paragraphs/${op1}/position`, { stance: 'objection', reason: 'Reporting duties are too broad.' });
    expect(para('OP1')).toMatchObject({ state: 'blocked', own: { stance: 'objection' }, objectors: [] });
    await send(italy, 'PUT', `/paragraphs/${op1}/position`, { stance: 'agree' });
    // Italy sees its own position and the paragraph's state, not Austria's name.
    expect(para('OP1')).toMatchObject({ state: 'blocked', own: { stance: 'agree' }, objectors: [] });
    const chairView = (await t.request(chair, { method: 'GET', url: url() })).json() as DocumentView;
    expect(chairView.paragraphs.find((p) => p.id === op1)?.objectors).toEqual(['AT']);

    const matrix = (await t.request(secretariat, { method: 'GET', url: url('/matrix') })).json();
    expect(matrix.states).toHaveLength(57);
    expect(matrix.cells).toHaveLength(2);
    const own = (await t.request(italy, { method: 'GET', url: url('/matrix') })).json();
    expect(own).toMatchObject({ states: ['IT'], complete: false });
    expect(own.cells).toEqual([expect.objectContaining({ country: 'IT', stance: 'agree' })]);

    const refused = await send(chair, 'POST', '/adoption', {});
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.json()).toMatchObject({
      detail: 'There is no consensus: objections still stand on OP1.',
      paragraphs: 'OP1',
    });
    expect((await send(chair, 'POST', '/silence', { deadline: new Date(Date.now() + 60_000).toISOString() })).statusCode).toBe(
      409,
    );
  });

  it('compiles amendments in brackets, takes one into Rev.2, flags one whose paragraph is deleted, and compares revisions word by word', async () => {
    const op1 = para('OP1');
    await send(austria, 'POST', '/amendments', {
      kind: 'replace',
      paragraphId: op1.id,
      oldWords: 'report on',
      newWords: 'report annually on',
      justification: 'A clear rhythm.',
      cosponsors: ['DE'],
    });
    await send(italy, 'POST', '/amendments', {
      kind: 'delete',
      paragraphId: para('OP2').id,
      justification: 'ODIHR is welcomed elsewhere.',
    });
    const replace = doc.amendments.find((a) => a.kind === 'replace')!;
    await send(italy, 'POST', `/amendments/${replace.id}/cosponsors`, {});
    expect(doc.amendments.find((a) => a.id === replace.id)?.cosponsors).toEqual(['DE', 'IT']);

    const compiled = (await t.request(chair, { method: 'GET', url: url('/compilation') })).json();
    expect(compiled.paragraphs.find((p: { number: string }) => p.number === 'OP1').bracketed).toBe(
      'Tasks the executive structures to [report on] [report annually on] mixed migration;',
    );
    expect(compiled.paragraphs.find((p: { number: string }) => p.number === 'OP2').bracketed).toBe(
      '[Welcomes the work of ODIHR;]',
    );

    await send(chair, 'POST', `/amendments/${replace.id}/decision`, { decision: 'taken' });
    expect(para('OP1').text).toBe('Tasks the executive structures to report annually on mixed migration;');
    // The chair deletes OP2 directly: Italy's amendment to it is flagged at the next revision, not lost.
    await send(chair, 'DELETE', `/paragraphs/${para('OP2').id}`);
    await send(chair, 'POST', '/revisions');
    expect(doc.symbol).toBe('MC.DD/7/16/Rev.2');
    expect(doc.amendments.find((a) => a.kind === 'delete')).toMatchObject({ status: 'tabled', flagged: true });
    expect(doc.paragraphs.map((p) => p.number)).toEqual(['PP1', 'OP1', 'OP2', 'OP2(a)']);

    const diff = (await t.request(italy, { method: 'GET', url: url('/compare?from=1&to=2') })).json();
    const changed = diff.paragraphs.find((p: { change: string }) => p.change === 'changed');
    expect(changed.words).toEqual([
      { op: 'same', text: 'Tasks the executive structures to report ' },
      { op: 'added', text: 'annually ' },
      { op: 'same', text: 'on mixed migration;' },
    ]);
    expect(diff.paragraphs.find((p: { change: string }) => p.change === 'deleted')).toMatchObject({
      fromNumber: 'OP2',
      toNumber: null,
    });
    expect(diff.paragraphs.find((p: { fromNumber: string }) => p.fromNumber === 'OP3')).toMatchObject({
      toNumber: 'OP2',
      change: 'same',
    });
  });

  it('ends silence when one State breaks it, and adopts at the deadline exactly once when none does', async () => {
    await send(austria, 'PUT', `/paragraphs/${para('OP1').id}/position`, { stance: 'can_live' });
    const past = await send(chair, 'POST', '/silence', { deadline: new Date(Date.now() - 1000).toISOString() });
    expect(past.json().errors[0].pointer).toBe('/deadline');
    await send(chair, 'POST', '/silence', { deadline: new Date(Date.now() + 3_600_000).toISOString() });
    expect(doc.stage).toBe('silence');
    expect(await noticesOf(italy, 'consensus.silence_started')).toEqual([doc.symbol]);
    expect((await send(austria, 'PUT', `/paragraphs/${para('OP1').id}/position`, { stance: 'agree' })).statusCode).toBe(409);
    const broken = await send(italy, 'POST', '/silence/break', { statement: 'Italy needs more time on OP2.' });
    expect(broken.statusCode).toBe(200);
    expect(doc.stage).toBe('drafting');
    expect(doc.silences[0]).toMatchObject({ state: 'broken', brokenBy: 'IT' });
    expect((await send(austria, 'POST', '/silence/break', { statement: 'Late.' })).statusCode).toBe(409);

    await send(chair, 'PATCH', `/paragraphs/${para('OP2').id}`, {
      text: 'Encourages participating States to share good practices;',
    });
    await send(chair, 'POST', '/revisions');
    await send(chair, 'POST', '/silence', { deadline: new Date(Date.now() + 3_600_000).toISOString() });
    // Not before the deadline.
    expect(await concludeDueSilences(t.database.db)).toEqual({ adopted: 0, lapsed: 0 });
    await t.database.db
      .updateTable('consensus_silence')
      .set({ deadline: new Date(Date.now() - 10) })
      .where('document_id', '=', id)
      .where('state', '=', 'running')
      .execute();
    const [first, second] = await Promise.all([concludeDueSilences(t.database.db), concludeDueSilences(t.database.db)]);
    expect(first.adopted + second.adopted).toBe(1);
    expect(await concludeDueSilences(t.database.db)).toEqual({ adopted: 0, lapsed: 0 });
    doc = (await t.request(chair, { method: 'GET', url: url() })).json();
    expect(doc).toMatchObject({ stage: 'adopted', adoptedHow: 'silence', decisionSymbol: 'MC.DEC/1/16' });
    expect(doc.silences.map((s) => s.state)).toEqual(['broken', 'passed']);
  });

  it('attaches interpretative statements that others join, and publishes the adopted text', async () => {
    await send(austria, 'POST', '/statements', { text: 'Austria understands OP1 as applying within existing resources.' });
    await send(italy, 'POST', `/statements/${doc.statements[0]!.id}/joiners`, {});
    expect(doc.statements[0]).toMatchObject({ number: 1, country: 'AT', joiners: ['IT'] });
    const list = (await t.request(null, { method: 'GET', url: '/api/consensus/public/decisions' })).json();
    expect(list.items.map((d: { decisionSymbol: string }) => d.decisionSymbol)).toContain('MC.DEC/1/16');
    const open = (await t.request(null, { method: 'GET', url: `/api/consensus/public/decisions/${id}` })).json();
    expect(open.amendments).toEqual([]);
    expect(open.statements).toHaveLength(1);
  });

  it('exports Akoma Ntoso that validates, a PDF and a DOCX that hold the numbered paragraphs in order', async () => {
    const xml = await t.request(null, { method: 'GET', url: url('/text.xml') });
    expect(xml.statusCode).toBe(200);
    expect(await aknErrors(xml.body)).toEqual([]);
    expect(xml.body).toContain('<docNumber>MC.DEC/1/16</docNumber>');
    const rev1 = await t.request(austria, { method: 'GET', url: url('/text.xml?revision=1') });
    expect(await aknErrors(rev1.body)).toEqual([]);
    // The paragraph keeps its eId from Rev.1 to the decision.
    const eId = /<paragraph eId="(para_[0-9a-f]+)"><num>1\.<\/num>/.exec(rev1.body)?.[1];
    expect(xml.body).toContain(`<paragraph eId="${eId}"><num>1.</num>`);
    expect((await t.request(null, { method: 'GET', url: url('/text.xml?revision=1') })).statusCode).toBe(404);

    const pdf = await pdfText((await t.request(null, { method: 'GET', url: url('/text.pdf') })).rawPayload);
    expect(pdf).toMatch(
      /MC\.DEC\/1\/16.*Original: ENGLISH.*Recalling the Helsinki Final Act.*1\. Tasks the executive structures to report annually.*2\. Encourages.*\(a\) in border management.*Attachment 1.*Austria, Italy/,
    );
    const docx = await mammoth.extractRawText({
      buffer: (await t.request(null, { method: 'GET', url: url('/text.docx') })).rawPayload,
    });
    expect(docx.value).toMatch(
      /Original: ENGLISH[\s\S]*Recalling[\s\S]*1\.\tTasks[\s\S]*2\.\tEncourages[\s\S]*\(a\)\tin border management/,
    );
  }, 120_000);

  it('streams changes with event ids, and replays what a reconnecting page missed after Last-Event-ID', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const open = async (lastEventId?: string) => {
      const controller = new AbortController();
      const response = await fetch(`${address}${url('/events')}`, {
        headers: { cookie: chair.cookie, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
        signal: controller.signal,
      });
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let text = '';
      /** Reads until the stream holds the pattern (the events arrive within a poll of the table). */
      const until = async (pattern: RegExp) => {
        const deadline = Date.now() + 20_000;
        while (!pattern.test(text)) {
          if (Date.now() > deadline) throw new Error(`No ${pattern} in the stream: ${text}`);
          const { value, done } = await reader.read();
          if (done) throw new Error(`The stream ended: ${text}`);
          text += decoder.decode(value, { stream: true });
        }
        return text;
      };
      return { until, close: () => controller.abort() };
    };
    const first = await open();
    await first.until(/event: ready/);
    await send(italy, 'POST', '/statements', { text: 'Italy recalls the Helsinki Final Act.' });
    const seen = await first.until(/id: (\d+)\nevent: change\ndata: \{"kind":"statement"\}/);
    const lastId = /id: (\d+)\nevent: change/.exec(seen)?.[1] as string;
    first.close();
    // While the page is away, Austria joins Italy's statement.
    await send(austria, 'POST', `/statements/${doc.statements[1]!.id}/joiners`, {});
    const again = await open(lastId);
    const replay = await again.until(/event: change\ndata: \{"kind":"statement"\}/);
    const replayed = [...replay.matchAll(/id: (\d+)\nevent: change/g)].map((m) => Number(m[1]));
    expect(replayed.length).toBeGreaterThan(0);
    expect(replayed.every((n) => n > Number(lastId))).toBe(true);
    again.close();
  }, 60_000);
});

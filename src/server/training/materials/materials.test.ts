import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { insertTestExpert } from '../../test-support/roster/fixtures.js';
import { courseId, insertTestNomination, insertTestSession } from '../../test-support/training/fixtures.js';

/** An executable with a PDF's name and declared type: refused by its content. */
const DISGUISED = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(512, 0x41)]);
/** A PDF that says it is encrypted: the library refuses those, and so do the materials. */
const ENCRYPTED_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n' +
    '3 0 obj\n<< /Filter /Standard /V 2 /R 3 /O (x) /U (y) /P -4 >>\nendobj\n' +
    'trailer\n<< /Root 1 0 R /Encrypt 3 0 R /Size 4 >>\n%%EOF\n',
  'latin1',
);

describe.each(testBackends())('a session’s trainers, its materials and course editing on %s', (backend) => {
  let t: TestApp;
  let focal: Persona;
  let delegation: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    focal = await t.as('focal_point');
    delegation = await t.as('delegation');
  });
  afterAll(() => t?.close());

  const materialCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('training_material')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const upload = (who: Persona, sessionId: string, bytes: Buffer, type: string, title = 'Agenda', fileName = 'agenda.txt') =>
    t.request(who, {
      method: 'POST',
      url: `/api/training/sessions/${sessionId}/materials?${new URLSearchParams({ title, fileName })}`,
      payload: bytes,
      headers: { 'content-type': type },
    });

  it('chooses trainers from the roster, by name, or as external people, and shows them on the session', async () => {
    const session = await insertTestSession(t.database.db);
    const expert = await insertTestExpert(t.database.db, { name: 'Dr Ana Petrović' });
    const url = `/api/training/sessions/${session}/trainers`;
    const put = (who: Persona, payload: object) => t.request(who, { method: 'PUT', url, payload });
    const saved = await put(focal, { trainers: [{ expertId: expert }, { externalName: '  Miriam Levi ' }] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().trainers).toEqual([
      { expertId: expert, name: 'Dr Ana Petrović' },
      { expertId: null, name: 'Miriam Levi' },
    ]);
    const seen = await t.request(delegation, { method: 'GET', url: `/api/training/sessions/${session}` });
    expect(seen.json().trainers.map((tr: { name: string }) => tr.name)).toEqual(['Dr Ana Petrović', 'Miriam Levi']);

    // Both or neither, an expert not on the roster, or one named twice: refused on the field, nothing changed.
    const both = await put(focal, { trainers: [{ expertId: expert, externalName: 'Someone' }] });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors).toEqual([expect.objectContaining({ pointer: '/trainers/0' })]);
    const unknown = await put(focal, { trainers: [{ externalName: 'A' }, { expertId: '00000000-0000-4000-8000-000000000001' }] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ pointer: '/trainers/1/expertId' })]);
    const twice = await put(focal, { trainers: [{ expertId: expert }, { expertId: expert }] });
    expect(twice.statusCode).toBe(400);
    expect((await t.request(focal, { method: 'GET', url: `/api/training/sessions/${session}` })).json().trainers).toHaveLength(2);

    // Another structure's focal point does not choose ODIHR's trainers.
    const osce = await t.database.db.selectFrom('organisation').select('id').where('code', '=', 'CPC').executeTakeFirstOrThrow();
    const other = await t.user({ role: 'focal_point', scopeType: 'organisation', organisationId: osce.id });
    expect((await put(other, { trainers: [] })).statusCode).toBe(403);
    expect((await put(focal, { trainers: [] })).json().trainers).toEqual([]);
  });

  it('edits a course through the same form, keeping its questions once the test has been taken', async () => {
    const id = await courseId(t.database.db, 'THB-ID');
    const body = {
      code: 'THB-ID',
      title: 'Identifying and referring victims of trafficking',
      objectives: 'Know the indicators; interview safely; refer.',
      providerCode: 'CTHB',
      audiences: ['police', 'border_guards'],
      durationHours: 24,
      languages: ['en', 'it'],
      keyArea: 'trafficking',
      grantsCompetence: 'victim_identification',
      grantsLevel: 3,
    };
    // THB-ID is the co-ordinator's or CTHB's: ODIHR's focal point may not change it.
    expect((await t.request(focal, { method: 'PUT', url: `/api/training/courses/${id}`, payload: body })).statusCode).toBe(403);
    const coordinator = await t.as('coordinator');
    const edited = await t.request(coordinator, { method: 'PUT', url: `/api/training/courses/${id}`, payload: body });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      title: 'Identifying and referring victims of trafficking',
      durationHours: 24,
      grantsLevel: 3,
      questionCount: 3,
    });
    const questions = [{ text: 'Who holds the documents?', options: ['The person', 'Someone else'], correct: 1 }];
    const replaced = await t.request(coordinator, {
      method: 'PUT',
      url: `/api/training/courses/${id}`,
      payload: { ...body, questions },
    });
    expect(replaced.json().questionCount).toBe(1);
    const session = await insertTestSession(t.database.db, { course: 'THB-ID' });
    const nomination = await insertTestNomination(t.database.db, session, { status: 'selected' });
    await t.database.db
      .insertInto('training_attempt')
      .values({ nomination_id: nomination, kind: 'pre', answers: '[1]', score: 1, max_score: 1 })
      .execute();
    const late = await t.request(coordinator, {
      method: 'PUT',
      url: `/api/training/courses/${id}`,
      payload: { ...body, title: 'Changed', questions: [...questions, ...questions] },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().errors).toEqual([expect.objectContaining({ pointer: '/questions' })]);
    expect((await t.request(coordinator, { method: 'GET', url: `/api/training/courses/${id}` })).json()).toMatchObject({
      title: 'Identifying and referring victims of trafficking',
      questionCount: 1,
    });
  });

  it('attaches materials checked by their content; participants and staff download them, nobody else', async () => {
    const session = await insertTestSession(t.database.db);
    const agenda = 'Day 1: bias indicators and recording.\nDay 2: working with communities.\n';
    const uploaded = await upload(focal, session, Buffer.from(agenda), 'application/octet-stream', 'Agenda', 'agenda.txt');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({ title: 'Agenda', fileName: 'agenda.txt', mediaType: 'text/plain' });
    const materialId = uploaded.json().id as string;
    const file = `/api/training/materials/${materialId}/file`;

    // The provider sees it on the session page and downloads it, as an attachment.
    const page = await t.request(focal, { method: 'GET', url: `/api/training/sessions/${session}` });
    expect(page.json().documents).toEqual([expect.objectContaining({ id: materialId, title: 'Agenda' })]);
    const download = await t.request(focal, { method: 'GET', url: file });
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe(agenda);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="agenda.txt"/);

    // An officer nominated for the session downloads it; once declined, or never nominated, not.
    const officer = await t.user({ role: 'expert', email: 'officer.materials@example.org' });
    const stranger = await t.user({ role: 'expert', email: 'stranger.materials@example.org' });
    const nomination = await insertTestNomination(t.database.db, session, { userId: officer.userId });
    expect((await t.request(officer, { method: 'GET', url: file })).body).toBe(agenda);
    expect((await t.request(officer, { method: 'GET', url: `/api/training/sessions/${session}` })).json().documents).toHaveLength(
      1,
    );
    expect((await t.request(stranger, { method: 'GET', url: file })).statusCode).toBe(403);
    expect((await t.request(stranger, { method: 'GET', url: `/api/training/sessions/${session}` })).json().documents).toEqual([]);
    expect((await t.request(delegation, { method: 'GET', url: file })).statusCode).toBe(403);
    await t.database.db
      .updateTable('training_nomination')
      .set({ status: 'declined', reason: 'Full' })
      .where('id', '=', nomination)
      .execute();
    expect((await t.request(officer, { method: 'GET', url: file })).statusCode).toBe(403);
    expect((await t.request(null, { method: 'GET', url: file })).statusCode).toBe(401);

    // The provider removes it.
    expect((await t.request(focal, { method: 'DELETE', url: `/api/training/materials/${materialId}` })).statusCode).toBe(204);
    expect((await t.request(focal, { method: 'GET', url: file })).statusCode).toBe(404);
  });

  it('refuses hostile or empty files with problem+json, and stores nothing', async () => {
    const session = await insertTestSession(t.database.db);
    const before = await materialCount();
    const disguised = await upload(focal, session, DISGUISED, 'application/pdf', 'Slides', 'slides.pdf');
    expect(disguised.statusCode).toBe(415);
    expect(disguised.headers['content-type']).toMatch(/^application\/problem\+json/);
    const encrypted = await upload(focal, session, ENCRYPTED_PDF, 'application/pdf', 'Slides', 'slides.pdf');
    expect(encrypted.statusCode).toBeGreaterThanOrEqual(400);
    expect(encrypted.statusCode).toBeLessThan(500);
    expect(encrypted.headers['content-type']).toMatch(/^application\/problem\+json/);
    const empty = await upload(focal, session, Buffer.alloc(0), 'text/plain');
    expect(empty.statusCode).toBe(400);
    const json = await t.request(focal, {
      method: 'POST',
      url: `/api/training/sessions/${session}/materials?title=Agenda`,
      payload: { not: 'a file' },
    });
    expect(json.statusCode).toBe(415);
    expect(await materialCount()).toBe(before);
  });
});

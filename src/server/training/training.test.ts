import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopSolver } from '../solver/highs.js';
import { type Persona, type TestApp, testApp } from '../test-support/app.js';
import { testBackends } from '../test-support/database.js';
import { insertTestMission } from '../test-support/missions/fixtures.js';
import { insertTestExpert } from '../test-support/roster/fixtures.js';
import { courseId, insertTestNomination, insertTestSession } from '../test-support/training/fixtures.js';
import { verifyPdf } from './certificates/signature.js';
import { seedTrainingDemo } from './seed.js';

afterAll(() => stopSolver());

const OFFICER = {
  countryIso2: 'AT',
  name: 'Anna Gruber',
  function: 'Police inspector',
  agencyType: 'police',
  gender: 'female',
  languages: ['de', 'en'],
  consent: true,
};

describe.each(testBackends())('training on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  let focal: Persona;
  let delegation: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
    focal = await t.as('focal_point');
    delegation = await t.as('delegation');
  });
  afterAll(() => t?.close());

  const get = (who: Persona | null, url: string) => t.request(who, { method: 'GET', url });
  const post = (who: Persona | null, url: string, payload: unknown) =>
    t.request(who, { method: 'POST', url, payload: payload as object });
  const kinds = async (userId: string) =>
    (await t.database.db.selectFrom('notification').select('kind').where('user_id', '=', userId).execute()).map((r) => r.kind);

  it('holds the essay’s courses in the catalogue, with what they grant', async () => {
    const response = await get(delegation, '/api/training/courses');
    expect(response.statusCode).toBe(200);
    const courses = response.json().items as Array<{ code: string; keyArea: string; grantsPrerequisite: string | null }>;
    expect(courses.map((c) => c.code).sort()).toEqual(['BM-HR', 'HC-POLICE', 'HC-PROSEC', 'HEAT', 'INT-MIGR', 'THB-ID']);
    expect(courses.find((c) => c.code === 'BM-HR')).toMatchObject({ keyArea: 'border_management' });
    expect(courses.find((c) => c.code === 'HEAT')).toMatchObject({ grantsPrerequisite: 'heat', grantsValidityMonths: 36 });
    const police = await get(delegation, '/api/training/courses?audience=prosecutors');
    expect(police.json().items.map((c: { code: string }) => c.code)).toEqual(['HC-PROSEC']);
  });

  it('lets a delegation nominate only for its State, with consent, and tells the provider; the provider selects, waitlists or declines with a reason and tells both', async () => {
    const session = await insertTestSession(t.database.db, { capacity: 1 });
    const nominee = await t.user({ email: 'anna.gruber@example.org' });
    const url = `/api/training/sessions/${session}/nominations`;
    const first = await post(delegation, url, { ...OFFICER, email: 'anna.gruber@example.org' });
    expect(first.statusCode).toBe(201);
    expect(first.json().nominations).toEqual([
      expect.objectContaining({ name: 'Anna Gruber', status: 'nominated', countryIso2: 'AT', hasAccount: true }),
    ]);
    expect(await kinds(focal.userId)).toContain('training.nominated');
    expect((await post(delegation, url, { ...OFFICER, countryIso2: 'DE' })).statusCode).toBe(403);
    const noConsent = await post(delegation, url, { ...OFFICER, consent: false });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().errors).toEqual([expect.objectContaining({ pointer: '/consent' })]);
    const second = await post(delegation, url, { ...OFFICER, name: 'Lukas Huber', gender: 'male' });
    const [anna, lukas] = second.json().nominations as Array<{ id: string }>;

    const noReason = await post(focal, `/api/training/nominations/${lukas!.id}/decision`, { status: 'declined' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([expect.objectContaining({ pointer: '/reason' })]);
    expect((await post(focal, `/api/training/nominations/${anna!.id}/decision`, { status: 'selected' })).statusCode).toBe(200);
    const full = await post(focal, `/api/training/nominations/${lukas!.id}/decision`, { status: 'selected' });
    expect(full.statusCode).toBe(409);
    const declined = await post(focal, `/api/training/nominations/${lukas!.id}/decision`, {
      status: 'declined',
      reason: 'The session is full; please nominate him for the autumn session.',
    });
    expect(declined.json().nominations.map((n: { status: string }) => n.status)).toEqual(['selected', 'declined']);
    expect(await kinds(delegation.userId)).toEqual(expect.arrayContaining(['training.selected', 'training.declined']));
    expect(await kinds(nominee.userId)).toEqual(['training.selected']);

    // The participant sees only their own nomination on the session page; another person none.
    const own = await get(nominee, `/api/training/sessions/${session}`);
    expect(own.json().nominations.map((n: { name: string }) => n.name)).toEqual(['Anna Gruber']);
    const stranger = await get(await t.as('expert'), `/api/training/sessions/${session}`);
    expect(stranger.json().nominations).toEqual([]);
    // The focal point of another structure may not decide on ODIHR's course.
    const other = await t.user({
      role: 'focal_point',
      organisationId: (
        await t.database.db.selectFrom('organisation').select('id').where('code', '=', 'HCNM').executeTakeFirstOrThrow()
      ).id,
    });
    expect((await post(other, `/api/training/nominations/${anna!.id}/decision`, { status: 'waitlisted' })).statusCode).toBe(403);
  });

  it('scores each test once, even when the same test is sent twice at once, and shows each participant only their own results', async () => {
    const session = await insertTestSession(t.database.db);
    const participant = await t.user({});
    const other = await t.user({});
    const mine = await insertTestNomination(t.database.db, session, { status: 'selected', userId: participant.userId });
    await insertTestNomination(t.database.db, session, { status: 'selected', userId: other.userId, name: 'Other Officer' });
    const test = await get(participant, `/api/training/nominations/${mine}/tests/pre`);
    expect(test.statusCode).toBe(200);
    expect(test.json().questions).toHaveLength(3);
    expect(JSON.stringify(test.json())).not.toContain('correct');
    expect((await get(other, `/api/training/nominations/${mine}/tests/pre`)).statusCode).toBe(403);

    // HC-POLICE's answers are 1, 1, 1: one of three before, all three after.
    const pre = await post(participant, `/api/training/nominations/${mine}/tests/pre`, { answers: [1, 0, null] });
    expect(pre.statusCode).toBe(201);
    expect(pre.json().attempt).toMatchObject({ score: 1, max: 3 });
    expect((await post(participant, `/api/training/nominations/${mine}/tests/pre`, { answers: [1, 1, 1] })).statusCode).toBe(409);
    const racing = await Promise.all([
      post(participant, `/api/training/nominations/${mine}/tests/post`, { answers: [1, 1, 1] }),
      post(participant, `/api/training/nominations/${mine}/tests/post`, { answers: [0, 0, 0] }),
    ]);
    expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const bad = await post(other, `/api/training/nominations/${mine}/tests/post`, { answers: [1, 1, 1] });
    expect(bad.statusCode).toBe(403);

    const me = (await get(participant, '/api/training/me')).json().items;
    expect(me).toHaveLength(1);
    const winner = racing.find((r) => r.statusCode === 201)!.json().attempt.score as number;
    expect(me[0]).toMatchObject({ preScore: 33.3, postScore: winner === 3 ? 100 : 0 });
    expect((await get(other, '/api/training/me')).json().items[0]).toMatchObject({ preScore: null, postScore: null });
    // The other participant's session page carries no result of the first.
    const seen = (await get(other, `/api/training/sessions/${session}`)).json().nominations;
    expect(seen.map((n: { id: string }) => n.id)).not.toContain(mine);
    // The provider sees everyone's scores and the gain.
    const provider = (await get(focal, `/api/training/sessions/${session}`)).json();
    expect(provider.nominations.find((n: { id: string }) => n.id === mine)).toMatchObject({ preScore: 33.3 });
  });

  it('shows evaluations only in aggregate and only from five answers up, for any filter', async () => {
    const course = await courseId(t.database.db, 'THB-ID');
    const big = await insertTestSession(t.database.db, { course: 'THB-ID', startsOn: '2026-09-01', endsOn: '2026-09-02' });
    const small = await insertTestSession(t.database.db, { course: 'THB-ID', startsOn: '2025-09-01', endsOn: '2025-09-02' });
    const evaluate = async (session: string, score: number) => {
      const person = await t.user({});
      const id = await insertTestNomination(t.database.db, session, { status: 'selected', userId: person.userId });
      const body = { relevance: score, content: score, trainers: 5, organisation: 4, comment: `Comment ${score}` };
      const response = await post(person, `/api/training/nominations/${id}/evaluation`, body);
      expect(response.statusCode).toBe(201);
      return { person, id, body };
    };
    const first = await evaluate(big, 5);
    expect((await post(first.person, `/api/training/nominations/${first.id}/evaluation`, first.body)).statusCode).toBe(409);
    for (const score of [4, 3, 4]) await evaluate(big, score);
    await evaluate(small, 1);
    const filters = [`sessionId=${big}`, 'year=2026', `sessionId=${small}`, 'year=2025'];
    const read = async (filter: string) => (await get(focal, `/api/training/evaluations?${filter}`)).json();
    for (const filter of filters) {
      const summary = await read(filter);
      expect(summary.answers).toBeLessThan(5);
      expect([summary.means, summary.distribution, summary.comments]).toEqual([null, null, null]);
    }
    // The course filter reaches five (four and one) before the session filter does.
    const course5 = await read(`courseId=${course}`);
    expect(course5.answers).toBe(5);
    expect(course5.means).toEqual({ relevance: 3.4, content: 3.4, trainers: 5, organisation: 4 });
    expect(course5.comments).toEqual(['Comment 1', 'Comment 3', 'Comment 4', 'Comment 4', 'Comment 5']);
    expect((await read(`sessionId=${big}`)).means).toBeNull();
    await evaluate(big, 2);
    expect((await read(`sessionId=${big}`)).means).toMatchObject({ relevance: 3.6 });
    expect((await read(`sessionId=${small}`)).means).toBeNull();
    // No answer carries who gave it.
    const columns = Object.keys(
      (await t.database.db.selectFrom('training_evaluation').selectAll().executeTakeFirstOrThrow()) as object,
    );
    expect(columns.sort()).toEqual(['comment', 'content', 'id', 'organisation', 'relevance', 'session_id', 'trainers']);
  });

  it('issues a signed certificate that verifies offline, fails when changed or under another key, and shows its revocation', async () => {
    const session = await insertTestSession(t.database.db);
    const participant = await t.user({});
    const id = await insertTestNomination(t.database.db, session, {
      status: 'selected',
      userId: participant.userId,
      name: 'Ana Ćorić',
    });
    const completion = `/api/training/nominations/${id}/completion`;
    expect((await post(focal, completion, {})).statusCode).toBe(409);
    const attendance = await t.request(focal, {
      method: 'PUT',
      url: `/api/training/sessions/${session}/attendance`,
      payload: { entries: ['2027-03-01', '2027-03-02'].map((day) => ({ nominationId: id, day, present: true })) },
    });
    expect(attendance.statusCode).toBe(200);
    expect(attendance.json().nominations[0].attendance).toHaveLength(2);
    const done = await post(focal, completion, {});
    expect(done.statusCode).toBe(201);
    const code = done.json().certificateCode as string;
    expect((await post(focal, completion, {})).statusCode).toBe(409);

    expect((await get(await t.user({}), `/api/training/certificates/${code}/pdf`)).statusCode).toBe(403);
    const file = await get(participant, `/api/training/certificates/${code}/pdf`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    // The QR code of the verification page is drawn in it (qr.test.ts reads one back).
    expect(file.rawPayload.toString('latin1')).toMatch(/\/Subtype \/Image/);
    const pdf = file.rawPayload;
    const key = (await get(null, '/api/training/public-key')).json().publicKeyPem as string;
    const verified = verifyPdf(pdf, key);
    expect(verified).toMatchObject({
      valid: true,
      payload: {
        code,
        participant: 'Ana Ćorić',
        course: expect.stringContaining('hate crimes'),
        hours: 24,
        startsOn: '2027-03-01',
      },
    });

    // Any changed byte of the signed content fails; so does another key.
    const text = pdf.toString('latin1');
    const start = text.indexOf('crossroads-certificate-v1:') + 'crossroads-certificate-v1:'.length;
    const end = text.indexOf('.', start);
    for (const at of [start, Math.floor((start + end) / 2), end - 1]) {
      const changed = Buffer.from(pdf);
      changed[at] = changed[at] === 0x41 ? 0x42 : 0x41;
      expect(verifyPdf(changed, key).valid).toBe(false);
    }
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(verifyPdf(pdf, other)).toMatchObject({ valid: false, reason: 'bad_signature' });

    const page = await get(null, `/api/training/verify/${code}`);
    expect(page.json()).toMatchObject({ status: 'valid', signatureValid: true, participant: 'Ana Ćorić', hours: 24 });
    expect((await get(null, '/api/training/verify/AAAA-BBBB-CCCC')).statusCode).toBe(404);
    const revoked = await post(focal, `/api/training/certificates/${code}/revocation`, { reason: 'Issued to the wrong person' });
    expect(revoked.statusCode).toBe(200);
    expect((await get(null, `/api/training/verify/${code}`)).json()).toMatchObject({
      status: 'revoked',
      revokedReason: 'Issued to the wrong person',
    });
    // The private key is in no response and no audit entry.
    const row = await t.database.db.selectFrom('training_signing_key').select('private_pem').executeTakeFirstOrThrow();
    const audits = await t.database.db.selectFrom('audit_log').select('details').execute();
    const secret = row.private_pem.split('\n')[1]!;
    expect(JSON.stringify(audits)).not.toContain(secret);
    expect(pdf.toString('latin1')).not.toContain(secret);
  });

  it('makes an expert eligible for a mission that requires the course, until the prerequisite expires, and flags it', async () => {
    const expert = await insertTestExpert(t.database.db, { name: 'Eva Trained', nationalities: ['AT'] });
    const soon = await insertTestMission(t.database.db, { status: 'approved', startsOn: '2027-05-04', endsOn: '2027-05-18' });
    const late = await insertTestMission(t.database.db, { status: 'approved', startsOn: '2030-06-01', endsOn: '2030-06-10' });
    await t.database.db
      .updateTable('mission')
      .set({ required_prerequisites: ['heat'] })
      .where('id', 'in', [soon, late])
      .execute();
    const compose = async (mission: string) => (await post(coordinator, `/api/missions/${mission}/compose`, {})).json();
    const before = await compose(soon);
    expect(before.feasible).toBe(false);
    expect(before.candidates).toBe(0);

    const session = await insertTestSession(t.database.db, { course: 'HEAT' });
    const id = await insertTestNomination(t.database.db, session, { status: 'selected', expertId: expert });
    await t.request(coordinator, {
      method: 'PUT',
      url: `/api/training/sessions/${session}/attendance`,
      payload: { entries: ['2027-03-01', '2027-03-02'].map((day) => ({ nominationId: id, day, present: true })) },
    });
    const done = await post(coordinator, `/api/training/nominations/${id}/completion`, {});
    expect(done.json().granted).toEqual([{ kind: 'prerequisite', code: 'heat', expiresOn: '2030-03-02', level: null }]);

    const after = await compose(soon);
    expect(after.feasible).toBe(true);
    expect(after.team.map((m: { name: string }) => m.name)).toEqual(['Eva Trained']);
    // The HEAT certificate lapses on 2030-03-02, before the later mission ends.
    const expired = await compose(late);
    expect(expired.feasible).toBe(false);
    expect(expired.candidates).toBe(0);

    const flagged = (await get(coordinator, '/api/training/expiring?days=730')).json().items;
    expect(flagged.filter((f: { name: string }) => f.name === 'Eva Trained')).toEqual([]);
    await t.database.db
      .updateTable('expert_prerequisite')
      .set({ expires_on: '2020-01-31' })
      .where('expert_id', '=', expert)
      .execute();
    const nowFlagged = (await get(coordinator, '/api/training/expiring?days=30')).json().items;
    expect(nowFlagged).toEqual([
      expect.objectContaining({ name: 'Eva Trained', code: 'heat', expiresOn: '2020-01-31', expired: true }),
    ]);

    // A competence course raises the level, never lowers it.
    const hc = await insertTestSession(t.database.db, { course: 'HC-PROSEC' });
    const hcId = await insertTestNomination(t.database.db, hc, { status: 'selected', expertId: expert });
    await t.request(coordinator, {
      method: 'PUT',
      url: `/api/training/sessions/${hc}/attendance`,
      payload: { entries: ['2027-03-01', '2027-03-02'].map((day) => ({ nominationId: hcId, day, present: true })) },
    });
    expect((await post(coordinator, `/api/training/nominations/${hcId}/completion`, {})).json().granted).toEqual([
      { kind: 'competence', code: 'hate_crime', expiresOn: null, level: 3 },
    ]);
  });

  it('counts the people trained by State, agency, gender, course and year, with the knowledge gain, and exports them', async () => {
    const stats = await get(await t.as('analyst'), '/api/training/statistics');
    expect(stats.statusCode).toBe(200);
    const body = stats.json();
    // Completed so far in this file: Ana Ćorić (HC-POLICE), Eva Trained twice (HEAT, HC-PROSEC).
    expect(body.trained).toBe(3);
    expect(body.byCountry).toEqual([{ key: 'AT', count: 3 }]);
    expect(body.byYear).toEqual([{ key: '2027', count: 3 }]);
    expect(body.byCourse.map((c: { key: string; count: number }) => [c.key, c.count])).toEqual([
      ['HC-POLICE', 1],
      ['HC-PROSEC', 1],
      ['HEAT', 1],
    ]);
    const filtered = (await get(focal, '/api/training/statistics?year=2026')).json();
    expect(filtered.trained).toBe(0);
    const csv = await get(focal, '/api/training/statistics/export?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('State,AT,3');
    const xlsx = await get(focal, '/api/training/statistics/export?format=xlsx');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await get(delegation, '/api/training/statistics')).statusCode).toBe(403);
  });

  it('seeds several years of demonstration sessions across field operations once', async () => {
    await seedTrainingDemo(t.database.db);
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('training_nomination')
            .select((e) => e.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const seeded = await count();
    await seedTrainingDemo(t.database.db);
    expect(await count()).toBe(seeded);
    const stats = (await get(coordinator, '/api/training/statistics')).json();
    expect(stats.byYear.map((y: { key: string }) => y.key)).toEqual(['2023', '2024', '2025', '2026', '2027']);
    expect(stats.byCountry.length).toBeGreaterThan(10);
    expect(stats.byCourse.find((c: { key: string }) => c.key === 'BM-HR').meanGain).toBeGreaterThan(10);
    const hosts = await t.database.db.selectFrom('training_session').select('host_organisation_id').distinct().execute();
    expect(hosts.length).toBeGreaterThan(5);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopSolver } from '../../solver/highs.js';
import { type Persona, type TestApp, testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { insertTestMission } from '../../test-support/missions/fixtures.js';
import { insertTestExpert } from '../../test-support/roster/fixtures.js';

afterAll(() => stopSolver());

const NEW_MISSION = {
  code: 'RFFM-2027-01',
  title: 'Roving fact-finding: Eastern Mediterranean',
  hostCountries: ['GR', 'MK'],
  startsOn: '2027-05-04',
  endsOn: '2027-05-18',
  termsOfReference: 'Assess the situation along the route.',
  mandateReference: 'PC.DEC/1999',
  mandateDate: '2027-03-01',
  competences: [{ code: 'border_security', minLevel: 2, count: 1 }],
  languages: [{ code: 'el', minLevel: 'B2' }],
  teamMin: 2,
  teamMax: 3,
};

describe.each(testBackends())('missions on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
  });
  afterAll(() => t?.close());

  it('drafts a mission with its mandate and route, and answers 401, 403 and 400', async () => {
    const created = await t.request(coordinator, { method: 'POST', url: '/api/missions', payload: NEW_MISSION });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      code: 'RFFM-2027-01',
      status: 'draft',
      countries: [{ iso2: 'GR' }, { iso2: 'MK' }],
      mandateReference: 'PC.DEC/1999',
      consentStatus: 'not_requested',
      transitions: [{ from: null, to: 'draft' }],
    });
    expect(created.json().actions).toEqual(expect.arrayContaining(['proposed', 'cancelled', 'edit']));
    expect((await t.request(null, { method: 'POST', url: '/api/missions', payload: NEW_MISSION })).statusCode).toBe(401);
    expect(
      (await t.request(await t.as('expert'), { method: 'POST', url: '/api/missions', payload: NEW_MISSION })).statusCode,
    ).toBe(403);
    const backwards = await t.request(coordinator, {
      method: 'POST',
      url: '/api/missions',
      payload: { ...NEW_MISSION, code: 'RFFM-2027-02', endsOn: '2027-05-01' },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toMatchObject([expect.objectContaining({ pointer: '/endsOn' })]);
    const tooSmall = await t.request(coordinator, {
      method: 'POST',
      url: '/api/missions',
      payload: { ...NEW_MISSION, code: 'RFFM-2027-02', teamMin: 4, teamMax: 2 },
    });
    expect(tooSmall.statusCode).toBe(400);
    expect(tooSmall.json().errors).toMatchObject([expect.objectContaining({ pointer: '/teamMax' })]);
    const again = await t.request(coordinator, { method: 'POST', url: '/api/missions', payload: NEW_MISSION });
    expect(again.statusCode).toBe(409);
    // The form marks the field behind the constraint: the code already taken.
    expect(again.json().errors).toMatchObject([{ pointer: '/code', message: 'A mission with this code already exists.' }]);
    const unknown = await t.request(coordinator, {
      method: 'POST',
      url: '/api/missions',
      payload: { ...NEW_MISSION, code: 'RFFM-2027-03', competences: [{ code: 'no_such_skill', minLevel: 1, count: 1 }] },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors).toMatchObject([expect.objectContaining({ pointer: '/competences' })]);
    const list = await t.request(await t.as('analyst'), { method: 'GET', url: '/api/missions?country=MK' });
    expect(list.json().map((m: { code: string }) => m.code)).toContain('RFFM-2027-01');
  });

  it('moves a mission through its lifecycle, recording who and when, and refuses invalid moves', async () => {
    const id = (
      await t.request(coordinator, { method: 'POST', url: '/api/missions', payload: { ...NEW_MISSION, code: 'LIFE-1' } })
    ).json().id;
    const move = (persona: Persona | null, to: string, note?: string) =>
      t.request(persona, { method: 'POST', url: `/api/missions/${id}/transitions`, payload: { to, note } });
    const focal = await t.as('focal_point');
    expect((await move(focal, 'proposed', 'ready for approval')).statusCode).toBe(200);
    expect((await move(focal, 'approved')).statusCode).toBe(403);
    const skip = await move(coordinator, 'deployed');
    expect(skip.statusCode).toBe(409);
    expect(skip.json().detail).toBe('A proposed mission cannot become deployed; it can become draft or approved or cancelled.');
    expect((await move(coordinator, 'approved')).statusCode).toBe(200);
    expect((await move(null, 'cancelled')).statusCode).toBe(401);
    expect(
      (await t.request(coordinator, { method: 'POST', url: `/api/missions/${id}/transitions`, payload: { to: 'flying' } }))
        .statusCode,
    ).toBe(400);
    const view = (await t.request(coordinator, { method: 'GET', url: `/api/missions/${id}` })).json();
    expect(view.transitions.map((x: { to: string }) => x.to)).toEqual(['draft', 'proposed', 'approved']);
    expect(view.transitions[1]).toMatchObject({
      from: 'draft',
      note: 'ready for approval',
      by: expect.stringContaining('Test Person'),
    });
    expect(view.actions).toContain('compose');
  });

  it('composes a team, confirms it, books the experts, and deploys only with consent', async () => {
    const db = t.database.db;
    const greek = await insertTestExpert(db, {
      name: 'Eleni Greek',
      nationalities: ['GR'],
      languages: [{ code: 'el', speaking: 'C2', writing: 'C2' }],
    });
    const cypriot = await insertTestExpert(db, {
      name: 'Andreas Speaker',
      gender: 'male',
      nationalities: ['CY'],
      competences: [{ code: 'hate_crime', level: 2 }],
      languages: [{ code: 'el', speaking: 'C1', writing: 'B2' }],
    });
    const border = await insertTestExpert(db, { name: 'Birgit Border', competences: [{ code: 'border_security', level: 3 }] });
    await insertTestExpert(db, {
      name: 'Not Deployable',
      readiness: 'not_deployable',
      competences: [{ code: 'border_security', level: 3 }],
    });
    const id = await insertTestMission(db, {
      status: 'approved',
      competences: [{ code: 'border_security', minLevel: 2, count: 1 }],
      languages: [{ code: 'el', minLevel: 'B2' }],
      teamMin: 2,
      teamMax: 2,
    });
    const composed = await t.request(coordinator, { method: 'POST', url: `/api/missions/${id}/compose`, payload: {} });
    expect(composed.statusCode).toBe(200);
    const proposal = composed.json();
    expect(proposal.feasible).toBe(true);
    // The Greek national is excluded from a mission to Greece; the team is balanced.
    expect(proposal.team.map((m: { name: string }) => m.name).sort()).toEqual(['Andreas Speaker', 'Birgit Border']);
    expect(proposal.requirements.find((r: { key: string }) => r.key === 'language:el:speaking').coveredBy).toEqual([cypriot]);
    expect(proposal.objective.gender).toBe(0);
    expect(greek).toBeTruthy();

    const excluded = await t.request(coordinator, {
      method: 'POST',
      url: `/api/missions/${id}/compose`,
      payload: { excluded: [cypriot] },
    });
    expect(excluded.json().feasible).toBe(false);
    expect(excluded.json().diagnosis[0].message).toMatch(
      /No available expert speaks Modern Greek|No available expert speaks Greek/,
    );

    expect(
      (await t.request(await t.as('focal_point'), { method: 'POST', url: `/api/missions/${id}/compose`, payload: {} }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.request(coordinator, { method: 'POST', url: `/api/missions/${id}/compose`, payload: { pinned: ['nope'] } }))
        .statusCode,
    ).toBe(400);

    const confirmed = await t.request(coordinator, {
      method: 'POST',
      url: `/api/missions/${id}/team`,
      payload: { expertIds: [cypriot, border] },
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().status).toBe('team_confirmed');
    const profile = (await t.request(coordinator, { method: 'GET', url: `/api/roster/experts/${border}` })).json();
    expect(profile.deployments).toEqual([
      expect.objectContaining({ missionId: id, startsOn: '2027-05-04', endsOn: '2027-05-18' }),
    ]);

    const deploy = await t.request(coordinator, {
      method: 'POST',
      url: `/api/missions/${id}/transitions`,
      payload: { to: 'deployed' },
    });
    expect(deploy.statusCode).toBe(409);
    expect(deploy.json().detail).toMatch(/consent/);
    const consent = await t.request(coordinator, {
      method: 'PATCH',
      url: `/api/missions/${id}`,
      payload: { consentStatus: 'given', consentDate: '2027-04-20', consentDocument: 'Note verbale 12/2027' },
    });
    expect(consent.statusCode).toBe(200);
    const deployed = await t.request(coordinator, {
      method: 'POST',
      url: `/api/missions/${id}/transitions`,
      payload: { to: 'deployed' },
    });
    expect(deployed.statusCode).toBe(200);
    // The page offers to appraise the members from now on, to those who may.
    expect(deployed.json().actions).toContain('appraise');
    const seenByFocal = await t.request(await t.as('focal_point'), { method: 'GET', url: `/api/missions/${id}` });
    expect(seenByFocal.json().actions).not.toContain('appraise');
    const appraise = (persona: Persona | null, payload: Record<string, unknown>) =>
      t.request(persona, { method: 'PUT', url: `/api/missions/${id}/team/${border}/appraisal`, payload });
    expect((await appraise(coordinator, { appraisal: 'Thorough and tactful.', rating: 5 })).statusCode).toBe(200);
    expect((await appraise(coordinator, { appraisal: 'x', rating: 9 })).statusCode).toBe(400);
    expect((await appraise(await t.as('focal_point'), { appraisal: 'x' })).statusCode).toBe(403);
    expect((await appraise(null, { appraisal: 'x' })).statusCode).toBe(401);
    const history = (await t.request(coordinator, { method: 'GET', url: `/api/roster/experts/${border}` })).json().deployments;
    expect(history[0]).toMatchObject({ appraisal: 'Thorough and tactful.', rating: 5 });
  });

  it('does not double-book an expert when two co-ordinators confirm overlapping teams at once', async () => {
    const db = t.database.db;
    const shared = await insertTestExpert(db, { name: 'Sought After' });
    const first = await insertTestMission(db, { status: 'approved', startsOn: '2027-09-01', endsOn: '2027-09-10' });
    const second = await insertTestMission(db, { status: 'approved', startsOn: '2027-09-05', endsOn: '2027-09-15' });
    const other = await t.user({ role: 'coordinator' });
    const [a, b] = await Promise.all([
      t.request(coordinator, { method: 'POST', url: `/api/missions/${first}/team`, payload: { expertIds: [shared] } }),
      t.request(other, { method: 'POST', url: `/api/missions/${second}/team`, payload: { expertIds: [shared] } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const refused = a.statusCode === 409 ? a : b;
    expect(refused.json().detail).toMatch(/Already deployed in this period: Sought After/);
    const bookings = await db.selectFrom('deployment').select('mission_id').where('expert_id', '=', shared).execute();
    expect(bookings).toHaveLength(1);
  });

  it('shows the balance of the portfolio and warns when a proposed mission makes it less balanced', async () => {
    const db = t.database.db;
    await insertTestMission(db, { status: 'approved', hostCountries: ['KZ'], startsOn: '2030-03-01', endsOn: '2030-03-05' });
    await insertTestMission(db, {
      status: 'closed',
      consent: 'given',
      hostCountries: ['FR'],
      startsOn: '2030-04-01',
      endsOn: '2030-04-05',
    });
    const westAgain = await insertTestMission(db, {
      status: 'proposed',
      hostCountries: ['ES'],
      startsOn: '2030-05-01',
      endsOn: '2030-05-05',
    });
    const response = await t.request(coordinator, {
      method: 'GET',
      url: `/api/missions/balance?from=2030-01-01&to=2030-12-31&missionId=${westAgain}`,
    });
    expect(response.statusCode).toBe(200);
    const balance = response.json();
    expect(balance.missions).toBe(2);
    expect(balance.groupings.find((g: { key: string }) => g.key === 'vienna').categories).toEqual([
      { key: 'east', count: 1 },
      { key: 'west', count: 1 },
    ]);
    expect(balance.proposal.falls).toBe(true);
    expect(balance.proposal.after).toBeLessThan(balance.proposal.before);
    expect(balance.proposal.warning).toMatch(/less balanced/);
    const bad = await t.request(coordinator, { method: 'GET', url: '/api/missions/balance?from=2030-12-31&to=2030-01-01' });
    expect(bad.statusCode).toBe(400);
  });
});

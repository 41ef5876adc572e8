import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona, TestApp } from '../../test-support/app.js';
import { testApp } from '../../test-support/app.js';
import { testBackends } from '../../test-support/database.js';
import { insertTestMission } from '../../test-support/missions/fixtures.js';
import { addToTeam, insertTestReport, sampleContent } from '../../test-support/reports/fixtures.js';
import { REPORT_STATUSES } from '../schemas.js';
import type { ReportStatus } from '../tables.js';

type Actor = 'member' | 'coordinator' | 'outsider' | 'delegation';
type Action = 'edit' | 'submit' | 'return' | 'adopt' | 'distribute' | 'summarise';

/** The workflow as the issue states it, written out independently of the code's own table. */
const EXPECTED: Record<Action, Partial<Record<Actor, ReportStatus[]>>> = {
  edit: { member: ['draft', 'returned'] },
  submit: { member: ['draft', 'returned'] },
  return: { coordinator: ['submitted'] },
  adopt: { coordinator: ['submitted'] },
  distribute: { coordinator: ['adopted'] },
  summarise: { coordinator: ['distributed'] },
};

describe.each(testBackends())('mission reports on %s', (backend) => {
  let t: TestApp;
  let coordinator: Persona;
  let member: Persona;
  let outsider: Persona;
  beforeAll(async () => {
    t = await testApp(backend);
    coordinator = await t.as('coordinator');
    member = await t.user({ role: 'expert' });
    outsider = await t.as('expert');
  });
  afterAll(() => t?.close());

  function act(persona: Persona | null, id: string, action: Action, version = 1) {
    if (action === 'edit') {
      return t.request(persona, {
        method: 'PUT',
        url: `/api/reports/${id}`,
        payload: { baseVersion: version, content: sampleContent() },
      });
    }
    if (action === 'summarise') {
      return t.request(persona, {
        method: 'PUT',
        url: `/api/reports/${id}/public-summary`,
        payload: { summary: '<p>Summary.</p>' },
      });
    }
    return t.request(persona, {
      method: 'POST',
      url: `/api/reports/${id}/transitions`,
      payload: { action, comment: 'Please revise.' },
    });
  }

  it('answers every state × action × person as the workflow table says (200, 409 or 403)', async () => {
    const personas: Record<Actor, Persona> = { member, coordinator, outsider, delegation: await t.as('delegation') };
    const failures: string[] = [];
    for (const status of REPORT_STATUSES) {
      for (const action of Object.keys(EXPECTED) as Action[]) {
        for (const actor of Object.keys(personas) as Actor[]) {
          const { id } = await insertTestReport(t.database.db, { status, team: [member.userId] });
          const response = await act(personas[actor], id, action);
          const allowedStates = EXPECTED[action][actor];
          const want = !allowedStates ? 403 : allowedStates.includes(status) ? 200 : 409;
          if (response.statusCode !== want)
            failures.push(`${status} ${action} by ${actor}: ${response.statusCode}, expected ${want}`);
          if (want !== 200) expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('says why the report cannot be edited, to each person in each state', async () => {
    const expected: Record<ReportStatus, Record<'member' | 'coordinator', string | null>> = {
      draft: { member: null, coordinator: 'team_only_reviewer' },
      returned: { member: null, coordinator: 'team_only_reviewer' },
      submitted: { member: 'submitted_team', coordinator: 'submitted_reviewer' },
      adopted: { member: 'adopted', coordinator: 'adopted' },
      distributed: { member: 'distributed', coordinator: 'distributed' },
    };
    for (const status of REPORT_STATUSES) {
      const { id } = await insertTestReport(t.database.db, { status, team: [member.userId] });
      for (const [who, persona] of [
        ['member', member],
        ['coordinator', coordinator],
      ] as const) {
        const view = (await t.request(persona, { method: 'GET', url: `/api/reports/${id}` })).json();
        expect([status, who, view.readOnly]).toEqual([status, who, expected[status][who]]);
        expect(view.actions.includes('edit')).toBe(view.readOnly === null);
      }
    }
  });

  it('never loses an update: of two saves from the same version one wins, the other gets 409 with the current text', async () => {
    const { id } = await insertTestReport(t.database.db, { team: [member.userId] });
    const colleague = await t.user({ role: 'expert' });
    const { missionId } = await t.database.db
      .selectFrom('mission_report')
      .select('mission_id as missionId')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await addToTeam(t.database.db, missionId, colleague.userId);
    const mine = { ...sampleContent(), situation: '<p>My account of the situation.</p>' };
    const theirs = { ...sampleContent(), situation: '<p>Their account of the situation.</p>' };
    const [a, b] = await Promise.all([
      t.request(member, { method: 'PUT', url: `/api/reports/${id}`, payload: { baseVersion: 1, content: mine } }),
      t.request(colleague, { method: 'PUT', url: `/api/reports/${id}`, payload: { baseVersion: 1, content: theirs } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [winner, loser] = a.statusCode === 200 ? [a, b] : [b, a];
    expect(loser.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = loser.json();
    expect(problem.code).toBe('conflict');
    expect(problem.detail).toMatch(/version 2/);
    expect(problem.current.version).toBe(2);
    expect(problem.current.content.situation).toBe(winner.json().content.situation);
    const versions = await t.request(member, { method: 'GET', url: `/api/reports/${id}/versions` });
    expect(versions.json().map((v: { number: number }) => v.number)).toEqual([2, 1]);
    // The loser saves again from the version the conflict showed: accepted as version 3.
    const retry = await t.request(loser === a ? member : colleague, {
      method: 'PUT',
      url: `/api/reports/${id}`,
      payload: { baseVersion: 2, content: loser === a ? mine : theirs },
    });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().version).toBe(3);
  });

  it('lets readers see each state as the access rules say, in reading, listing, the history, the PDF and the export', async () => {
    const personas: Record<string, Persona | null> = {
      coordinator,
      member,
      outsider,
      delegation: await t.as('delegation'),
      focal_point: await t.as('focal_point'),
      analyst: await t.as('analyst'),
      anonymous: null,
    };
    const failures: string[] = [];
    for (const status of REPORT_STATUSES) {
      const { id, missionId } = await insertTestReport(t.database.db, { status, team: [member.userId] });
      for (const [role, persona] of Object.entries(personas)) {
        const reads =
          role === 'coordinator' ||
          role === 'member' ||
          (status === 'distributed' && role !== 'outsider' && role !== 'anonymous');
        const want = role === 'anonymous' ? 401 : reads ? 200 : 403;
        const pdfWant = want === 200 && !['adopted', 'distributed'].includes(status) ? 409 : want;
        const got = {
          read: (await t.request(persona, { method: 'GET', url: `/api/reports/${id}` })).statusCode,
          versions: (await t.request(persona, { method: 'GET', url: `/api/reports/${id}/versions` })).statusCode,
          version: (await t.request(persona, { method: 'GET', url: `/api/reports/${id}/versions/1` })).statusCode,
          diff: (await t.request(persona, { method: 'GET', url: `/api/reports/${id}/diff?from=1&to=1` })).statusCode,
          pdf: (await t.request(persona, { method: 'GET', url: `/api/reports/${id}/report.pdf` })).statusCode,
        };
        const exported = await t.request(persona, {
          method: 'GET',
          url: `/api/recommendations/export.csv?missionId=${missionId}`,
        });
        const exportedRows = exported.statusCode === 200 ? exported.body.trim().split('\n').length - 1 : -1;
        // Recommendations exist once a report is adopted; they are exported to whoever reads the report.
        const rowsWant = role === 'anonymous' ? -1 : reads && ['adopted', 'distributed'].includes(status) ? 2 : 0;
        if (exportedRows !== rowsWant) failures.push(`${status} export as ${role}: ${exportedRows} rows, expected ${rowsWant}`);
        const list = await t.request(persona, { method: 'GET', url: '/api/reports' });
        const listed = list.statusCode === 200 && list.json().some((r: { id: string }) => r.id === id);
        // The drafting history stays with the team and the co-ordinator, even once distributed.
        const historyWant = role === 'anonymous' ? 401 : role === 'coordinator' || role === 'member' ? 200 : 403;
        for (const [what, code] of Object.entries(got)) {
          const expected = what === 'pdf' ? pdfWant : what === 'read' ? want : historyWant;
          if (code !== expected) failures.push(`${status} ${what} as ${role}: ${code}, expected ${expected}`);
        }
        if (listed !== reads) failures.push(`${status} listed for ${role}: ${listed}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('shows the public summary of a distributed report to everyone, and nothing else', async () => {
    const { id } = await insertTestReport(t.database.db, {
      status: 'distributed',
      publicSummary: '<p>What the mission found, in brief.</p>',
    });
    await insertTestReport(t.database.db, { status: 'adopted' });
    const list = await t.request(null, { method: 'GET', url: '/api/reports/public' });
    expect(list.statusCode).toBe(200);
    const mine = list.json().find((s: { id: string }) => s.id === id);
    // The host countries by code: the page names them in the reader's language.
    expect(mine).toMatchObject({ summary: '<p>What the mission found, in brief.</p>', countries: ['GR'] });
    expect(Object.keys(mine).sort()).toEqual(['countries', 'distributedAt', 'id', 'missionCode', 'missionTitle', 'summary']);
  });

  it('runs the workflow end to end with versions, a diff, a return comment and the alert level fed to early warning', async () => {
    const missionId = await insertTestMission(t.database.db, {
      status: 'deployed',
      consent: 'given',
      hostCountries: ['LV', 'LT'],
    });
    await addToTeam(t.database.db, missionId, member.userId);
    expect((await t.request(outsider, { method: 'POST', url: '/api/reports', payload: { missionId } })).statusCode).toBe(403);
    const created = await t.request(member, { method: 'POST', url: '/api/reports', payload: { missionId } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ status: 'draft', version: 1, actions: ['edit', 'submit', 'history'] });
    expect((await t.request(member, { method: 'POST', url: '/api/reports', payload: { missionId } })).statusCode).toBe(409);

    const before = await t.request(coordinator, { method: 'GET', url: '/api/warning/risk/LV' });
    const year = new Date().getUTCFullYear();
    const missionPoints = (r: typeof before) => r.json().history.find((p: { year: number }) => p.year === year)?.mission ?? 0;
    expect(missionPoints(before)).toBe(0);

    const noLevel = await act(member, id, 'submit');
    expect(noLevel.statusCode).toBe(409);
    const content = sampleContent();
    const saved = await t.request(member, {
      method: 'PUT',
      url: `/api/reports/${id}`,
      payload: {
        baseVersion: 1,
        content: { ...content, situation: '<p onclick="x()">Arrivals rose.<script>alert(1)</script></p>' },
      },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().content.situation).toBe('<p>Arrivals rose.</p>');
    expect((await act(member, id, 'submit')).statusCode).toBe(200);

    const noComment = await t.request(coordinator, {
      method: 'POST',
      url: `/api/reports/${id}/transitions`,
      payload: { action: 'return', comment: ' ' },
    });
    expect(noComment.statusCode).toBe(400);
    const returned = await t.request(coordinator, {
      method: 'POST',
      url: `/api/reports/${id}/transitions`,
      payload: { action: 'return', comment: 'Add the figures for April.' },
    });
    expect(returned.json()).toMatchObject({
      status: 'returned',
      transitions: [{ action: 'submit' }, { action: 'return', comment: 'Add the figures for April.' }],
    });

    const revised = await t.request(member, {
      method: 'PUT',
      url: `/api/reports/${id}`,
      payload: { baseVersion: 2, content: { ...content, situation: '<p>Arrivals rose by a third in April.</p>' } },
    });
    expect(revised.json().version).toBe(3);
    const diff = await t.request(coordinator, { method: 'GET', url: `/api/reports/${id}/diff?from=2&to=3` });
    const situation = diff.json().sections.find((s: { section: string }) => s.section === 'situation');
    expect(situation.changed).toBe(true);
    expect(situation.parts).toEqual([
      { kind: 'same', text: 'Arrivals ' },
      { kind: 'removed', text: 'rose.' },
      { kind: 'added', text: 'rose by a third in April.' },
    ]);
    expect(diff.json().sections.find((s: { section: string }) => s.section === 'findings.human').changed).toBe(false);
    // What the page names in words is compared apart, as bare codes: the recommendation's text has none.
    type Section = { section: string; parts: Array<{ kind: string; text: string }> };
    const first = (await t.request(coordinator, { method: 'GET', url: `/api/reports/${id}/diff?from=1&to=2` })).json();
    const parts = (name: string) => first.sections.find((s: Section) => s.section === name)?.parts;
    expect(parts('alert.level')).toEqual([{ kind: 'added', text: 'orange' }]);
    expect(parts('recommendation.1.addressee')).toEqual([{ kind: 'added', text: 'GR' }]);
    expect(
      parts('recommendations')
        .map((p: { text: string }) => p.text)
        .join(''),
    ).not.toMatch(/\bGR\b|\[/);

    expect((await act(member, id, 'submit')).statusCode).toBe(200);
    const adopted = await act(coordinator, id, 'adopt');
    expect(adopted.json()).toMatchObject({ status: 'adopted', alertLevel: 'orange' });
    expect(adopted.json().actions).toEqual(['distribute', 'pdf', 'history']);
    // Orange is level 2, scored 20 points in the country's risk for this year.
    expect(missionPoints(await t.request(coordinator, { method: 'GET', url: '/api/warning/risk/LV' }))).toBe(20);
    expect(missionPoints(await t.request(coordinator, { method: 'GET', url: '/api/warning/risk/LT' }))).toBe(20);
    const recommendations = await t.request(member, { method: 'GET', url: `/api/recommendations?missionId=${missionId}` });
    expect(recommendations.json().total).toBe(2);

    expect((await t.request(await t.as('delegation'), { method: 'GET', url: `/api/reports/${id}` })).statusCode).toBe(403);
    expect((await act(coordinator, id, 'distribute')).statusCode).toBe(200);
    const read = await t.request(await t.as('delegation'), { method: 'GET', url: `/api/reports/${id}` });
    expect(read.statusCode).toBe(200);
    // A delegation reads the adopted text and may download it, without the review comments or the history.
    expect(read.json()).toMatchObject({ status: 'distributed', transitions: [], actions: ['pdf'] });
  });

  it('refuses bad input with a problem document and changes nothing', async () => {
    const { id } = await insertTestReport(t.database.db, { team: [member.userId] });
    const bad = [
      { baseVersion: 1 },
      { baseVersion: 0, content: sampleContent() },
      { baseVersion: 1, content: { ...sampleContent(), alert: { level: 'purple', rationale: '', indicators: [] } } },
      {
        baseVersion: 1,
        content: {
          ...sampleContent(),
          recommendations: [{ ...sampleContent().recommendations[0]!, addresseeOrganisationId: null, addresseeCountry: null }],
        },
      },
    ];
    for (const payload of bad) {
      const response = await t.request(member, { method: 'PUT', url: `/api/reports/${id}`, payload });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const unknown = await t.request(member, {
      method: 'PUT',
      url: `/api/reports/${id}`,
      payload: {
        baseVersion: 1,
        content: { ...sampleContent(), recommendations: [{ ...sampleContent().recommendations[0]!, addresseeCountry: 'QQ' }] },
      },
    });
    expect(unknown.statusCode).toBe(422);
    expect((await t.request(member, { method: 'GET', url: `/api/reports/${id}` })).json().version).toBe(1);
    expect((await t.request(member, { method: 'GET', url: `/api/reports/${id}/versions/9` })).statusCode).toBe(404);
    expect(
      (await t.request(member, { method: 'GET', url: '/api/reports/00000000-0000-4000-8000-000000000000' })).statusCode,
    ).toBe(404);
  });
});

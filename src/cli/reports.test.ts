import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../server/test-support/app.js';
import { testBackends } from '../server/test-support/database.js';
import { insertTestReport } from '../server/test-support/reports/fixtures.js';
import { reportsCommand } from './reports.js';

describe.each(testBackends())('crossroads reports on %s', (backend) => {
  let t: TestApp;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-reports-'));
  beforeAll(async () => {
    t = await testApp(backend);
  });
  afterAll(() => t?.close());

  it('writes an adopted report as PDF and the recommendations as CSV, and refuses a draft', async () => {
    const { missionId } = await insertTestReport(t.database.db, { status: 'adopted' });
    const { code } = await t.database.db
      .selectFrom('mission')
      .select('code')
      .where('id', '=', missionId)
      .executeTakeFirstOrThrow();
    const pdf = path.join(dir, 'report.pdf');
    expect(await reportsCommand(t.database.db, t.config, ['pdf', code, pdf])).toMatch(/^Wrote the report/);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const csv = path.join(dir, 'recommendations.csv');
    await reportsCommand(t.database.db, t.config, ['recommendations', csv]);
    expect(fs.readFileSync(csv, 'utf8')).toContain('Open a second reception centre on Lesvos.');

    const { missionId: draftMission } = await insertTestReport(t.database.db, { status: 'draft' });
    const draft = await t.database.db
      .selectFrom('mission')
      .select('code')
      .where('id', '=', draftMission)
      .executeTakeFirstOrThrow();
    await expect(reportsCommand(t.database.db, t.config, ['pdf', draft.code, pdf])).rejects.toThrow(/Only an adopted report/);
    await expect(reportsCommand(t.database.db, t.config, ['recommendations', 'x.txt'])).rejects.toThrow(/\.csv or \.xlsx/);
    await expect(reportsCommand(t.database.db, t.config, ['pdf', 'NOPE-1', pdf])).rejects.toThrow(/has no report/);
  });
});

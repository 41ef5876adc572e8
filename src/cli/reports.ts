import fs from 'node:fs';
import type { Kysely } from 'kysely';
import type { Actor } from '../server/access/check.js';
import { type Config, loadConfig } from '../server/config.js';
import type { Context } from '../server/context.js';
import type { DB } from '../server/db/schema.js';
import { Problem } from '../server/http/problems.js';
import { prepareDatabase } from '../server/main.js';
import { reportPdf } from '../server/reports/drafting/pdf.js';
import { exportRecommendations } from '../server/reports/follow-up/dashboard.js';

export const REPORTS_USAGE = `  reports pdf <MISSION-CODE> <FILE.pdf>
                                write the adopted report of a mission as its official PDF
  reports recommendations <FILE.csv|FILE.xlsx>
                                export every adopted recommendation with its follow-up status`;

/** The operator at the command line reads as the co-ordinator does; nothing is written. */
const OPERATOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  email: 'operator@localhost',
  name: 'Operator',
  language: 'en',
  mustChangePassword: false,
  grants: [{ role: 'coordinator', scopeType: 'global', organisationId: null, countryIso2: null }],
  sessionId: 'cli',
  csrfToken: 'cli',
};

/** Runs one `crossroads reports …` command on a database; returns what it wrote. */
export async function reportsCommand(db: Kysely<DB>, config: Config, args: string[]): Promise<string> {
  const ctx: Context = { db, actor: OPERATOR, requestId: 'cli', address: 'cli', config };
  const [action, ...rest] = args;
  if (action === 'pdf' && rest.length === 2) {
    const [code, file] = rest as [string, string];
    const report = await db
      .selectFrom('mission_report as r')
      .innerJoin('mission as m', 'm.id', 'r.mission_id')
      .select('r.id')
      .where('m.code', '=', code)
      .executeTakeFirst();
    if (!report) throw new Problem('not_found', `Mission ${code} has no report.`);
    const pdf = await reportPdf(ctx, report.id);
    fs.writeFileSync(file, pdf.body);
    return `Wrote the report of ${code} to ${file} (${pdf.body.length} bytes).\n`;
  }
  if (action === 'recommendations' && rest.length === 1) {
    const file = rest[0]!;
    const format = file.endsWith('.xlsx') ? 'xlsx' : file.endsWith('.csv') ? 'csv' : null;
    if (!format) throw new Problem('validation', 'The file must end in .csv or .xlsx.');
    const exported = await exportRecommendations(ctx, {}, format);
    fs.writeFileSync(file, exported.body);
    return `Wrote the recommendations to ${file}.\n`;
  }
  throw new Problem('validation', `Usage:\n${REPORTS_USAGE}`);
}

/** `crossroads reports …` on the database the environment names. */
export async function reports(args: string[]): Promise<void> {
  const config = loadConfig();
  const database = await prepareDatabase(config);
  try {
    process.stdout.write(await reportsCommand(database.db, config, args));
  } finally {
    await database.close();
  }
}

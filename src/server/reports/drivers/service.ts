import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { readableReport } from '../drafting/service.js';
import { mayEditPeople } from '../people-met/service.js';
import * as q from './queries.js';
import type { ReportDriversBody, ReportDriversView } from './schemas.js';

async function view(db: q.Db, id: string, lang: string, editable: boolean): Promise<ReportDriversView> {
  const [all, named] = await Promise.all([q.selectAllDrivers(db), q.selectReportDrivers(db, id)]);
  return {
    drivers: all
      .filter((d) => named.has(d.code))
      .map((d) => ({ code: d.code, parent: d.parent_code, name: d[`name_${lang}` as 'name_en'] ?? d.name_en })),
    actions: editable ? ['edit'] : [],
  };
}

/** The drivers of displacement the report names. */
export async function getReportDrivers(ctx: Context, id: string, lang?: string): Promise<ReportDriversView> {
  const { row, standing } = await readableReport(ctx, id);
  return view(ctx.db, id, lang ?? ctx.actor?.language ?? 'en', mayEditPeople(row.status, standing));
}

/** Names the drivers of displacement the report found, for the country's view of drivers over time. */
export async function setReportDrivers(ctx: Context, id: string, input: ReportDriversBody): Promise<ReportDriversView> {
  const { row, standing } = await readableReport(ctx, id);
  if (!mayEditPeople(row.status, standing)) {
    throw new Problem(
      standing.member || standing.reviewer ? 'conflict' : 'forbidden',
      'The team names the drivers while it drafts; the co-ordinator until the report is distributed.',
    );
  }
  const known = new Set((await q.selectAllDrivers(ctx.db)).map((d) => d.code));
  const errors = input.drivers.flatMap((code, i) =>
    known.has(code) ? [] : [{ pointer: `/drivers/${i}`, message: `There is no driver “${code}”.` }],
  );
  if (errors.length > 0) throw new Problem('validation', 'Some of these drivers do not exist.', { errors });
  return inTransaction(ctx.db, async (trx) => {
    await q.replaceReportDrivers(trx, id, input.drivers);
    await audit(trx, ctx, {
      verb: 'report.edit',
      recordType: 'mission_report',
      recordId: id,
      details: { drivers: input.drivers },
    });
    return view(trx, id, ctx.actor?.language ?? 'en', true);
  });
}

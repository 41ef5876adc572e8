import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { viewerOf } from '../../directory/visibility.js';
import { Problem } from '../../http/problems.js';
import { readableReport } from '../drafting/service.js';
import type { Standing } from '../drafting/workflow.js';
import type { ReportStatus } from '../tables.js';
import * as q from './queries.js';
import type { PeopleMetBody, PeopleMetView } from './schemas.js';

/** The team records whom it met while it drafts; the co-ordinator may complete the list until the report is distributed. */
export function mayEditPeople(status: ReportStatus, standing: Standing): boolean {
  if (standing.reviewer) return status !== 'distributed';
  return standing.member && (status === 'draft' || status === 'returned');
}

/** Whom the team met: personal data, read only by those who may read the report, and every read audited. */
export async function listPeopleMet(ctx: Context, id: string): Promise<PeopleMetView> {
  const { row, standing } = await readableReport(ctx, id);
  return inTransaction(ctx.db, async (trx) => {
    const rows = await q.selectPeopleMet(trx, id);
    await audit(trx, ctx, {
      verb: 'report.people_met.read',
      recordType: 'mission_report',
      recordId: id,
      details: { people: rows.length },
    });
    return {
      people: rows.map((r) => ({
        contactId: r.contact_id,
        name: r.name,
        function: r.function,
        organisation: r.organisation_name,
      })),
      actions: mayEditPeople(row.status, standing) ? ['edit'] : [],
    };
  });
}

/** Replaces the list of people met: directory contacts the caller may see, or people typed in by name. */
export async function setPeopleMet(ctx: Context, id: string, input: PeopleMetBody): Promise<PeopleMetView> {
  const { row, standing } = await readableReport(ctx, id);
  if (!mayEditPeople(row.status, standing)) {
    throw new Problem(
      standing.member || standing.reviewer ? 'conflict' : 'forbidden',
      'The team records whom it met while it drafts; the co-ordinator until the report is distributed.',
    );
  }
  const viewer = await viewerOf(ctx);
  const ids = input.people.flatMap((p) => (p.contactId ? [p.contactId] : []));
  const contacts = new Map((await q.selectVisibleContacts(ctx.db, viewer, ids)).map((c) => [c.id, c]));
  const errors: Array<{ pointer: string; message: string }> = [];
  const people = input.people.map((p, i) => {
    const contact = p.contactId ? contacts.get(p.contactId) : undefined;
    if (p.contactId && !contact)
      errors.push({ pointer: `/people/${i}/contactId`, message: 'There is no such contact in the directory.' });
    const name = (p.name ?? '').trim() || contact?.name || '';
    if (!p.contactId && !name) errors.push({ pointer: `/people/${i}/name`, message: 'Give the person’s name.' });
    return {
      contact_id: contact?.id ?? null,
      name,
      function: (p.function ?? '').trim() || contact?.title || '',
      organisation_name: (p.organisation ?? '').trim() || contact?.organisation || '',
    };
  });
  if (errors.length > 0) throw new Problem('validation', errors[0]!.message, { errors });
  await inTransaction(ctx.db, async (trx) => {
    await q.replacePeopleMet(trx, id, people);
    await audit(trx, ctx, {
      verb: 'report.edit',
      recordType: 'mission_report',
      recordId: id,
      details: { peopleMet: people.length, fromDirectory: people.filter((p) => p.contact_id).length },
    });
  });
  return {
    people: people.map((p) => ({
      contactId: p.contact_id,
      name: p.name,
      function: p.function,
      organisation: p.organisation_name,
    })),
    actions: ['edit'],
  };
}

import type { Kysely } from 'kysely';
import { assertAllowed } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { tellDelegation } from '../notices.js';
import { iso, person, presentPledges, presentRelocations, snapshotOf } from './present.js';
import * as q from './queries.js';
import type {
  CreatePledgeBody,
  CreateRelocationBody,
  PledgeQuery,
  PledgeView,
  RelocationQuery,
  RelocationView,
  RevisionView,
  UpdatePledgeBody,
  UpdateRelocationBody,
} from './schemas.js';

/** The pledge ledger, current state of each pledge. */
export async function listPledges(ctx: Context, query: PledgeQuery): Promise<PledgeView[]> {
  return presentPledges(ctx, await q.selectPledges(ctx.db, query));
}

/** The relocations recorded, newest period first. */
export async function listRelocations(ctx: Context, query: RelocationQuery): Promise<RelocationView[]> {
  return presentRelocations(ctx, await q.selectRelocations(ctx.db, query));
}

/** Each ledger's revision table, and the action and record type its changes are audited under. */
const PLEDGES = {
  revisions: 'solidarity_pledge_revision',
  verb: 'solidarity.pledge.record',
  recordType: 'solidarity_pledge',
} as const;
const RELOCATIONS = {
  revisions: 'solidarity_relocation_revision',
  verb: 'solidarity.relocation.record',
  recordType: 'solidarity_relocation',
} as const;

/** Keeps an entry's new state in its history and audits the change, in the caller's transaction. */
async function recordRevision(
  trx: Kysely<DB>,
  ctx: Context,
  ledger: typeof PLEDGES | typeof RELOCATIONS,
  change: {
    entryId: string;
    revision: number;
    action: 'create' | 'update';
    row: Record<string, unknown>;
    details: Record<string, unknown>;
  },
) {
  await q.insertRevision(trx, ledger.revisions, {
    entryId: change.entryId,
    revision: change.revision,
    action: change.action,
    actorId: ctx.actor?.userId ?? null,
    snapshot: snapshotOf(change.row),
  });
  await audit(trx, ctx, { verb: ledger.verb, recordType: ledger.recordType, recordId: change.entryId, details: change.details });
}

function checkPledge(values: {
  type: string;
  currency?: string | null;
  quantity: number;
  pledgedOn: string;
  dueOn?: string | null;
}) {
  if (values.type === 'money' && !values.currency) {
    throw new Problem('validation', 'A pledge of money names its currency.', {
      errors: [{ pointer: '/currency', message: 'Give a currency, e.g. EUR.' }],
    });
  }
  if (values.type !== 'money' && values.currency) {
    throw new Problem('validation', 'Only a pledge of money has a currency.', {
      errors: [{ pointer: '/currency', message: 'Remove the currency.' }],
    });
  }
  if (!['money', 'in_kind'].includes(values.type) && !Number.isInteger(values.quantity)) {
    throw new Problem('validation', 'Places and experts are counted in whole numbers.', {
      errors: [{ pointer: '/quantity', message: 'Give a whole number.' }],
    });
  }
  if (values.dueOn && values.dueOn < values.pledgedOn) {
    throw new Problem('validation', 'The due date cannot be before the pledge.', {
      errors: [{ pointer: '/dueOn', message: 'Choose a later date.' }],
    });
  }
}

async function reloadPledge(ctx: Context, db: Kysely<DB>, id: string): Promise<PledgeView> {
  const [row] = await q.selectPledges(db, { ids: [id] });
  if (!row) throw new Problem('not_found', 'There is no such pledge.');
  return presentPledges(ctx, [row])[0] as PledgeView;
}

/** Records a pledge for a State; a delegation only for its own State. */
export async function createPledge(ctx: Context, input: CreatePledgeBody): Promise<PledgeView> {
  assertAllowed(ctx.actor, 'solidarity.pledge.record', { countryIso2: input.countryIso2 });
  checkPledge(input);
  const actorId = ctx.actor?.userId ?? null;
  const id = await inTransaction(ctx.db, async (trx) => {
    const row = await q.insertPledge(trx, {
      country_iso2: input.countryIso2,
      type: input.type,
      quantity: input.quantity,
      currency: input.currency ?? null,
      beneficiary_iso2: input.beneficiaryIso2 ?? null,
      description: input.description?.trim() ?? '',
      pledged_on: input.pledgedOn,
      due_on: input.dueOn ?? null,
      status: input.status ?? 'announced',
      created_by: actorId,
      updated_by: actorId,
    });
    if (!row) throw new Problem('conflict');
    await recordRevision(trx, ctx, PLEDGES, {
      entryId: row.id,
      revision: 1,
      action: 'create',
      row,
      details: { country: input.countryIso2, type: input.type, quantity: input.quantity },
    });
    await tellDelegation(trx, 'solidarity.pledge_recorded', input.countryIso2, ctx.actor?.userId);
    return row.id;
  });
  return reloadPledge(ctx, ctx.db, id);
}

/** Changes a pledge; the previous state stays in its history. */
export async function updatePledge(ctx: Context, id: string, input: UpdatePledgeBody): Promise<PledgeView> {
  assertAllowed(ctx.actor, 'solidarity.pledge.record');
  const actorId = ctx.actor?.userId ?? null;
  await inTransaction(ctx.db, async (trx) => {
    const current = await q.selectPledgeForUpdate(trx, id);
    if (!current) throw new Problem('not_found', 'There is no such pledge.');
    assertAllowed(ctx.actor, 'solidarity.pledge.record', { countryIso2: current.country_iso2 });
    const type = input.type ?? current.type;
    const currency = input.currency !== undefined ? input.currency : type === 'money' ? current.currency : null;
    const merged = {
      type,
      currency,
      quantity: input.quantity ?? Number(current.quantity),
      pledgedOn: input.pledgedOn ?? current.pledged_on,
      dueOn: input.dueOn !== undefined ? input.dueOn : current.due_on,
    };
    checkPledge(merged);
    const row = await q.updatePledge(
      trx,
      id,
      {
        type,
        currency,
        quantity: merged.quantity,
        pledged_on: merged.pledgedOn,
        due_on: merged.dueOn,
        ...(input.beneficiaryIso2 !== undefined ? { beneficiary_iso2: input.beneficiaryIso2 } : {}),
        ...(input.description !== undefined ? { description: input.description.trim() } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        updated_by: actorId,
      },
      current.revision + 1,
    );
    await recordRevision(trx, ctx, PLEDGES, {
      entryId: id,
      revision: row.revision,
      action: 'update',
      row,
      details: { revision: row.revision, fields: Object.keys(input) },
    });
  });
  return reloadPledge(ctx, ctx.db, id);
}

async function reloadRelocation(ctx: Context, db: Kysely<DB>, id: string): Promise<RelocationView> {
  const [row] = await q.selectRelocations(db, { ids: [id] });
  if (!row) throw new Problem('not_found', 'There is no such relocation.');
  return presentRelocations(ctx, [row])[0] as RelocationView;
}

const firstOfMonth = (month: string) => `${month}-01`;

/** Records persons relocated to a State in a month from a State of first arrival. */
export async function createRelocation(ctx: Context, input: CreateRelocationBody): Promise<RelocationView> {
  assertAllowed(ctx.actor, 'solidarity.relocation.record', { countryIso2: input.countryIso2 });
  const actorId = ctx.actor?.userId ?? null;
  const id = await inTransaction(ctx.db, async (trx) => {
    const row = await q.insertRelocation(trx, {
      country_iso2: input.countryIso2,
      from_iso2: input.fromIso2,
      period: firstOfMonth(input.period),
      persons: input.persons,
      pledge_id: input.pledgeId ?? null,
      note: input.note?.trim() ?? '',
      updated_by: actorId,
      created_by: actorId,
    });
    if (!row) throw new Problem('conflict');
    await recordRevision(trx, ctx, RELOCATIONS, {
      entryId: row.id,
      revision: 1,
      action: 'create',
      row,
      details: { country: input.countryIso2, from: input.fromIso2, period: input.period, persons: input.persons },
    });
    await tellDelegation(trx, 'solidarity.relocation_recorded', input.countryIso2, ctx.actor?.userId);
    return row.id;
  });
  return reloadRelocation(ctx, ctx.db, id);
}

/** Corrects a relocation record; the previous state stays in its history. */
export async function updateRelocation(ctx: Context, id: string, input: UpdateRelocationBody): Promise<RelocationView> {
  assertAllowed(ctx.actor, 'solidarity.relocation.record');
  const actorId = ctx.actor?.userId ?? null;
  await inTransaction(ctx.db, async (trx) => {
    const current = await q.selectRelocationForUpdate(trx, id);
    if (!current) throw new Problem('not_found', 'There is no such relocation.');
    assertAllowed(ctx.actor, 'solidarity.relocation.record', { countryIso2: current.country_iso2 });
    const row = await q.updateRelocation(
      trx,
      id,
      {
        ...(input.fromIso2 !== undefined ? { from_iso2: input.fromIso2 } : {}),
        ...(input.period !== undefined ? { period: firstOfMonth(input.period) } : {}),
        ...(input.persons !== undefined ? { persons: input.persons } : {}),
        ...(input.pledgeId !== undefined ? { pledge_id: input.pledgeId } : {}),
        ...(input.note !== undefined ? { note: input.note.trim() } : {}),
        updated_by: actorId,
      },
      current.revision + 1,
    );
    await recordRevision(trx, ctx, RELOCATIONS, {
      entryId: id,
      revision: row.revision,
      action: 'update',
      row,
      details: { revision: row.revision, fields: Object.keys(input) },
    });
  });
  return reloadRelocation(ctx, ctx.db, id);
}

/** Every version of a pledge or relocation, oldest first, with what changed at each step. */
export async function entryHistory(ctx: Context, kind: 'pledge' | 'relocation', id: string): Promise<RevisionView[]> {
  const table = (kind === 'pledge' ? PLEDGES : RELOCATIONS).revisions;
  const rows = await q.selectRevisions(ctx.db, table, id);
  if (rows.length === 0) throw new Problem('not_found', `There is no such ${kind}.`);
  let previous: Record<string, unknown> = {};
  return rows.map((row) => {
    const snapshot = row.snapshot as Record<string, unknown>;
    const changes = Object.keys(snapshot)
      .filter((field) => row.action === 'update' && JSON.stringify(snapshot[field]) !== JSON.stringify(previous[field]))
      .map((field) => ({ field, from: previous[field] ?? null, to: snapshot[field] ?? null }));
    previous = snapshot;
    return {
      revision: row.revision,
      action: row.action as RevisionView['action'],
      changedAt: iso(row.changed_at),
      changedBy: person(row.changed_by, row.changed_by_name),
      changes,
      snapshot,
    };
  });
}

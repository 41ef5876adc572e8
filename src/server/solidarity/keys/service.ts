import { assertAllowed, holds } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { computeKey, validateDefinition } from './calculator.js';
import * as q from './queries.js';
import type { CreateKeyBody, KeyDefinition, KeyResult, KeySummary, KeyView, NewVersionBody } from './schemas.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Computes a key on posted data, stores nothing. */
/**
 * The 2015 keys, computed from the shipped inputs the first time they are asked for rather than
 * when the server starts: computing them takes tens of milliseconds.
 */
const presetKeys = () => import('./presets.js');

export function computePosted(definition: KeyDefinition): KeyResult {
  return computeKey(definition);
}

function actionsFor(ctx: Context, source: 'preset' | 'saved'): KeyView['actions'] {
  if (!holds(ctx.actor, 'solidarity.key.edit')) return [];
  return source === 'saved' ? ['new_version', 'save_as'] : ['save_as'];
}

/** The presets and the saved keys, newest version of each. */
export async function listKeys(_ctx: Context): Promise<KeySummary[]> {
  const { PRESETS } = await presetKeys();
  const presets: KeySummary[] = PRESETS.map((preset) => ({
    id: preset.id,
    source: 'preset',
    name: preset.name,
    description: preset.description,
    version: 1,
    total: preset.definition.total,
    stateCount: preset.definition.states.length,
    updatedAt: null,
  }));
  const saved = (await q.selectKeys(_ctx.db)).map(
    (row): KeySummary => ({
      id: row.id,
      source: 'saved',
      name: row.name,
      description: row.description,
      version: row.current_version,
      total: Number(row.total),
      stateCount: row.state_count,
      updatedAt: new Date(row.updated_at).toISOString(),
    }),
  );
  return [...presets, ...saved];
}

/** A key (preset code or saved id) in one version, with its computed shares and allocations. */
export async function getKey(ctx: Context, key: string, version?: number): Promise<KeyView> {
  const preset = (await presetKeys()).findPreset(key);
  if (preset) {
    if (version !== undefined && version !== 1) throw new Problem('not_found', `The preset ${key} has only version 1.`);
    return {
      id: preset.id,
      source: 'preset',
      name: preset.name,
      description: preset.description,
      version: 1,
      total: preset.definition.total,
      stateCount: preset.definition.states.length,
      updatedAt: null,
      basedOn: null,
      notes: preset.notes,
      sources: preset.sources,
      definition: preset.definition,
      result: computeKey(preset.definition),
      versions: [],
      actions: actionsFor(ctx, 'preset'),
    };
  }
  const row = UUID.test(key) ? await q.selectKey(ctx.db, key) : undefined;
  if (!row) throw new Problem('not_found', `There is no distribution key ${key}.`);
  const wanted = version ?? row.current_version;
  const [stored, versions] = await Promise.all([q.selectKeyVersion(ctx.db, key, wanted), q.selectKeyVersions(ctx.db, key)]);
  if (!stored) throw new Problem('not_found', `The key ${row.name} has no version ${wanted}.`);
  const definition = stored.definition as KeyDefinition;
  return {
    id: row.id,
    source: 'saved',
    name: row.name,
    description: row.description,
    version: stored.version,
    total: Number(stored.total),
    stateCount: stored.state_count,
    updatedAt: new Date(stored.created_at).toISOString(),
    basedOn: row.based_on,
    notes: [],
    sources: [],
    definition,
    result: computeKey(definition),
    versions: versions.map((v) => ({ version: v.version, note: v.note, createdAt: new Date(v.created_at).toISOString() })),
    actions: actionsFor(ctx, 'saved'),
  };
}

/** Saves a new key as version 1, e.g. a preset with changed weights. */
export async function createKey(ctx: Context, input: CreateKeyBody): Promise<KeyView> {
  assertAllowed(ctx.actor, 'solidarity.key.edit');
  validateDefinition(input.definition);
  computeKey(input.definition);
  const id = await inTransaction(ctx.db, async (trx) => {
    const { id } = await q.insertKey(trx, {
      name: input.name.trim(),
      description: input.description?.trim() ?? '',
      basedOn: input.basedOn ?? null,
      actorId: ctx.actor?.userId ?? null,
    });
    await q.insertKeyVersion(trx, {
      keyId: id,
      version: 1,
      definition: input.definition,
      note: input.note?.trim() ?? '',
      actorId: ctx.actor?.userId ?? null,
    });
    await audit(trx, ctx, {
      verb: 'solidarity.key.edit',
      recordType: 'solidarity_key',
      recordId: id,
      details: { version: 1, basedOn: input.basedOn ?? null, states: input.definition.states.length },
    });
    return id;
  });
  return getKey(ctx, id);
}

/** Adds a version to a saved key; earlier versions stay as they were. */
export async function addKeyVersion(ctx: Context, id: string, input: NewVersionBody): Promise<KeyView> {
  assertAllowed(ctx.actor, 'solidarity.key.edit');
  computeKey(input.definition);
  const version = await inTransaction(ctx.db, async (trx) => {
    const row = await q.selectKeyForUpdate(trx, id);
    if (!row) throw new Problem('not_found', `There is no saved distribution key ${id}.`);
    const version = row.current_version + 1;
    await q.insertKeyVersion(trx, {
      keyId: id,
      version,
      definition: input.definition,
      note: input.note?.trim() ?? '',
      actorId: ctx.actor?.userId ?? null,
    });
    await q.setCurrentVersion(trx, id, version);
    await audit(trx, ctx, { verb: 'solidarity.key.edit', recordType: 'solidarity_key', recordId: id, details: { version } });
    return version;
  });
  return getKey(ctx, id, version);
}

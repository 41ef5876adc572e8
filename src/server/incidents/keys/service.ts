import { createPublicKey } from 'node:crypto';
import { assertAllowed } from '../../access/check.js';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { asBuffer } from '../protected/crypto.js';
import { selectActiveKey } from '../queries.js';
import * as q from './queries.js';
import type { KeyStatus, NewKeyBody, RotationBody, RotationMaterial, RotationResult } from './schemas.js';

const MIN_MODULUS_BITS = 3072;

function invalid(pointer: string, message: string): never {
  throw new Problem('validation', message, { errors: [{ pointer, message }] });
}

/**
 * Checks what can be checked of a key pair the server did not make: an RSA public key of 3072
 * bits or more, a salt of 16 bytes or more, a 12-byte IV and a sealed key long enough to hold a
 * private key and its tag. Whether the passphrase is strong is the browser's check: the server
 * never sees it.
 */
function keyMaterial(body: NewKeyBody, at = '') {
  const publicKeySpki = Buffer.from(body.publicKeySpki, 'base64');
  let modulusBits = 0;
  try {
    const key = createPublicKey({ key: publicKeySpki, format: 'der', type: 'spki' });
    modulusBits = key.asymmetricKeyType === 'rsa' ? (key.asymmetricKeyDetails?.modulusLength ?? 0) : 0;
  } catch {
    invalid(`${at}/publicKeySpki`, 'The public key is not a DER SubjectPublicKeyInfo.');
  }
  if (modulusBits < MIN_MODULUS_BITS) invalid(`${at}/publicKeySpki`, 'The public key must be an RSA key of 3072 bits or more.');
  const salt = Buffer.from(body.salt, 'base64');
  if (salt.length < 16) invalid(`${at}/salt`, 'The salt must be 16 bytes or more.');
  const iv = Buffer.from(body.iv, 'base64');
  if (iv.length !== 12) invalid(`${at}/iv`, 'The initialisation vector must be 12 bytes.');
  const sealed = Buffer.from(body.sealedPrivateKey, 'base64');
  if (sealed.length < modulusBits / 4) invalid(`${at}/sealedPrivateKey`, 'The sealed private key is too short to hold the key.');
  return { publicKeySpki, salt, iv, sealed, iterations: body.iterations, modulusBytes: modulusBits / 8 };
}

async function status(db: Context['db']): Promise<KeyStatus> {
  const key = await selectActiveKey(db);
  return {
    key: key ? { keyId: key.id, createdAt: new Date(key.created_at).toISOString(), iterations: key.kdf_iterations ?? 0 } : null,
    sealedItems: await q.countSealed(db),
    actions: key ? ['rotate'] : ['create'],
  };
}

/** Whether the organisation's key exists, for the co-ordinator's set-up page and banner. */
export async function keyStatus(ctx: Context): Promise<KeyStatus> {
  assertAllowed(ctx.actor, 'incident.key.manage');
  return status(ctx.db);
}

/** Stores the first key pair, made and sealed by the caller; a second one is refused (rotate instead). */
export async function createKey(ctx: Context, body: NewKeyBody): Promise<KeyStatus> {
  assertAllowed(ctx.actor, 'incident.key.manage');
  const material = keyMaterial(body);
  return inTransaction(ctx.db, async (trx) => {
    if (await q.lockActiveKey(trx)) throw new Problem('conflict', 'The organisation already has a key; replace it instead.');
    const row = await q.insertKey(trx, material);
    await audit(trx, ctx, { verb: 'incident.key.create', recordType: 'incident_key', recordId: row.id });
    return status(trx);
  });
}

/** The sealed current key and every item's wrapped key, for the caller to wrap them again under a new key. */
export async function rotationMaterial(ctx: Context): Promise<RotationMaterial> {
  assertAllowed(ctx.actor, 'incident.key.manage');
  const key = await selectActiveKey(ctx.db);
  if (!key?.sealed_private_key || !key.kdf_salt || !key.seal_iv || !key.kdf_iterations) {
    throw new Problem('conflict', 'There is no key to replace yet: create it first.');
  }
  const items = await q.selectWrappedKeys(ctx.db);
  return {
    key: {
      keyId: key.id,
      sealedPrivateKey: asBuffer(key.sealed_private_key).toString('base64'),
      salt: asBuffer(key.kdf_salt).toString('base64'),
      iv: asBuffer(key.seal_iv).toString('base64'),
      iterations: key.kdf_iterations,
    },
    items: items.map((i) => ({ id: i.id, wrappedKey: asBuffer(i.wrapped_key).toString('base64') })),
  };
}

/**
 * Replaces the key pair with one the caller made, with every item's key wrapped again by the
 * caller under the new public key: the old key is retired (its sealed private key dropped) and
 * the items are not re-encrypted, all in one transaction. Refused when the key or the items
 * changed since the caller fetched them (a report arriving meanwhile): the caller starts again.
 */
export async function rotateKey(ctx: Context, body: RotationBody): Promise<RotationResult> {
  assertAllowed(ctx.actor, 'incident.key.manage');
  const material = keyMaterial(body.key, '/key');
  const wrapped = body.items.map((item, i) => {
    const bytes = Buffer.from(item.wrappedKey, 'base64');
    if (bytes.length !== material.modulusBytes) {
      invalid(`/items/${i}/wrappedKey`, 'This item key is not wrapped under the new public key.');
    }
    return { id: item.id, bytes };
  });
  return inTransaction(ctx.db, async (trx) => {
    const current = await q.lockActiveKey(trx);
    if (!current) throw new Problem('conflict', 'There is no key to replace yet: create it first.');
    if (current.id !== body.retiringKeyId) throw new Problem('conflict', 'The key was replaced meanwhile: start again.');
    const stored = await q.selectWrappedKeys(trx, true);
    const given = new Set(wrapped.map((w) => w.id));
    if (given.size !== wrapped.length || stored.length !== given.size || stored.some((s) => !given.has(s.id))) {
      throw new Problem('conflict', 'Reports arrived while the key was being replaced: start again.');
    }
    await q.retireKey(trx, current.id);
    const row = await q.insertKey(trx, material);
    for (const item of wrapped) await q.setWrappedKey(trx, item.id, row.id, item.bytes);
    await audit(trx, ctx, {
      verb: 'incident.key.rotate',
      recordType: 'incident_key',
      recordId: row.id,
      details: { retired: current.id, rewrapped: wrapped.length },
    });
    return { status: await status(trx), rewrapped: wrapped.length };
  });
}

import { createHash, createHmac, randomBytes } from 'node:crypto';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { CLOSED } from '../categories.js';
import { asBuffer, publicKeyFromSpki, type SealedItem, sealItem } from '../protected/crypto.js';
import * as q from '../queries.js';
import type { PhotoPool } from './photo-pool.js';
import { cleanPhotos } from './photos.js';
import { issueChallenge, type Proof, type ProofRules, proofFault, proofHash, requiredBits } from './proof.js';
import type { FormSettingsView, ReceiptStatusView, ReceiptView, ReportBody } from './schemas.js';

const RECEIPT_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function newReceipt(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => RECEIPT_ALPHABET[b % RECEIPT_ALPHABET.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

export function receiptHash(receipt: string): Buffer {
  return createHash('sha256').update(`incident-receipt:${receipt.trim().toUpperCase()}`).digest();
}

/** Drawn once per process when INCIDENT_ADDRESS_KEY is not set; never stored. */
const PROCESS_ADDRESS_KEY = randomBytes(32);

/**
 * The address as the rate limits count it: an HMAC under a key the database does not hold, so
 * that whoever copies the database cannot try every address and tie a reporter to a report.
 */
function addressHash(address: string, key: string | undefined): Buffer {
  return createHmac('sha256', key ?? PROCESS_ADDRESS_KEY)
    .update(address)
    .digest();
}

function assertUnderLimit(config: Context['config'], attemptsFromAddress: number): void {
  if (attemptsFromAddress >= config.incidentMaxReportsPerAddressPerHour) {
    throw new Problem('rate_limited', 'Too many reports have been sent. Please try again in an hour.', {
      retryAfterSeconds: 3600,
    });
  }
}

function proofRules(config: Context['config']): ProofRules {
  return {
    baseBits: config.incidentProofBits,
    // With the limits off (a benchmark), the proof does not rise with load either.
    maxBits: config.incidentRateLimit ? config.incidentProofMaxBits : config.incidentProofBits,
    reportsPerBit: config.incidentReportsPerProofBit,
    minFillSeconds: config.incidentMinFillSeconds,
    key: config.incidentChallengeKey,
  };
}

/**
 * What the public form needs before it is filled: the public key, the form's checks and a fresh
 * challenge, signed, whose difficulty rises with the reports accepted in the last hour.
 */
export async function formSettings(ctx: Context): Promise<FormSettingsView> {
  const key = await q.selectActiveKey(ctx.db);
  const rules = proofRules(ctx.config);
  const bits = requiredBits(rules, ctx.config.incidentRateLimit ? await q.countAccepted(ctx.db) : 0);
  return {
    challenge: issueChallenge(bits, rules.key),
    proofBits: bits,
    minFillSeconds: ctx.config.incidentMinFillSeconds,
    photoMaxBytes: ctx.config.incidentPhotoMaxBytes,
    maxPhotos: 5,
    key: key ? { keyId: key.id, spki: asBuffer(key.public_key_spki).toString('base64') } : null,
  };
}

function decodeSealed(item: { wrappedKey: string; payload: string }): SealedItem {
  return { wrappedKey: Buffer.from(item.wrappedKey, 'base64'), payload: Buffer.from(item.payload, 'base64') };
}

function refuseProof(message: string): never {
  throw new Problem('validation', message, { errors: [{ pointer: '/proof', message }] });
}

/**
 * The proof of work holds and was not used before; a refused one counts against the address's
 * limit, so that replaying a proof ends in 429 rather than in work for the server.
 */
async function assertProof(ctx: Context, proof: Proof, address: Buffer, accepted: number): Promise<void> {
  const { config } = ctx;
  let fault = proofFault(proof, proofRules(config), accepted);
  if (!fault && (await q.isProofUsed(ctx.db, proofHash(proof)))) {
    fault = 'This form has already been sent. Reload the page to send another report.';
  }
  if (!fault) return;
  if (config.incidentRateLimit) await q.insertRefusedSubmission(ctx.db, address);
  refuseProof(fault);
}

/**
 * Accepts a public report. The description and contact arrive encrypted by the browser or, when
 * it cannot, are encrypted here before anything is stored; photos are re-encoded (dropping all
 * metadata) in the photo pool and encrypted. Everything cheap that decides whether the sender may
 * send at all (the limits, the proof and its single use) comes before any photo is read. The
 * address's limit is counted again in the database under a lock, in the same transaction as the report,
 * so an accepted report is never lost and a refused one leaves nothing.
 */
export async function submitReport(ctx: Context, input: ReportBody, photoPool: PhotoPool): Promise<ReceiptView> {
  const { config } = ctx;
  const receipt = newReceipt();
  // A filled honeypot is a robot: it gets an answer that looks the same, and nothing is kept.
  if (input.website) return { receipt };
  const address = addressHash(ctx.address, config.incidentAddressKey);
  const counts = config.incidentRateLimit ? await q.countSubmissions(ctx.db, address) : { all: 0, byAddress: 0 };
  assertUnderLimit(config, counts.byAddress);
  await assertProof(ctx, input.proof, address, counts.all);
  if ((input.sealed === undefined) === (input.description === undefined)) {
    const message = 'Send the description either encrypted or as text, not both.';
    throw new Problem('validation', message, { errors: [{ pointer: '/description', message }] });
  }
  if (input.sealed && input.contact !== undefined) {
    const message = 'An encrypted report sends its contact details encrypted too.';
    throw new Problem('validation', message, { errors: [{ pointer: '/contact', message }] });
  }
  const isProperty = ['arson', 'vandalism', 'graffiti', 'desecration', 'property_attack_other'].includes(input.incidentType);
  if (input.propertyTarget && !isProperty) {
    const message = 'Only an attack against property has a property target.';
    throw new Problem('validation', message, { errors: [{ pointer: '/propertyTarget', message }] });
  }
  const today = new Date().toISOString().slice(0, 10);
  if (input.occurredOn > today || input.occurredOn < '1990-01-01') {
    const message = 'The date must be between 1990 and today.';
    throw new Problem('validation', message, { errors: [{ pointer: '/occurredOn', message }] });
  }
  const key = await q.selectActiveKey(ctx.db);
  if (!key) throw new Problem('unavailable', 'Reports cannot be received until the organisation has created its key.');
  if (input.sealed && input.sealed.keyId !== key.id) {
    throw new Problem('conflict', 'The encryption key has changed. Reload the page and send the report again.');
  }
  const publicKey = publicKeyFromSpki(key.public_key_spki);
  const limits = { maxBytes: config.incidentPhotoMaxBytes, maxPixels: config.incidentPhotoMaxPixels };
  const cleaned = await cleanPhotos(
    photoPool,
    (input.photos ?? []).map((photo) => ({ mediaType: photo.mediaType, bytes: Buffer.from(photo.data, 'base64') })),
    limits,
  );
  const photos = cleaned.map((clean) => ({ mediaType: clean.type, ...sealItem(publicKey, clean.bytes) }));
  const text = (value: string) => sealItem(publicKey, Buffer.from(value, 'utf8'));
  const description = input.sealed ? decodeSealed(input.sealed.description) : text(input.description ?? '');
  const contactText = input.contact?.trim();
  const contact = input.sealed?.contact ? decodeSealed(input.sealed.contact) : contactText ? text(contactText) : undefined;

  const id = await inTransaction(ctx.db, async (trx) => {
    if (config.incidentRateLimit) {
      await q.lockSubmissions(trx);
      assertUnderLimit(config, (await q.countSubmissions(trx, address)).byAddress);
    }
    if (!(await q.insertSubmission(trx, address, proofHash(input.proof)))) {
      refuseProof('This form has already been sent. Reload the page to send another report.');
    }
    const report = await trx
      .insertInto('incident_report')
      .values({
        receipt_hash: receiptHash(receipt),
        occurred_on: input.occurredOn,
        date_approximate: input.dateApproximate ?? false,
        country_iso2: input.country,
        place: input.place.trim() || '-',
        latitude: input.point ? Math.round(input.point.latitude * 100) / 100 : null,
        longitude: input.point ? Math.round(input.point.longitude * 100) / 100 : null,
        incident_type: input.incidentType,
        property_target: input.propertyTarget ?? null,
        targets: input.targets,
        bias_motivation: input.biasMotivation,
        bias_indicators: input.biasIndicators ?? [],
        source: input.source,
        contact_consent: (input.contactConsent ?? false) && contact !== undefined,
        encrypted_in: input.sealed ? 'browser' : 'server',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sealed = [
      { kind: 'description' as const, item: description, mediaType: null, position: 0 },
      ...(contact ? [{ kind: 'contact' as const, item: contact, mediaType: null, position: 0 }] : []),
      ...photos.map((p, i) => ({ kind: 'photo' as const, item: p, mediaType: p.mediaType, position: i })),
    ];
    await trx
      .insertInto('incident_sealed')
      .values(
        sealed.map((s) => ({
          report_id: report.id,
          kind: s.kind,
          key_id: key.id,
          wrapped_key: s.item.wrappedKey,
          payload: s.item.payload,
          media_type: s.mediaType,
          position: s.position,
        })),
      )
      .execute();
    await q.insertEvent(trx, { reportId: report.id, actorId: null, kind: 'received', to: 'received' });
    // The reporter's address is not written to the audit log: it would tie them to the report.
    await audit(
      trx,
      ctx,
      { verb: 'incident.report.receive', recordType: 'incident_report', recordId: report.id },
      { actorId: null, withoutAddress: true },
    );
    return report.id;
  });
  if (!id) throw new Problem('internal');
  return { receipt };
}

/** The status of a report, for the reporter who holds its receipt code; nothing else. */
export async function receiptStatus(ctx: Context, code: string): Promise<ReceiptStatusView> {
  const row = await ctx.db
    .selectFrom('incident_report')
    .select(['status', 'received_at', 'updated_at'])
    .where('receipt_hash', '=', receiptHash(code))
    .executeTakeFirst();
  if (!row) throw new Problem('not_found', 'No report has this receipt code.');
  return {
    status: row.status as ReceiptStatusView['status'],
    receivedAt: new Date(row.received_at).toISOString().slice(0, 10),
    updatedAt: new Date(row.updated_at).toISOString().slice(0, 10),
  };
}

export const isClosed = (status: string) => (CLOSED as readonly string[]).includes(status);

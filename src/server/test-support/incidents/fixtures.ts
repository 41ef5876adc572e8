import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { NewKeyBody } from '../../incidents/keys/schemas.js';
import { createKeyPair } from '../../incidents/protected/crypto.js';
import { createIncidentKey } from '../../incidents/protected/keys.js';
import { solveProof } from '../../incidents/submission/proof.js';
import type { ReportBody } from '../../incidents/submission/schemas.js';

/** The passphrase of the key tests create; the server never stores it. */
export const TEST_PASSPHRASE = 'correct horse battery staple 2026';
/** The least PBKDF2 iteration count the database accepts; fast enough for tests. */
export const TEST_ITERATIONS = 100_000;

const keys = new WeakMap<object, Promise<{ keyId: string }>>();

/** The organisation's key in a test database, created once per database. */
export async function ensureTestKey(db: Kysely<DB>): Promise<{ keyId: string }> {
  let key = keys.get(db);
  if (!key) {
    key = db
      .selectFrom('incident_key')
      .select('id')
      .where('retired_at', 'is', null)
      .executeTakeFirst()
      .then((row) => (row ? { keyId: row.id } : createIncidentKey(db, TEST_PASSPHRASE, TEST_ITERATIONS)));
    keys.set(db, key);
  }
  return key;
}

/** A complete public report as the server fallback receives it (text, encrypted on receipt). */
export function testReportBody(overrides: Partial<ReportBody> = {}, proofBits = 14): ReportBody {
  return {
    occurredOn: '2025-05-04',
    country: 'AT',
    place: 'Graz',
    incidentType: 'physical_assault',
    targets: ['refugees'],
    biasMotivation: 'racist_xenophobic',
    biasIndicators: ['offender_remarks'],
    source: 'witness',
    description: 'A man shouted at two refugees and hit one of them.',
    proof: solveProof(proofBits),
    ...overrides,
  };
}

let counter = 0;

/** A report inserted directly (no encryption involved), for routes that only need one to exist. */
export async function insertTestReport(
  db: Kysely<DB>,
  values: { country?: string; status?: string; occurredOn?: string; closedAt?: Date | null } = {},
): Promise<string> {
  counter++;
  const status = values.status ?? 'under_review';
  const closed = ['verified', 'not_verified', 'rejected'].includes(status);
  const row = await db
    .insertInto('incident_report')
    .values({
      receipt_hash: createHash('sha256').update(`test-${process.pid}-${Date.now()}-${counter}`).digest(),
      status,
      occurred_on: values.occurredOn ?? '2025-03-01',
      country_iso2: values.country ?? 'AT',
      place: 'Vienna',
      incident_type: 'threat',
      targets: ['migrants'],
      bias_motivation: 'racist_xenophobic',
      source: 'ngo',
      encrypted_in: 'server',
      rejection_reason: status === 'rejected' ? 'Test' : null,
      closed_at: values.closedAt !== undefined ? values.closedAt : closed ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A key pair as the co-ordinator's browser sends it: the public key and the private key sealed under the passphrase. */
export async function clientMadeKey(passphrase: string): Promise<NewKeyBody> {
  const pair = await createKeyPair(passphrase, TEST_ITERATIONS);
  return {
    publicKeySpki: pair.publicKeySpki.toString('base64'),
    sealedPrivateKey: pair.sealed.toString('base64'),
    salt: pair.salt.toString('base64'),
    iv: pair.iv.toString('base64'),
    iterations: pair.iterations,
  };
}

let sampleKey: Promise<NewKeyBody> | undefined;
/** One client-made key shared by the tests that only need a well-formed one. */
export function sampleClientKey(): Promise<NewKeyBody> {
  sampleKey ??= clientMadeKey(TEST_PASSPHRASE);
  return sampleKey;
}

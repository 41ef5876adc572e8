import { randomInt } from 'node:crypto';
import { audit } from '../../audit/record.js';
import type { Context } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { Problem } from '../../http/problems.js';
import { selectNomination } from '../nominations/queries.js';
import { daysOf, manages } from '../present.js';
import { signingKeys } from './keys.js';
import { certificatePdf } from './pdf.js';
import * as q from './queries.js';
import type { CertificateCheck, CompletionBody, CompletionView } from './schemas.js';
import { type CertificatePayload, canonical, embedded, signPayload, verifyEmbedded } from './signature.js';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A verification code: three groups of four letters and digits that cannot be misread. */
function newCode(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${group()}-${group()}-${group()}`;
}

/** The date some months after another (the last day of a shorter month when the day does not exist). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export const verifyUrlOf = (ctx: Context, code: string) => `${ctx.config.publicUrl}/training/verify/${code}`;

/**
 * The provider records that a selected participant completed the course (present on every day):
 * a signed certificate is issued and, when the participant is on the roster, the course's
 * prerequisite is granted with its expiry or its competence raised, which the team optimiser then sees.
 */
export async function completeCourse(ctx: Context, nominationId: string, input: CompletionBody): Promise<CompletionView> {
  const n = await selectNomination(ctx.db, nominationId);
  if (!n) throw new Problem('not_found', 'There is no such nomination.');
  if (!manages(ctx.actor, n.provider_id)) throw new Problem('forbidden');
  if (n.status !== 'selected') throw new Problem('conflict', 'Only a selected participant completes a course.');
  if (n.completed_on) throw new Problem('conflict', 'This participant has already completed the course.');
  const present = new Set((await q.selectAttendance(ctx.db, nominationId)).filter((a) => a.present).map((a) => a.day));
  const missing = daysOf(n.starts_on, n.ends_on).filter((day) => !present.has(day));
  if (missing.length > 0) {
    throw new Problem('conflict', `The participant was not recorded present on ${missing.join(', ')}.`);
  }
  const completedOn = input.completedOn ?? n.ends_on;
  if (completedOn < n.starts_on) {
    throw new Problem('validation', 'A course is completed after it starts.', {
      errors: [{ pointer: '/completedOn', message: `On or after ${n.starts_on}.` }],
    });
  }
  const keys = await signingKeys(ctx.db, ctx.config);
  return inTransaction(ctx.db, async (trx) => {
    const code = newCode();
    const payload: CertificatePayload = {
      v: 1,
      code,
      participant: n.name,
      course: n.course_title,
      courseCode: n.course_code,
      provider: n.provider_name ?? '',
      startsOn: n.starts_on,
      endsOn: n.ends_on,
      hours: n.duration_hours,
      issuedOn: completedOn,
    };
    const text = canonical(payload);
    await q.insertCertificate(trx, {
      nomination_id: nominationId,
      code,
      payload: text,
      signature: signPayload(keys.privateKey, text),
    });
    await q.markCompleted(trx, nominationId, completedOn);
    const granted: CompletionView['granted'] = [];
    if (n.expert_id && n.grants_prerequisite) {
      const expiresOn = await q.grantPrerequisite(
        trx,
        n.expert_id,
        n.grants_prerequisite,
        n.grants_validity_months ? addMonths(completedOn, n.grants_validity_months) : null,
      );
      granted.push({ kind: 'prerequisite', code: n.grants_prerequisite, expiresOn, level: null });
    }
    if (n.expert_id && n.grants_competence && n.grants_level) {
      const level = await q.raiseCompetence(trx, n.expert_id, n.grants_competence, n.grants_level);
      granted.push({ kind: 'competence', code: n.grants_competence, expiresOn: null, level });
    }
    await audit(trx, ctx, {
      verb: 'training.complete',
      recordType: 'training_nomination',
      recordId: nominationId,
      details: { certificate: code, granted: granted.map((g) => g.code) },
    });
    return { certificateCode: code, granted };
  });
}

/** The certificate's PDF: for its holder and the provider; audited. */
export async function certificateFile(ctx: Context, code: string): Promise<Buffer> {
  if (!ctx.actor) throw new Problem('unauthenticated');
  const cert = await q.selectCertificate(ctx.db, code);
  if (!cert) throw new Problem('not_found', 'There is no such certificate.');
  const n = await selectNomination(ctx.db, cert.nomination_id);
  if (cert.user_id !== ctx.actor.userId && !manages(ctx.actor, n?.provider_id ?? null)) throw new Problem('forbidden');
  await audit(ctx.db, ctx, { verb: 'training.certificate.read', recordType: 'training_certificate', recordId: cert.id });
  return certificatePdf(
    JSON.parse(cert.payload) as CertificatePayload,
    embedded(cert.payload, cert.signature),
    verifyUrlOf(ctx, code),
  );
}

/** What the public verification page shows: the certificate's content, whether it was revoked, and whether its signature holds. */
export async function checkCertificate(ctx: Context, code: string): Promise<CertificateCheck> {
  const cert = await q.selectCertificate(ctx.db, code);
  if (!cert) throw new Problem('not_found', 'There is no certificate with this code.');
  const keys = await signingKeys(ctx.db, ctx.config);
  const result = verifyEmbedded(Buffer.from(cert.payload, 'utf8').toString('base64url'), cert.signature, keys.publicPem);
  const payload = JSON.parse(cert.payload) as CertificatePayload;
  return {
    code: cert.code,
    status: cert.revoked_at ? 'revoked' : 'valid',
    signatureValid: result.valid,
    participant: payload.participant,
    course: payload.course,
    provider: payload.provider,
    startsOn: payload.startsOn,
    endsOn: payload.endsOn,
    hours: payload.hours,
    issuedOn: payload.issuedOn,
    revokedOn: cert.revoked_at ? new Date(cert.revoked_at).toISOString().slice(0, 10) : null,
    revokedReason: cert.revoked_reason,
  };
}

/** The published public key that verifies every certificate offline. */
export async function publicKey(ctx: Context) {
  return { algorithm: 'Ed25519' as const, publicKeyPem: (await signingKeys(ctx.db, ctx.config)).publicPem };
}

/** The provider revokes a certificate; the verification page then says so. */
export async function revokeCertificate(ctx: Context, code: string, reason: string): Promise<CertificateCheck> {
  const cert = await q.selectCertificate(ctx.db, code);
  if (!cert) throw new Problem('not_found', 'There is no such certificate.');
  const n = await selectNomination(ctx.db, cert.nomination_id);
  if (!manages(ctx.actor, n?.provider_id ?? null)) throw new Problem('forbidden');
  return inTransaction(ctx.db, async (trx) => {
    if (!(await q.revoke(trx, code, reason.trim()))) throw new Problem('conflict', 'This certificate is already revoked.');
    await audit(trx, ctx, { verb: 'training.certificate.revoke', recordType: 'training_certificate', recordId: cert.id });
    return checkCertificate({ ...ctx, db: trx }, code);
  });
}

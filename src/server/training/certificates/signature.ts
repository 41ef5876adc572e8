import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

/**
 * The signed content of a certificate, and how it travels inside its PDF. Pure: no database, so
 * that the command line verifies a file offline with nothing but the published public key.
 */
export interface CertificatePayload {
  v: 1;
  code: string;
  participant: string;
  course: string;
  courseCode: string;
  provider: string;
  startsOn: string;
  endsOn: string;
  hours: number;
  issuedOn: string;
}

/** The marker that precedes the signed content in the PDF's keywords. */
export const MARKER = 'crossroads-certificate-v1:';

/** The canonical text of a payload: its fields in a fixed order. */
export function canonical(payload: CertificatePayload): string {
  const { v, code, participant, course, courseCode, provider, startsOn, endsOn, hours, issuedOn } = payload;
  return JSON.stringify({ v, code, participant, course, courseCode, provider, startsOn, endsOn, hours, issuedOn });
}

export function signPayload(privateKey: KeyObject, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64url');
}

/** The keywords entry that carries the signed content: ASCII only, so PDF writers keep it byte for byte. */
export function embedded(text: string, signature: string): string {
  return `${MARKER}${Buffer.from(text, 'utf8').toString('base64url')}.${signature}`;
}

export type Verification =
  | { valid: true; payload: CertificatePayload }
  | { valid: false; reason: 'no_signed_content' | 'bad_signature' | 'malformed'; payload?: CertificatePayload };

/** Finds the signed content in a PDF's bytes and checks it against the public key. */
export function verifyPdf(pdf: Buffer, publicKeyPem: string): Verification {
  const text = pdf.toString('latin1');
  const match = new RegExp(`${MARKER}([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)`).exec(text);
  if (!match) return { valid: false, reason: 'no_signed_content' };
  return verifyEmbedded(match[1]!, match[2]!, publicKeyPem);
}

export function verifyEmbedded(encodedPayload: string, signature: string, publicKeyPem: string): Verification {
  const bytes = Buffer.from(encodedPayload, 'base64url');
  let payload: CertificatePayload;
  try {
    payload = JSON.parse(bytes.toString('utf8')) as CertificatePayload;
  } catch {
    return { valid: false, reason: 'malformed' };
  }
  let key: KeyObject;
  try {
    key = createPublicKey(publicKeyPem);
  } catch {
    return { valid: false, reason: 'malformed', payload };
  }
  const ok = verify(null, bytes, key, Buffer.from(signature, 'base64url'));
  return ok ? { valid: true, payload } : { valid: false, reason: 'bad_signature', payload };
}

/** The public key of a private one, as PEM. */
export function publicPemOf(privatePem: string): string {
  return createPublicKey(createPrivateKey(privatePem)).export({ type: 'spki', format: 'pem' }).toString();
}

/**
 * The form's proof of work (see src/server/incidents/submission/proof.ts): the server issues the challenge,
 * signed, with the zero bits it asks for (more when many reports are arriving); the nonce makes
 * SHA-256("challenge.nonce") start with that many zero bits. Solved in the background while the
 * visitor fills the form.
 */
import { sha256 } from './sha256';

export interface Proof {
  challenge: string;
  nonce: string;
}

function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** Web Crypto where the page is a secure context, else the plain JavaScript digest. */
async function digestOf(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  if (typeof crypto !== 'undefined' && crypto.subtle) return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return sha256(bytes);
}

/** Finds the nonce for the challenge the server issued. */
export async function solveProof(challenge: string, bits: number): Promise<Proof> {
  const encoder = new TextEncoder();
  for (let nonce = 0; ; nonce++) {
    const digest = await digestOf(encoder.encode(`${challenge}.${nonce}`));
    if (leadingZeroBits(digest) >= bits) return { challenge, nonce: String(nonce) };
    // Give the page a breath now and then, so typing stays smooth.
    if (nonce % 2000 === 1999) await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

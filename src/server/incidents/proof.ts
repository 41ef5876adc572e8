import { createHash } from 'node:crypto';

/**
 * A small proof of work with a time check, instead of a third-party challenge: the form takes the
 * time it was opened and a random value as its challenge, and finds a nonce such that
 * SHA-256("challenge.nonce") starts with `bits` zero bits. The server accepts a proof only once
 * (its hash is unique in incident_submission), only from a form open long enough for a person to
 * fill it, and not from one opened more than a day ago. The web client does the same in
 * src/web/incidents/proof.ts.
 */
export interface Proof {
  challenge: string;
  nonce: string;
}

const MAX_AGE_MS = 24 * 3600 * 1000;

export function leadingZeroBits(digest: Uint8Array): number {
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

function digestOf(proof: Proof): Buffer {
  return createHash('sha256').update(`${proof.challenge}.${proof.nonce}`).digest();
}

/** Why a proof is refused, or undefined when it holds. */
export function proofFault(proof: Proof, bits: number, minFillSeconds: number, now = Date.now()): string | undefined {
  const match = /^(\d{13})\.[0-9a-f]{16,64}$/.exec(proof.challenge);
  if (!match || !/^\d{1,12}$/.test(proof.nonce)) return 'The form check is not valid. Reload the page and try again.';
  const openedAt = Number(match[1]);
  if (openedAt > now - minFillSeconds * 1000) return 'The form was sent too quickly. Wait a moment and send it again.';
  if (openedAt < now - MAX_AGE_MS) return 'The form has been open too long. Reload the page and send it again.';
  if (leadingZeroBits(digestOf(proof)) < bits) return 'The form check is not valid. Reload the page and try again.';
  return undefined;
}

/** What identifies a proof, so that it is accepted once. */
export function proofHash(proof: Proof): Buffer {
  return createHash('sha256').update(proof.challenge).digest();
}

/** Finds a proof (tests, the benchmark, the command line); `openedAt` lets a test make it old enough. */
export function solveProof(bits: number, openedAt = Date.now() - 60_000): Proof {
  const challenge = `${openedAt}.${createHash('sha256').update(String(Math.random())).digest('hex').slice(0, 32)}`;
  for (let nonce = 0; ; nonce++) {
    const proof = { challenge, nonce: String(nonce) };
    if (leadingZeroBits(digestOf(proof)) >= bits) return proof;
  }
}

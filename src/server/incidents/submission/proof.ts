import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A small proof of work with a time check, instead of a third-party challenge. The server issues
 * the challenge, signed under a key of its own (HMAC-SHA256): the time it was issued, the zero bits
 * it asks for and a random value. The form finds a nonce such that SHA-256("challenge.nonce")
 * starts with that many zero bits. The server accepts a proof only for a challenge it signed, once
 * (its hash is unique in incident_submission), only from a form open long enough for a person to
 * fill it, and not from one opened more than a day ago. The bits asked rise with the reports
 * accepted in the last hour, so that a flood makes each further report dearer instead of shutting
 * the form for everyone. The web client solves it in src/web/incidents/proof.ts.
 */
export interface Proof {
  challenge: string;
  nonce: string;
}

const MAX_AGE_MS = 24 * 3600 * 1000;
const INVALID = 'The form check is not valid. Reload the page and try again.';

/** Drawn once per process when INCIDENT_CHALLENGE_KEY is not set; a restart voids open forms' challenges. */
const PROCESS_CHALLENGE_KEY = randomBytes(32);

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

function signature(payload: string, key: string | undefined): string {
  return createHmac('sha256', key ?? PROCESS_CHALLENGE_KEY)
    .update(`incident-challenge:${payload}`)
    .digest('base64url');
}

/** What the proof's difficulty depends on. */
export interface ProofRules {
  /** Zero bits asked when nothing is happening, and the most ever asked. */
  baseBits: number;
  maxBits: number;
  /** One more bit for each this many reports accepted in the last hour. */
  reportsPerBit: number;
  minFillSeconds: number;
  /** The HMAC key; undefined for the process's own. */
  key: string | undefined;
}

/** The zero bits a new form must find when `accepted` reports came in the last hour. */
export function requiredBits(rules: ProofRules, accepted: number): number {
  return Math.min(rules.maxBits, rules.baseBits + Math.floor(accepted / rules.reportsPerBit));
}

/** A challenge signed by this server, asking for `bits` zero bits. */
export function issueChallenge(bits: number, key: string | undefined, issuedAt = Date.now()): string {
  const payload = `${issuedAt}.${bits}.${randomBytes(8).toString('hex')}`;
  return `${payload}.${signature(payload, key)}`;
}

/**
 * Why a proof is refused, or undefined when it holds. `accepted` is the last hour's load: a
 * challenge issued for one bit fewer than the load now asks still passes (a form opened just
 * before a rise), but not one hoarded while all was calm.
 */
export function proofFault(proof: Proof, rules: ProofRules, accepted: number, now = Date.now()): string | undefined {
  const match = /^(\d{13})\.(\d{1,2})\.([0-9a-f]{16})\.([\w-]{43})$/.exec(proof.challenge);
  if (!match || !/^\d{1,12}$/.test(proof.nonce)) return INVALID;
  const expected = Buffer.from(signature(`${match[1]}.${match[2]}.${match[3]}`, rules.key));
  if (!timingSafeEqual(expected, Buffer.from(match[4] as string))) return INVALID;
  const issuedAt = Number(match[1]);
  const bits = Number(match[2]);
  if (issuedAt > now - rules.minFillSeconds * 1000) return 'The form was sent too quickly. Wait a moment and send it again.';
  if (issuedAt < now - MAX_AGE_MS) return 'The form has been open too long. Reload the page and send it again.';
  if (bits < Math.max(rules.baseBits, requiredBits(rules, accepted) - 1)) {
    return 'Many reports are arriving just now, so the form must check again. Wait a moment and send it again.';
  }
  if (leadingZeroBits(digestOf(proof)) < bits) return INVALID;
  return undefined;
}

/** What identifies a proof, so that it is accepted once. */
export function proofHash(proof: Proof): Buffer {
  return createHash('sha256').update(proof.challenge).digest();
}

/**
 * Finds a proof for a challenge this process signs, as the browser does for one it fetched (tests,
 * the benchmark); `issuedAt` lets a test make it old enough, `key` matches a server's
 * INCIDENT_CHALLENGE_KEY.
 */
export function solveProof(bits: number, issuedAt = Date.now() - 60_000, key?: string): Proof {
  return solveChallenge(issueChallenge(bits, key, issuedAt), bits);
}

/** Finds the nonce for a challenge. */
export function solveChallenge(challenge: string, bits: number): Proof {
  for (let nonce = 0; ; nonce++) {
    const proof = { challenge, nonce: String(nonce) };
    if (leadingZeroBits(digestOf(proof)) >= bits) return proof;
  }
}

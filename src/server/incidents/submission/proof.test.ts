import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../web/incidents/sha256.js';
import {
  issueChallenge,
  leadingZeroBits,
  type ProofRules,
  proofFault,
  requiredBits,
  solveChallenge,
  solveProof,
} from './proof.js';

const RULES: ProofRules = { baseBits: 12, maxBits: 16, reportsPerBit: 10, minFillSeconds: 3, key: undefined };

describe('the report form’s proof of work', () => {
  it('accepts a solved proof of a challenge this server signed, and refuses a quick, stale, unsolved or forged one', () => {
    const now = Date.now();
    expect(proofFault(solveProof(12, now - 10_000), RULES, 0, now)).toBeUndefined();
    expect(proofFault(solveProof(12, now - 1_000), RULES, 0, now)).toMatch(/too quickly/);
    expect(proofFault(solveProof(12, now - 2 * 86400_000), RULES, 0, now)).toMatch(/open too long/);
    // Back-dated: the time changed after the server signed it.
    const fresh = issueChallenge(12, undefined, now);
    expect(proofFault(solveChallenge(fresh.replace(/^\d{13}/, String(now - 3600_000)), 12), RULES, 0, now)).toMatch(/not valid/);
    // Easier: the bits changed after the server signed it.
    const easier = issueChallenge(12, undefined, now - 10_000).replace(/^(\d{13})\.12\./, '$1.0.');
    expect(proofFault(solveChallenge(easier, 0), RULES, 0, now)).toMatch(/not valid/);
    // Signed under another key, or by nobody.
    expect(proofFault(solveProof(12, now - 10_000, 'another instance’s key, 32 chars or more'), RULES, 0, now)).toMatch(
      /not valid/,
    );
    expect(proofFault({ challenge: `${now - 10_000}.0123456789abcdef`, nonce: '0' }, RULES, 0, now)).toMatch(/not valid/);
    // Signed, but not solved.
    const unsolved = issueChallenge(12, undefined, now - 10_000);
    let nonce = 0;
    while (leadingZeroBits(createHash('sha256').update(`${unsolved}.${nonce}`).digest()) >= 12) nonce++;
    expect(proofFault({ challenge: unsolved, nonce: String(nonce) }, RULES, 0, now)).toMatch(/not valid/);
    expect(proofFault({ challenge: 'x', nonce: '1' }, RULES, 0, now)).toMatch(/not valid/);
  });

  it('asks one bit more for each step of the last hour’s reports, up to the most, and refuses a challenge from calmer times', () => {
    expect([0, 9, 10, 35, 10_000].map((accepted) => requiredBits(RULES, accepted))).toEqual([12, 12, 13, 15, 16]);
    const now = Date.now();
    const calm = solveProof(12, now - 10_000);
    // A form opened just before the rise still passes; one from well before does not.
    expect(proofFault(calm, RULES, 10, now)).toBeUndefined();
    expect(proofFault(calm, RULES, 20, now)).toMatch(/Many reports/);
    expect(proofFault(solveProof(16, now - 10_000), RULES, 10_000, now)).toBeUndefined();
  });

  it('the browser’s fallback SHA-256 (no Web Crypto outside a secure context) equals the standard one', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(Buffer.from(sha256(bytes)).toString('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
    );
  });
});

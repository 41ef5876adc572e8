import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../web/incidents/sha256.js';
import { leadingZeroBits, proofFault, solveProof } from './proof.js';

describe('the report form’s proof of work', () => {
  it('accepts a solved proof from a form open long enough, and refuses a quick, stale or unsolved one', () => {
    const now = Date.now();
    expect(proofFault(solveProof(12, now - 10_000), 12, 3, now)).toBeUndefined();
    expect(proofFault(solveProof(12, now - 1_000), 12, 3, now)).toMatch(/too quickly/);
    expect(proofFault(solveProof(12, now - 2 * 86400_000), 12, 3, now)).toMatch(/open too long/);
    const weak = { challenge: `${now - 10_000}.0123456789abcdef`, nonce: '0' };
    const bits = leadingZeroBits(createHash('sha256').update(`${weak.challenge}.0`).digest());
    expect(proofFault(weak, bits + 1, 3, now)).toMatch(/not valid/);
    expect(proofFault({ challenge: 'x', nonce: '1' }, 0, 0, now)).toMatch(/not valid/);
  });

  it('the browser’s fallback SHA-256 (no Web Crypto outside a secure context) equals the standard one', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(Buffer.from(sha256(bytes)).toString('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateOneTimePassword, hashPassword, passwordWeakness, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapl')).toBe(false);
    expect(await verifyPassword(null, 'anything')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });

  it('generates one-time passwords that are readable, distinct and strong enough', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = generateOneTimePassword();
      expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{5}(-[a-km-zA-HJ-NP-Z2-9]{5}){3}$/);
      expect(passwordWeakness(password, 'someone@example.org')).toBeUndefined();
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });

  it.each([
    ['short', 'Use at least 12 characters.'],
    ['aaaaaaaaaaaaaaaa', 'Use more different characters.'],
    ['Password1234', 'This password is too common.'],
    ['my-name-is-maria.rossi!', 'Do not use your email address in your password.'],
  ])('refuses %s', (password, reason) => {
    expect(passwordWeakness(password, 'maria.rossi@example.org')).toBe(reason);
  });

  it('accepts any long password of varied characters that avoids the email', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 12, maxLength: 200, unit: 'grapheme-ascii' }), (password) => {
        fc.pre(new Set(password).size >= 5 && !password.toLowerCase().includes('zzqx'));
        expect(passwordWeakness(password, 'zzqx@example.org')).toBeUndefined();
      }),
    );
  });
});

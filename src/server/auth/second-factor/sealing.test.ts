import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPlainSecret, keyFilePath, openSecret, openSecretOrNull, sealSecret } from './sealing.js';
import { newSecret } from './totp.js';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'crossroads-sealing-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const ANA = '7c1d3f3e-8a55-4f0e-9d0a-1b2c3d4e5f60';
const BOB = '2f0e9d8c-7b6a-4c5d-8e9f-0a1b2c3d4e5f';

describe('two-factor secrets sealed at rest', () => {
  it('seals a secret so that neither it nor its form shows, and opens it for its person only', () => {
    const config = { secondFactorKey: 'k'.repeat(40), dataDir: 'memory://' };
    const secret = newSecret();
    const sealed = sealSecret(config, ANA, secret);
    expect(sealed).toMatch(/^sealed:v1:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(secret);
    expect(isPlainSecret(sealed)).toBe(false);
    // A fresh IV each time: the same secret sealed twice looks different.
    expect(sealSecret(config, ANA, secret)).not.toBe(sealed);
    expect(openSecret(config, ANA, sealed)).toBe(secret);
    // Copied to another person's row, or opened under another key, it does not open.
    expect(() => openSecret(config, BOB, sealed)).toThrow();
    expect(() => openSecret({ ...config, secondFactorKey: 'x'.repeat(40) }, ANA, sealed)).toThrow();
    // The sign-in then refuses the code as wrong rather than failing.
    expect(openSecretOrNull({ ...config, secondFactorKey: 'x'.repeat(40) }, ANA, sealed)).toBeNull();
    // A secret kept in the clear before sealing existed reads as it is.
    expect(openSecret(config, ANA, secret)).toBe(secret);
  });

  it('keeps a key drawn at first use in a file of the data directory, readable by the owner only', () => {
    const dataDir = path.join(scratch, 'data');
    const config = { secondFactorKey: undefined, dataDir };
    const sealed = sealSecret(config, ANA, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567');
    const file = keyFilePath(dataDir);
    expect(path.dirname(file)).toBe(dataDir);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const kept = fs.readFileSync(file, 'utf8');
    // The next start reads the same key: what was sealed still opens, and the file is unchanged.
    expect(openSecret({ ...config }, ANA, sealed)).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567');
    expect(fs.readFileSync(file, 'utf8')).toBe(kept);
  });
});

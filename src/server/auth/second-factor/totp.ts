import { randomInt } from 'node:crypto';
import { Secret, TOTP, URI } from 'otpauth';

/*
 * RFC 6238 with the parameters every authenticator app understands: SHA-1, six digits, 30-second
 * steps. A code from the step before or after the server's own is accepted too (clocks drift and
 * people type slowly); anything further away is refused.
 */
const PERIOD = 30;
const DIGITS = 6;
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

/** A new 160-bit secret, in base32 as the person may type it into their app. */
export function newSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: 'Crossroads',
    label,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD,
  });
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function enrolmentUri(secret: string, label: string): string {
  return URI.stringify(totp(secret, label));
}

/** The code for a moment (now by default): what the person's app shows. */
export function codeAt(secret: string, timestamp = Date.now()): string {
  return totp(secret, '').generate({ timestamp });
}

/** The time step a code belongs to when it is within the window around now, else null. */
export function acceptedStep(secret: string, code: string, timestamp = Date.now()): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret, '').validate({ token, timestamp, window: WINDOW });
  if (delta === null) return null;
  return TOTP.counter({ period: PERIOD, timestamp }) + delta;
}

// No 0/o, 1/l/i: recovery codes are written on paper and typed back by hand.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten recovery codes of ten characters (about 49 bits each), shown as two groups of five. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A recovery code as typed, reduced to what is hashed: lower case, no spaces or dashes. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

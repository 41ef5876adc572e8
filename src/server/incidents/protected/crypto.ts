import {
  constants,
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  type KeyObject,
  pbkdf2,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
} from 'node:crypto';
import { promisify } from 'node:util';

/*
 * The envelope, as ODK Central does for encrypted forms and as the browser does with Web Crypto
 * (src/web/incidents/crypto.ts): each protected item gets a fresh AES-256-GCM key; the item is
 * stored as IV (12 bytes) || ciphertext || tag (16 bytes), and the key wrapped with RSA-OAEP-SHA256
 * under the organisation's public key. The private key exists only sealed under a passphrase.
 */

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const DEFAULT_KDF_ITERATIONS = 600_000;
const pbkdf2Async = promisify(pbkdf2);
const generateKeyPairAsync = promisify(generateKeyPair);

export interface SealedItem {
  wrappedKey: Buffer;
  payload: Buffer;
}

export interface SealedPrivateKey {
  sealed: Uint8Array;
  salt: Uint8Array;
  iv: Uint8Array;
  iterations: number;
}

export interface KeyPairRecord extends SealedPrivateKey {
  publicKeySpki: Buffer;
  sealed: Buffer;
  salt: Buffer;
  iv: Buffer;
}

function aesEncrypt(key: Buffer, plaintext: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

function aesDecrypt(key: Buffer, payload: Buffer): Buffer {
  if (payload.length < IV_BYTES + TAG_BYTES) throw new Error('The sealed item is too short.');
  const iv = payload.subarray(0, IV_BYTES);
  const tag = payload.subarray(payload.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(payload.subarray(IV_BYTES, payload.length - TAG_BYTES)), decipher.final()]);
}

function oaep(key: KeyObject) {
  return { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' };
}

/** PGlite reads bytea as Uint8Array, pg as Buffer: both become a Buffer here. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function publicKeyFromSpki(spki: Uint8Array): KeyObject {
  return createPublicKey({ key: asBuffer(spki), format: 'der', type: 'spki' });
}

/** Encrypts one item to the public key with a key of its own. */
export function sealItem(publicKey: KeyObject, plaintext: Buffer): SealedItem {
  const key = randomBytes(32);
  return { wrappedKey: publicEncrypt(oaep(publicKey), key), payload: aesEncrypt(key, plaintext) };
}

/** Opens one item with the unsealed private key (what a reviewer's browser does). */
export function openItem(privateKey: KeyObject, item: SealedItem): Buffer {
  return aesDecrypt(privateDecrypt(oaep(privateKey), item.wrappedKey), item.payload);
}

/** Wraps an item's key again, for a new key pair; the item itself is not touched. */
export function rewrapKey(oldPrivate: KeyObject, newPublic: KeyObject, wrappedKey: Uint8Array): Buffer {
  return publicEncrypt(oaep(newPublic), privateDecrypt(oaep(oldPrivate), asBuffer(wrappedKey)));
}

async function passphraseKey(passphrase: string, salt: Buffer, iterations: number): Promise<Buffer> {
  return pbkdf2Async(Buffer.from(passphrase.normalize('NFC'), 'utf8'), salt, iterations, 32, 'sha256');
}

/** Seals a PKCS8 private key under a passphrase: AES-256-GCM with a PBKDF2-SHA256 key and a random salt. */
export async function sealPrivateKey(
  privateKey: KeyObject,
  passphrase: string,
  iterations = DEFAULT_KDF_ITERATIONS,
): Promise<{ sealed: Buffer; salt: Buffer; iv: Buffer; iterations: number }> {
  const salt = randomBytes(16);
  const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
  const sealed = aesEncrypt(await passphraseKey(passphrase, salt, iterations), pkcs8);
  return { sealed: sealed.subarray(IV_BYTES), iv: sealed.subarray(0, IV_BYTES), salt, iterations };
}

/** Opens the sealed private key; a wrong passphrase fails the GCM tag check and throws. */
export async function unsealPrivateKey(record: SealedPrivateKey, passphrase: string): Promise<KeyObject> {
  const key = await passphraseKey(passphrase, asBuffer(record.salt), record.iterations);
  const pkcs8 = aesDecrypt(key, Buffer.concat([asBuffer(record.iv), asBuffer(record.sealed)]));
  return createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
}

/** A new RSA-3072 key pair, the private half sealed under the passphrase. */
export async function createKeyPair(passphrase: string, iterations = DEFAULT_KDF_ITERATIONS): Promise<KeyPairRecord> {
  const { publicKey, privateKey } = await generateKeyPairAsync('rsa', { modulusLength: 3072, publicExponent: 0x10001 });
  const sealed = await sealPrivateKey(privateKey, passphrase, iterations);
  return { ...sealed, publicKeySpki: publicKey.export({ format: 'der', type: 'spki' }) };
}

/** Passphrases too short to resist an offline guess are refused. */
export function passphraseWeakness(passphrase: string): string | undefined {
  if (passphrase.length < 16) return 'The passphrase must be at least 16 characters long.';
  return undefined;
}

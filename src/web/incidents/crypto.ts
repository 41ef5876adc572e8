/*
 * The browser's half of the incident envelope (the server's is src/server/incidents/protected/crypto.ts):
 * each protected item gets a fresh AES-256-GCM key, stored as IV (12 bytes) || ciphertext || tag,
 * with the key wrapped by RSA-OAEP-SHA256 under the organisation's public key. Reviewers open the
 * private key, sealed under their passphrase (PBKDF2-SHA256, AES-256-GCM), here in the browser:
 * the passphrase and the clear text never leave it.
 */

export interface SealedText {
  wrappedKey: string;
  payload: string;
}

export interface SealedKeyView {
  sealedPrivateKey: string;
  salt: string;
  iv: string;
  iterations: number;
}

function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let text = '';
  for (let i = 0; i < view.length; i += 0x8000) text += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Whether this browser can encrypt (Web Crypto needs a secure context: HTTPS or localhost). */
export function canEncrypt(): boolean {
  return typeof crypto !== 'undefined' && crypto.subtle !== undefined;
}

/** Encrypts one text to the organisation's public key (base64 SubjectPublicKeyInfo). */
export async function sealText(spki: string, text: string): Promise<SealedText> {
  const publicKey = await crypto.subtle.importKey('spki', fromBase64(spki), { name: 'RSA-OAEP', hash: 'SHA-256' }, false, [
    'encrypt',
  ]);
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const body = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text));
  const raw = await crypto.subtle.exportKey('raw', key);
  const wrapped = await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, publicKey, raw);
  const payload = new Uint8Array(12 + body.byteLength);
  payload.set(iv, 0);
  payload.set(new Uint8Array(body), 12);
  return { wrappedKey: toBase64(wrapped), payload: toBase64(payload) };
}

/** Opens the sealed private key with the passphrase; a wrong passphrase rejects. */
export async function unsealPrivateKey(sealed: SealedKeyView, passphrase: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  const key = await crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(sealed.salt), iterations: sealed.iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['decrypt'],
  );
  const pkcs8 = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(sealed.iv) },
    key,
    fromBase64(sealed.sealedPrivateKey),
  );
  return crypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['decrypt']);
}

/** Opens one protected item with the unsealed private key. */
export async function openItem(privateKey: CryptoKey, item: SealedText): Promise<ArrayBuffer> {
  const raw = await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, privateKey, fromBase64(item.wrappedKey));
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
  const payload = fromBase64(item.payload);
  return crypto.subtle.decrypt({ name: 'AES-GCM', iv: payload.subarray(0, 12) }, key, payload.subarray(12));
}

/** A file as base64, for the report's photos (the server re-encodes them before encrypting). */
export async function fileToBase64(file: Blob): Promise<string> {
  return toBase64(await file.arrayBuffer());
}

/** What a new key pair sends to the server: the public key and the private key sealed under the passphrase. */
export interface SealedKeyPair {
  publicKeySpki: string;
  sealedPrivateKey: string;
  salt: string;
  iv: string;
  iterations: number;
}

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256, as the command line uses. */
export const KDF_ITERATIONS = 600_000;
/** The least passphrase length, as the command line requires. */
export const MIN_PASSPHRASE_LENGTH = 16;

async function passphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number, usage: KeyUsage) {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/**
 * A new organisation key pair made here: RSA-OAEP-SHA256 of 3072 bits, the PKCS#8 private key
 * sealed with AES-256-GCM under a PBKDF2-SHA256 key from the passphrase (the formats of the
 * server's protected/crypto.ts). The passphrase and the private key never leave the browser.
 */
export async function makeKeyPair(
  passphrase: string,
): Promise<{ body: SealedKeyPair; publicKey: CryptoKey; privateKey: CryptoKey }> {
  const pair = await crypto.subtle.generateKey(
    { name: 'RSA-OAEP', modulusLength: 3072, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['encrypt', 'decrypt'],
  );
  const spki = await crypto.subtle.exportKey('spki', pair.publicKey);
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', pair.privateKey);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await passphraseKey(passphrase, salt, KDF_ITERATIONS, 'encrypt');
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, pkcs8);
  return {
    body: {
      publicKeySpki: toBase64(spki),
      sealedPrivateKey: toBase64(sealed),
      salt: toBase64(salt),
      iv: toBase64(iv),
      iterations: KDF_ITERATIONS,
    },
    publicKey: pair.publicKey,
    privateKey: pair.privateKey,
  };
}

/** Opens one item's key with the old private key and wraps it again under the new public key; the item is not touched. */
export async function rewrapKey(oldPrivate: CryptoKey, newPublic: CryptoKey, wrappedKey: string): Promise<string> {
  const raw = await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, oldPrivate, fromBase64(wrappedKey));
  return toBase64(await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, newPublic, raw));
}

/** Whether a wrapped key opens with this private key (a check of the rewrapping before it is sent). */
export async function opensWith(privateKey: CryptoKey, wrappedKey: string): Promise<boolean> {
  try {
    return (await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, privateKey, fromBase64(wrappedKey))).byteLength === 32;
  } catch {
    return false;
  }
}

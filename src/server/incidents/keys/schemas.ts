import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';

const Base64 = (minLength: number, maxLength: number, description: string) =>
  Type.String({ pattern: '^[A-Za-z0-9+/]*={0,2}$', minLength, maxLength, description });

/**
 * A key pair made by the co-ordinator's browser (or the command line): the public key, and the
 * private key sealed under a passphrase the server never sees, in the formats of
 * protected/crypto.ts (PBKDF2-SHA256, AES-256-GCM, the tag after the ciphertext).
 */
export const NewKeyBody = Type.Object(
  {
    publicKeySpki: Base64(400, 2000, 'The RSA public key (3072 bits or more), DER SubjectPublicKeyInfo, base64.'),
    sealedPrivateKey: Base64(1000, 8000, 'The PKCS#8 private key encrypted with AES-256-GCM, tag last, base64.'),
    salt: Base64(20, 100, 'The PBKDF2 salt, 16 bytes or more, base64.'),
    iv: Base64(16, 16, 'The AES-GCM initialisation vector, 12 bytes, base64.'),
    iterations: Type.Integer({ minimum: 100_000, maximum: 10_000_000, description: 'PBKDF2-SHA256 iterations.' }),
  },
  { additionalProperties: false },
);
export type NewKeyBody = Static<typeof NewKeyBody>;

export const KeyStatus = Type.Object({
  key: Type.Union([
    Type.Object({ keyId: Uuid, createdAt: Type.String({ format: 'date-time' }), iterations: Type.Integer() }),
    Type.Null(),
  ]),
  /** How many encrypted items (contacts, descriptions, photos) the key protects. */
  sealedItems: Type.Integer(),
  /** `create` while there is no key, `rotate` once there is. */
  actions: Type.Array(StringEnum(['create', 'rotate'] as const)),
});
export type KeyStatus = Static<typeof KeyStatus>;

const WrappedKey = Type.Object(
  { id: Uuid, wrappedKey: Base64(300, 2000, 'The item’s AES key wrapped with RSA-OAEP-SHA256, base64.') },
  { additionalProperties: false },
);

/** What the browser needs to replace the key: the sealed current key and every item's wrapped key. */
export const RotationMaterial = Type.Object({
  key: Type.Object({
    keyId: Uuid,
    sealedPrivateKey: Type.String(),
    salt: Type.String(),
    iv: Type.String(),
    iterations: Type.Integer(),
  }),
  items: Type.Array(WrappedKey),
});
export type RotationMaterial = Static<typeof RotationMaterial>;

export const RotationBody = Type.Object(
  {
    /** The key being replaced: a rotation made from an older key is refused. */
    retiringKeyId: Uuid,
    key: NewKeyBody,
    /** Every item's key, wrapped again under the new public key. */
    items: Type.Array(WrappedKey, { maxItems: 500_000 }),
  },
  { additionalProperties: false },
);
export type RotationBody = Static<typeof RotationBody>;

export const RotationResult = Type.Object({ status: KeyStatus, rewrapped: Type.Integer() });
export type RotationResult = Static<typeof RotationResult>;

import { type Static, Type } from '@sinclair/typebox';
import { StringEnum, Uuid } from '../../http/schemas.js';
import { BIAS_INDICATORS, BIAS_MOTIVATIONS, PROPERTY_TARGETS, SOURCES, TARGETS } from '../categories.js';
import { Base64, IncidentType, Iso2, Status } from '../schemas.js';

/** An item encrypted in the reporter's browser: its AES key wrapped with RSA-OAEP, and IV || ciphertext || tag. */
const SealedInput = Type.Object({ wrappedKey: Base64(1024), payload: Base64(40_000) }, { additionalProperties: false });

export const ReportBody = Type.Object(
  {
    occurredOn: Type.String({ format: 'date' }),
    dateApproximate: Type.Optional(Type.Boolean()),
    country: Iso2,
    place: Type.String({ minLength: 1, maxLength: 200 }),
    point: Type.Optional(
      Type.Object(
        { latitude: Type.Number({ minimum: -90, maximum: 90 }), longitude: Type.Number({ minimum: -180, maximum: 180 }) },
        { additionalProperties: false, description: 'Stored rounded to 0.01° (about 1 km).' },
      ),
    ),
    incidentType: IncidentType,
    propertyTarget: Type.Optional(StringEnum(PROPERTY_TARGETS)),
    targets: Type.Array(StringEnum(TARGETS), { minItems: 1, maxItems: TARGETS.length, uniqueItems: true }),
    biasMotivation: StringEnum(BIAS_MOTIVATIONS),
    biasIndicators: Type.Optional(
      Type.Array(StringEnum(BIAS_INDICATORS), { maxItems: BIAS_INDICATORS.length, uniqueItems: true }),
    ),
    source: StringEnum(SOURCES),
    contactConsent: Type.Optional(Type.Boolean()),
    description: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 10_000,
        description: 'Only when the browser cannot encrypt: the server encrypts it on receipt.',
      }),
    ),
    contact: Type.Optional(Type.String({ maxLength: 1000, description: 'As description: encrypted on receipt.' })),
    sealed: Type.Optional(
      Type.Object(
        { keyId: Uuid, description: SealedInput, contact: Type.Optional(SealedInput) },
        { additionalProperties: false, description: 'Description and contact encrypted in the browser to the public key.' },
      ),
    ),
    photos: Type.Optional(
      Type.Array(
        Type.Object(
          { mediaType: StringEnum(['image/jpeg', 'image/png'] as const), data: Base64(48 * 1024 * 1024) },
          { additionalProperties: false },
        ),
        { maxItems: 5 },
      ),
    ),
    website: Type.Optional(Type.String({ maxLength: 500, description: 'Leave empty.' })),
    proof: Type.Object(
      { challenge: Type.String({ maxLength: 100 }), nonce: Type.String({ maxLength: 20 }) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type ReportBody = Static<typeof ReportBody>;

export const ReceiptView = Type.Object({ receipt: Type.String({ description: 'Keep it to check the status later.' }) });
export type ReceiptView = Static<typeof ReceiptView>;

export const ReceiptParams = Type.Object(
  { code: Type.String({ pattern: '^[A-Z0-9-]{10,40}$' }) },
  { additionalProperties: false },
);
export const ReceiptStatusView = Type.Object({ status: Status, receivedAt: Type.String(), updatedAt: Type.String() });
export type ReceiptStatusView = Static<typeof ReceiptStatusView>;

export const PublicKeyView = Type.Object({
  keyId: Uuid,
  spki: Type.String({ description: 'Base64 DER SubjectPublicKeyInfo, RSA-OAEP-SHA256.' }),
});
export type PublicKeyView = Static<typeof PublicKeyView>;

export const FormSettingsView = Type.Object({
  challenge: Type.String({ description: 'Signed by the server; valid once, for a day, after minFillSeconds.' }),
  proofBits: Type.Integer({ description: 'Leading zero bits of SHA-256("challenge.nonce"); rises with load.' }),
  minFillSeconds: Type.Integer(),
  photoMaxBytes: Type.Integer(),
  maxPhotos: Type.Integer(),
  key: Type.Union([PublicKeyView, Type.Null()]),
});
export type FormSettingsView = Static<typeof FormSettingsView>;

import { type Static, Type } from '@sinclair/typebox';
import { Day } from '../../roster/schemas.js';

export const CodeParams = Type.Object(
  { code: Type.String({ pattern: '^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$' }) },
  { additionalProperties: false },
);

export const CompletionBody = Type.Object({ completedOn: Type.Optional(Day) }, { additionalProperties: false });
export type CompletionBody = Static<typeof CompletionBody>;

export const RevocationBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);
export type RevocationBody = Static<typeof RevocationBody>;

export const CertificateCheck = Type.Object({
  code: Type.String(),
  status: Type.Union([Type.Literal('valid'), Type.Literal('revoked')]),
  signatureValid: Type.Boolean(),
  participant: Type.String(),
  course: Type.String(),
  provider: Type.String(),
  startsOn: Day,
  endsOn: Day,
  hours: Type.Integer(),
  issuedOn: Day,
  revokedOn: Type.Union([Day, Type.Null()]),
  revokedReason: Type.Union([Type.String(), Type.Null()]),
});
export type CertificateCheck = Static<typeof CertificateCheck>;

export const PublicKeyView = Type.Object({ algorithm: Type.Literal('Ed25519'), publicKeyPem: Type.String() });

export const CompletionView = Type.Object({
  certificateCode: Type.String(),
  granted: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal('prerequisite'), Type.Literal('competence')]),
      code: Type.String(),
      expiresOn: Type.Union([Day, Type.Null()]),
      level: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
});
export type CompletionView = Static<typeof CompletionView>;

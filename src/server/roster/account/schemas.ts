import { type Static, Type } from '@sinclair/typebox';
import { Email, Uuid } from '../../http/schemas.js';
import { Language } from '../../reference/schemas.js';
import { ExpertView } from '../schemas.js';

/** Invites an expert to a new account in their name: an expert's grant and a one-time password. */
export const InviteBody = Type.Object({ email: Email, language: Type.Optional(Language) }, { additionalProperties: false });
export type InviteBody = Static<typeof InviteBody>;

/** Links an existing account to the expert. */
export const LinkBody = Type.Object({ userId: Uuid }, { additionalProperties: false });
export type LinkBody = Static<typeof LinkBody>;

export const InvitationView = Type.Object({
  expert: ExpertView,
  /** Shown once; the expert must change it at first sign-in. */
  oneTimePassword: Type.String(),
});
export type InvitationView = Static<typeof InvitationView>;

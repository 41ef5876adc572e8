// The shapes the server sends and accepts, taken from its schemas so that the two never drift.

export type { Role, ScopeType } from '../../server/access/roles.js';
export type { AuditCatalogueView, AuditEntryView } from '../../server/audit/schemas.js';
export type { SsoSettingsView } from '../../server/auth/oidc/schemas.js';
export type { SessionView } from '../../server/auth/schemas.js';
export type { EnrolmentView, RecoveryCodes, SecondFactorStatus } from '../../server/auth/second-factor/schemas.js';
export type { CountryView, StructureView } from '../../server/reference/schemas.js';
export type { CreateUserBody, GrantInput, UpdateUserBody, UserView } from '../../server/users/schemas.js';

/** One page of a list, as every paginated route answers. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

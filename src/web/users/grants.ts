import { ROLE_SCOPES, ROLES, SENSITIVE_ROLES } from '../../server/access/roles.js';
import type { GrantInput, Role, ScopeType, UserView } from '../app/types';

export { ROLE_SCOPES, ROLES, SENSITIVE_ROLES };

/** A grant being edited: the pickers may still be empty. */
export interface GrantDraft {
  key: string;
  role: Role | '';
  scopeType: ScopeType | '';
  organisationId: string;
  countryIso2: string;
}

let nextKey = 0;
function key(): string {
  nextKey += 1;
  return `grant-${nextKey}`;
}

export function emptyDraft(): GrantDraft {
  return { key: key(), role: '', scopeType: '', organisationId: '', countryIso2: '' };
}

export function draftsOf(grants: UserView['grants']): GrantDraft[] {
  return grants.map((grant) => ({
    key: key(),
    role: grant.role,
    scopeType: grant.scopeType,
    organisationId: grant.organisationId ?? '',
    countryIso2: grant.countryIso2 ?? '',
  }));
}

/** Choosing a role keeps the scope when the role allows it, else takes the role's first scope. */
export function withRole(draft: GrantDraft, role: Role | ''): GrantDraft {
  if (!role) return { ...draft, role, scopeType: '' };
  const scopes = ROLE_SCOPES[role];
  const scopeType = draft.scopeType && scopes.includes(draft.scopeType) ? draft.scopeType : (scopes[0] ?? '');
  return { ...draft, role, scopeType };
}

export type DraftProblem = 'role' | 'scope' | 'organisation' | 'country';

/** What is missing in a draft, or undefined when it is complete. */
export function draftProblem(draft: GrantDraft): DraftProblem | undefined {
  if (!draft.role) return 'role';
  if (!draft.scopeType || !ROLE_SCOPES[draft.role].includes(draft.scopeType)) return 'scope';
  if (draft.scopeType === 'organisation' && !draft.organisationId) return 'organisation';
  if (draft.scopeType === 'country' && !draft.countryIso2) return 'country';
  return undefined;
}

/** The grants to send, assuming every draft is complete. */
export function grantsOf(drafts: GrantDraft[]): GrantInput[] {
  return drafts.flatMap((draft) => {
    if (!draft.role || !draft.scopeType) return [];
    return [
      {
        role: draft.role,
        scopeType: draft.scopeType,
        organisationId: draft.scopeType === 'organisation' ? draft.organisationId : null,
        countryIso2: draft.scopeType === 'country' ? draft.countryIso2 : null,
      },
    ];
  });
}

const grantKey = (g: GrantInput) => [g.role, g.scopeType, g.organisationId ?? '', g.countryIso2 ?? ''].join('|');

/** Whether the grants to send add a sensitive role the account does not hold yet: the server then asks why. */
export function addsSensitiveRole(grants: GrantInput[], held: UserView['grants'] = []): boolean {
  const heldKeys = new Set(held.map(grantKey));
  return grants.some((g) => SENSITIVE_ROLES.includes(g.role) && !heldKeys.has(grantKey(g)));
}

/**
 * The one catalogue of problems: a stable code, its HTTP status and a message a person understands.
 * The browser translates by code; `detail` adds the specifics of one occurrence.
 */
export const PROBLEMS = {
  validation: { status: 400, title: 'Some of the information sent is not valid.' },
  malformed_request: { status: 400, title: 'The request could not be read.' },
  unauthenticated: { status: 401, title: 'Please sign in to continue.' },
  invalid_credentials: { status: 401, title: 'The email address or password is not correct.' },
  forbidden: { status: 403, title: 'You do not have permission to do this.' },
  csrf: { status: 403, title: 'This request did not come from a Crossroads page. Reload the page and try again.' },
  password_change_required: { status: 403, title: 'You must choose a new password before you continue.' },
  second_factor_required: { status: 403, title: 'Type a code from your authenticator app to finish signing in.' },
  second_factor_enrolment_required: {
    status: 403,
    title: 'Your role requires two-factor sign-in: set it up before you continue.',
  },
  account_disabled: { status: 403, title: 'This account has been disabled. Contact the co-ordinator.' },
  sso_required: { status: 403, title: 'Staff sign in with the organisation’s single sign-on, not with a password.' },
  sso_failed: { status: 401, title: 'Single sign-on did not succeed. Please try again.' },
  sso_email_unverified: {
    status: 403,
    title: 'The organisation’s sign-in did not confirm your email address, so no account can be opened or linked for it.',
  },
  sso_not_configured: { status: 404, title: 'Single sign-on is not set up on this platform.' },
  not_found: { status: 404, title: 'The requested item does not exist.' },
  route_not_found: { status: 404, title: 'There is no such address in the Crossroads API.' },
  method_not_allowed: { status: 405, title: 'This address does not accept that method.' },
  conflict: { status: 409, title: 'This change conflicts with data already recorded.' },
  duplicate: { status: 409, title: 'A record with the same identifying details already exists.' },
  still_referenced: { status: 409, title: 'This record is still used by other records and cannot be removed.' },
  payload_too_large: { status: 413, title: 'The request is too large.' },
  unsupported_media_type: { status: 415, title: 'The request body must be JSON.' },
  unknown_reference: { status: 422, title: 'The request refers to a record that does not exist.' },
  weak_password: { status: 422, title: 'The new password is not strong enough.' },
  rate_limited: { status: 429, title: 'Too many attempts. Please wait before trying again.' },
  internal: { status: 500, title: 'Something went wrong on our side. The error has been recorded.' },
  unavailable: { status: 503, title: 'The service is temporarily unavailable.' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

export interface FieldError {
  /** JSON pointer to the offending field, e.g. `/email`. */
  pointer: string;
  /** Why the field was refused, stable for the page to translate (e.g. `common` for a new password). */
  code?: string;
  message: string;
}

/** An expected failure, answered as problem+json with the catalogue's status and title. */
export class Problem extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly extras: {
      errors?: FieldError[];
      retryAfterSeconds?: number;
      extensions?: Record<string, unknown>;
      /** A 5xx's detail and extensions are hidden unless they were written to be shown (e.g. readiness). */
      disclose?: boolean;
    } = {},
  ) {
    super(detail ?? PROBLEMS[code].title);
    this.status = PROBLEMS[code].status;
  }
}

export function problemType(code: ProblemCode): string {
  return `/api/problems#${code}`;
}

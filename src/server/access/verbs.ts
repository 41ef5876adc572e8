/**
 * Permissions are named verbs, granted through roles on scopes. Each domain declares its verbs
 * and the roles that hold them in its own `access.ts`, adds its verbs to this registry's type by
 * declaration merging (`declare module '../access/verbs.js' { interface VerbRegistry … }`), and
 * is registered at start-up by the list of domains (`domains.ts`), the one place that knows them
 * all; this layer names none of them.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each domain's access.ts through declaration merging.
export interface VerbRegistry {}

export type Verb = keyof VerbRegistry & string;

/** Who may call a route: anyone, any signed-in person, or holders of a verb. */
export type Access = 'public' | 'signed_in' | Verb;

/** The verbs a domain declares, as the registry's entries. */
export type VerbsOf<T extends { verbs: readonly string[] }> = Record<T['verbs'][number], true>;

import type { InjectOptions } from 'fastify';
import type { Role } from '../access/roles.js';
import type { Persona, TestApp } from './app.js';

/**
 * The route × role table: for every route, who may call it and what a permitted call answers.
 * Every other role gets 403 and anonymous 401. A route that exists but is missing from the table
 * fails the test, so new routes join it when they are written: a domain keeps its rows in its own
 * `access-table.ts` and spreads them into the table in src/server/http/access-table.test.ts.
 */
export type Who = 'anyone' | 'signed_in' | Role[];

export interface AccessFixtures {
  t: TestApp;
  /** A fresh expert account, for routes about another user. */
  target: Persona;
  /** A number unique to this call, for unique names. */
  n: number;
}

export interface AccessRow {
  who: Who;
  /** The status a permitted call answers with the request below. */
  ok: number;
  request?: (f: AccessFixtures) => Promise<Omit<InjectOptions, 'method'>> | Omit<InjectOptions, 'method'>;
  /** Calls that end or replace the caller's session run on a fresh session of the same person. */
  freshSession?: boolean;
}

/** Rows keyed by `METHOD /api/path` exactly as the route is declared. */
export type AccessTable = Record<string, AccessRow>;

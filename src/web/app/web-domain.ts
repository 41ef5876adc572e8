import type { AnyRoute } from '@tanstack/react-router';
import type { ComponentType, ReactNode } from 'react';

/** A navigation entry of a domain; shown only to whom `show` admits. */
export interface NavEntry {
  to: string;
  /** i18n key of the label, e.g. `directory.nav.search`. */
  label: string;
  icon: ReactNode;
  /** `public`: everyone; `signed_in`: any signed-in person; otherwise a verb the session must hold. */
  show: 'public' | 'signed_in' | string;
}

type Translations = Record<string, unknown>;

/**
 * What a domain contributes to the web client: its pages (child routes of the root route), its
 * navigation entries; its translations (`<domain>/i18n/*.json`) are merged under the domain's
 * folder name (`t('<name>.…')`).
 * The platform's own pages (home, sign-in, users, audit, reference) keep their words in the
 * shared translation files and declare none. See src/web/DOMAINS.md.
 */
export interface WebDomain {
  name: string;
  routes: (root: AnyRoute) => AnyRoute[];
  nav?: NavEntry[];
  /** A notice shown above every page while something needs doing (it renders nothing otherwise), e.g. a set-up step. */
  banner?: ComponentType;
  /** A small control in the header beside the account menu, shown to signed-in people once their password is their own (the notification bell). */
  headerItem?: ComponentType;
  /**
   * Not needed: a domain's words in `<domain>/i18n/<language>.json` are found by their folder and
   * downloaded one language at a time (`loadLanguage` in src/web/i18n). Words given here are
   * bundled into the main script in all six languages.
   */
  translations?: { en: Translations; fr: Translations; de: Translations; it: Translations; ru: Translations; es: Translations };
}

/** Whether a navigation entry is for this visitor. */
export function shows(entry: NavEntry, permissions: readonly string[] | undefined): boolean {
  if (entry.show === 'public') return true;
  if (!permissions) return false;
  return entry.show === 'signed_in' || permissions.includes(entry.show);
}

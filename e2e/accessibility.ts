// The accessibility scan of the journeys: every page a journey visits is checked with axe-core
// against WCAG 2.0 and 2.1, levels A and AA, once per route and language, and a serious or critical
// violation fails the journey. The scan runs beside the journey, after each navigation, once the
// page is ready (a visible h1, no loader, no running transition).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
/** The script's text: the pages' CSP refuses an injected script tag, but not an evaluation. */
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const READY_TIMEOUT_MS = 15_000;
const FINDINGS_LOG = process.env.E2E_A11Y_LOG;

/** One finding: a rule broken on a route in a language, with a few of the elements concerned. */
export interface Violation {
  route: string;
  language: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** A path with its identifiers, tokens and codes replaced, so that `/missions/<uuid>` is one route. */
export function routeOf(url: string): string {
  const { pathname } = new URL(url);
  return pathname
    .split('/')
    .map((segment) => (/\d/.test(segment) || segment.length > 20 ? ':id' : segment))
    .join('/');
}

type PageResult =
  | { status: 'moved' }
  | { status: 'scanned'; violations: Array<Omit<Violation, 'route' | 'language'>>; language: string };

/**
 * Runs in the page (as text: this project's Node types have no DOM): waits until the page is ready,
 * then runs axe. Gives up when the page moves on to another path meanwhile (that path has its own
 * scan); scans anyway when readiness never comes.
 */
const SCAN_IN_PAGE = `async ({ path, tags, timeout }) => {
  const visible = (element) => element instanceof HTMLElement && element.offsetParent !== null && element.getBoundingClientRect().height > 0;
  // The frame names the page it shows: while a page loads, the previous one stays on screen.
  const shown = () => {
    const main = document.getElementById('main-content');
    return !main || main.dataset.page === undefined || main.dataset.page === path;
  };
  const ready = () =>
    shown() &&
    visible(document.querySelector('h1')) &&
    document.querySelector('.mantine-Loader-root, [aria-busy="true"]') === null &&
    !document.getAnimations().some((animation) => animation.playState === 'running');
  const deadline = Date.now() + timeout;
  while (!ready() && Date.now() < deadline) {
    if (location.pathname !== path) return { status: 'moved' };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const results = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  if (location.pathname !== path) return { status: 'moved' };
  const violations = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes
        .slice(0, 5)
        .map((node) => node.target.join(' ') + ' — ' + (node.failureSummary || '').replace(/\\s+/g, ' ').trim()),
    }));
  return { status: 'scanned', violations, language: document.documentElement.lang };
}`;

/** Scans the pages it is given after each of their navigations, one scan at a time. */
export class AccessibilityScanner {
  readonly violations: Violation[] = [];
  /** Route and language pairs already scanned. */
  readonly scanned = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  /** The platform's origin: the first one a watched page opens. */
  private origin: string | undefined;

  watch(page: Page): void {
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      const url = frame.url();
      if (!/^https?:/.test(url) || new URL(url).pathname.startsWith('/api/')) return;
      // The platform's own pages only: another site the journey passes through (an identity
      // provider's sign-in page) is not ours to fix.
      this.origin ??= new URL(url).origin;
      if (new URL(url).origin !== this.origin) return;
      this.queue = this.queue.then(() => this.scan(page, url));
    });
  }

  /** Waits for the scans under way or queued. */
  settled(): Promise<void> {
    return this.queue;
  }

  private async scan(page: Page, url: string): Promise<void> {
    const path = new URL(url).pathname;
    const route = routeOf(url);
    try {
      if (page.isClosed() || new URL(page.url()).pathname !== path) return;
      // Between two documents of a navigation there is none: the next page has its own scan.
      const language = await page.evaluate<string | null>('document.documentElement?.lang ?? null');
      if (language === null || this.scanned.has(`${route} ${language}`)) return;
      if (!(await page.evaluate<boolean>("'axe' in window"))) await page.evaluate(AXE_SOURCE);
      const args = JSON.stringify({ path, tags: WCAG_TAGS, timeout: READY_TIMEOUT_MS });
      const result = await page.evaluate<PageResult>(`(${SCAN_IN_PAGE})(${args})`);
      if (result.status !== 'scanned') return;
      const key = `${route} ${result.language}`;
      if (this.scanned.has(key)) return;
      this.scanned.add(key);
      for (const violation of result.violations) {
        const found = { route, language: result.language, ...violation };
        this.violations.push(found);
        // A long run of several journeys can show its findings as they come (the report is at the end).
        if (FINDINGS_LOG) fs.appendFileSync(FINDINGS_LOG, `${describeViolations([found])[0]}\n`);
      }
    } catch (error) {
      // A page that navigates or closes during the scan destroys its context: the next page has its own scan.
      if (!/closed|destroyed|detached|navigat/i.test(String(error))) throw error;
    }
  }
}

/**
 * The violations as lines a reader can act on: the rule, the elements concerned, and the routes and
 * languages where they were found (a fault of the shared frame shows on every page once).
 */
export function describeViolations(violations: Violation[]): string[] {
  const grouped = new Map<string, { violation: Violation; where: string[] }>();
  for (const violation of violations) {
    const key = [violation.rule, ...violation.targets].join('\n');
    const group = grouped.get(key) ?? { violation, where: [] };
    group.where.push(`${violation.route} [${violation.language}]`);
    grouped.set(key, group);
  }
  return [...grouped.values()].map(
    ({ violation, where }) =>
      `${violation.rule} (${violation.impact}): ${violation.help}\n  on ${where.join(', ')}\n    ${violation.targets.join('\n    ')}`,
  );
}

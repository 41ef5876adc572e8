// The shape of the code, from its import graph: no import cycle on the server or the web, and no
// import from a lower layer of the server to a domain (domains.ts is the one place that knows them all).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The platform's lower layers: they serve every domain and name none. */
const LOWER_LAYERS = ['http', 'db', 'access', 'audit', 'jobs', 'files', 'solver'];
/** Files below the domains that a lower layer may use: what a request carries, the settings, where the server's files are. */
const SHARED_FILES = ['context.ts', 'config.ts', 'paths.ts'];

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => /\.(ts|tsx|mjs)$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => path.join(dir, file));
}

/** Every relative import of a file, resolved to the file it names (static, dynamic, type-only and re-exports). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const targets: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const base = path.resolve(path.dirname(file), match[1] as string);
    const stem = base.replace(/\.(js|mjs)$/, '');
    const found = [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mjs`, path.join(base, 'index.ts')].find(
      (candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile(),
    );
    if (found) targets.push(found);
  }
  return targets;
}

function graphOf(dir: string): Map<string, string[]> {
  return new Map(sourceFiles(dir).map((file) => [file, importsOf(file)]));
}

/** The strongly connected components of more than one file (Tarjan), each sorted, as relative paths. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(path.relative(SRC, member));
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('the import graph', () => {
  it('finds the cycles it looks for', () => {
    const a = path.join(SRC, 'a.ts');
    const b = path.join(SRC, 'b.ts');
    const c = path.join(SRC, 'c.ts');
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, [a]],
        ]),
      ),
    ).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [c]],
          [c, []],
        ]),
      ),
    ).toEqual([]);
  });

  it('has no cycle on the server', () => {
    expect(cycles(graphOf(path.join(SRC, 'server')))).toEqual([]);
  });

  it('has no cycle on the web', () => {
    expect(cycles(graphOf(path.join(SRC, 'web')))).toEqual([]);
  });

  it('has no import from a lower layer of the server to a domain', () => {
    const server = path.join(SRC, 'server');
    const allowed = [
      ...LOWER_LAYERS.map((layer) => path.join(server, layer) + path.sep),
      ...SHARED_FILES.map((f) => path.join(server, f)),
    ];
    const violations: string[] = [];
    for (const layer of LOWER_LAYERS) {
      const dir = path.join(server, layer);
      if (!fs.existsSync(dir)) continue;
      for (const file of sourceFiles(dir)) {
        for (const target of importsOf(file)) {
          if (!target.startsWith(server)) continue;
          if (allowed.some((prefix) => target === prefix || target.startsWith(prefix))) continue;
          violations.push(`${path.relative(SRC, file)} -> ${path.relative(SRC, target)}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });
});

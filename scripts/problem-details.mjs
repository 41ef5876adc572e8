#!/usr/bin/env node
// The catalogue of problem details: every sentence the server can put in a problem's `detail` or a
// field error's `message`, found in the source, each under a stable key that the web client
// translates. Keys are kept for sentences that did not change; a new sentence gets a new key.
//
//   node scripts/problem-details.mjs           rewrite the catalogue and the English messages
//   node scripts/problem-details.mjs --check   exit 1 when either is out of date (the tests run this)
//
// A sentence is found where the server builds a problem: the detail of `new Problem(code, detail)`,
// the `message` of a field error, the argument a helper that throws a problem takes as `message`
// or `detail`, and the values of a `…MESSAGES` table. A `${…}` part becomes a named parameter.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'src/server');
export const CATALOGUE = path.join(ROOT, 'src/server/http/data/problem-details.json');
export const ENGLISH = path.join(ROOT, 'src/web/i18n/problems/en.json');

function sourceFiles(dir) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'test-support') continue;
      files.push(...sourceFiles(full));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) {
      files.push(full);
    }
  }
  return files.sort();
}

/** The name a `${…}` part is known by in the catalogue: its last identifier, else `value`. */
function parameterName(expression) {
  let e = expression;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isElementAccessExpression(e) && ts.isPropertyAccessExpression(e.expression)) return e.expression.name.text;
  if (ts.isCallExpression(e)) {
    const callee = e.expression;
    if (ts.isPropertyAccessExpression(callee) && ['join', 'toFixed', 'toString', 'toISOString'].includes(callee.name.text)) {
      return parameterName(callee.expression);
    }
  }
  return 'value';
}

/** A template in catalogue form (`The code “{code}” is taken.`), or undefined for no sentence. */
function templateOf(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    const used = new Map();
    let text = node.head.text;
    for (const span of node.templateSpans) {
      let name = parameterName(span.expression);
      const count = (used.get(name) ?? 0) + 1;
      used.set(name, count);
      if (count > 1) name = `${name}${count}`;
      text += `{${name}}${span.literal.text}`;
    }
    return text;
  }
  return undefined;
}

/** The sentence templates an expression can evaluate to: literals, both arms of `a ? b : c`, `a ?? b`, a local constant. */
function templatesOf(node, constants) {
  if (!node) return [];
  if (ts.isParenthesizedExpression(node)) return templatesOf(node.expression, constants);
  if (ts.isConditionalExpression(node)) {
    return [...templatesOf(node.whenTrue, constants), ...templatesOf(node.whenFalse, constants)];
  }
  if (
    ts.isBinaryExpression(node) &&
    [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)
  ) {
    return [...templatesOf(node.left, constants), ...templatesOf(node.right, constants)];
  }
  if (ts.isIdentifier(node)) return constants.get(node.text) ?? [];
  const template = templateOf(node);
  return template === undefined ? [] : [template];
}

/** A sentence a person reads: it has a space and ends with a stop, and is more than a parameter. */
function isSentence(template) {
  if (!/\s/.test(template) || !/[.?!)]$/.test(template.trim())) return false;
  return template.replace(/\{[A-Za-z0-9_]+\}/g, '').replace(/[^A-Za-z]/g, '').length >= 3;
}

/** Function names, anywhere in the server, that throw a problem and take the sentence as `message` or `detail`. */
function problemHelpers(files) {
  const helpers = new Map();
  for (const { source } of files) {
    const visit = (node) => {
      let name;
      let fn;
      if (ts.isFunctionDeclaration(node) && node.name) {
        name = node.name.text;
        fn = node;
      } else if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.initializer &&
        ts.isArrowFunction(node.initializer)
      ) {
        name = node.name.text;
        fn = node.initializer;
      }
      if (fn?.body && /new Problem\(/.test(fn.body.getText(source))) {
        fn.parameters.forEach((parameter, index) => {
          if (ts.isIdentifier(parameter.name) && ['message', 'detail'].includes(parameter.name.text)) helpers.set(name, index);
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return helpers;
}

function domainOf(file) {
  const first = path.relative(SOURCE, file).split(path.sep)[0] ?? 'platform';
  return ['http', 'access', 'db', 'audit', 'files', 'jobs', 'health', 'reliability'].includes(first) || first.endsWith('.ts')
    ? 'platform'
    : first;
}

/** Every problem sentence of the server, by domain, in source order. */
export function collect() {
  const files = sourceFiles(SOURCE).map((file) => ({
    file,
    source: ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true),
  }));
  const helpers = problemHelpers(files);
  const found = [];
  for (const { file, source } of files) {
    const domain = domainOf(file);
    const constants = new Map();
    const add = (templates) => {
      for (const template of templates) if (isSentence(template)) found.push({ domain, template });
    };
    // Local constants first, wherever they are declared, so that `new Problem(code, message)` finds them.
    const declare = (node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        const templates = templatesOf(node.initializer, constants);
        if (templates.length > 0) constants.set(node.name.text, [...(constants.get(node.name.text) ?? []), ...templates]);
        if (/MESSAGES?$/.test(node.name.text) && ts.isObjectLiteralExpression(node.initializer)) {
          for (const property of node.initializer.properties) {
            if (ts.isPropertyAssignment(property)) add(templatesOf(property.initializer, constants));
          }
        }
      }
      ts.forEachChild(node, declare);
    };
    declare(source);
    const visit = (node) => {
      if (ts.isNewExpression(node) && node.expression.getText(source) === 'Problem' && node.arguments?.[1]) {
        add(templatesOf(node.arguments[1], constants));
      }
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && helpers.has(node.expression.text)) {
        add(templatesOf(node.arguments[helpers.get(node.expression.text)], constants));
      }
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'message') {
        add(templatesOf(node.initializer, constants));
      }
      if (ts.isShorthandPropertyAssignment(node) && node.name.text === 'message') {
        add(templatesOf(node.name, constants));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const STOP = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'is',
  'are',
  'be',
  'in',
  'on',
  'for',
  'and',
  'or',
  'this',
  'it',
  'its',
  'with',
  'by',
  'at',
  'as',
]);

function slug(template) {
  const words = template
    .replace(/\{[A-Za-z0-9_]+\}/g, ' ')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter((word) => word && !STOP.has(word));
  return words.slice(0, 6).join('_') || 'message';
}

/** The catalogue for the sentences found, keeping the key of every sentence already catalogued. */
export function build(found, previous) {
  // Two sentences that differ only in the names of their parameters read the same: one entry.
  const shape = (template) => template.replace(/\{[A-Za-z0-9_]+\}/g, '{}');
  const keyOf = new Map(Object.entries(previous).map(([key, template]) => [template, key]));
  const catalogue = {};
  const shapes = new Set();
  const taken = new Set();
  for (const { domain, template } of found) {
    if (shapes.has(shape(template))) continue;
    shapes.add(shape(template));
    let key = keyOf.get(template);
    if (!key || taken.has(key)) {
      const base = `${domain}.${slug(template)}`;
      key = base;
      for (let n = 2; taken.has(key) || (previous[key] !== undefined && previous[key] !== template); n++) key = `${base}_${n}`;
    }
    taken.add(key);
    catalogue[key] = template;
  }
  return Object.fromEntries(Object.entries(catalogue).sort(([a], [b]) => a.localeCompare(b)));
}

/** The English messages for i18next: `{name}` becomes `{{name}}`, nested by domain. */
export function english(catalogue) {
  const nested = {};
  for (const [key, template] of Object.entries(catalogue)) {
    const [domain, name] = key.split('.');
    nested[domain] ??= {};
    nested[domain][name] = template.replace(/\{([A-Za-z0-9_]+)\}/g, '{{$1}}');
  }
  return nested;
}

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

function main() {
  const check = process.argv.includes('--check');
  const previous = fs.existsSync(CATALOGUE) ? JSON.parse(fs.readFileSync(CATALOGUE, 'utf8')) : {};
  const catalogue = build(collect(), previous);
  const outputs = [
    [CATALOGUE, json(catalogue)],
    [ENGLISH, json(english(catalogue))],
  ];
  const stale = outputs.filter(([file, text]) => !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text);
  if (check) {
    for (const [file] of stale)
      console.error(`${path.relative(ROOT, file)} is out of date: run node scripts/problem-details.mjs`);
    process.exit(stale.length > 0 ? 1 : 0);
  }
  for (const [file, text] of stale) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  console.log(`${Object.keys(catalogue).length} problem details; ${stale.length} file(s) written`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

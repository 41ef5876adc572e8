import fc from 'fast-check';
import type { RouteEntry } from '../../http/types.js';
import { DEEP_NESTING_TEXT, HOSTILE_STRINGS, HUGE_STRING } from './hostile.js';
import { hostileObject, hostileValue, type JsonSchema, type Pools, validValue } from './schema-arbitrary.js';

/** One API operation as the OpenAPI document describes it, with its schemas resolved. */
export interface Operation {
  method: string;
  /** The route as the server declares it, e.g. `/api/users/:id`. */
  route: string;
  pathParams: Array<{ name: string; schema: JsonSchema }>;
  queryParams: Array<{ name: string; schema: JsonSchema; required: boolean }>;
  body?: { schema: JsonSchema; required: boolean };
  /** Per status (`200`, `4XX`, …): the declared content types, each with its schema. */
  responses: Record<string, Array<{ contentType: string; schema?: JsonSchema }>>;
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}
interface OpenApiOperation {
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

function resolve(value: unknown, components: Record<string, JsonSchema>, depth = 0): unknown {
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => resolve(v, components, depth + 1));
  const ref = (value as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
    return resolve(components[ref.slice('#/components/schemas/'.length)], components, depth + 1);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, components, depth + 1)]));
}

/**
 * Every route of the catalogue as an operation: from the OpenAPI document where it is described,
 * and from its path alone where it is not (so that a hidden route is fuzzed too).
 */
export function operationsOf(document: OpenApiDocument, catalogue: readonly RouteEntry[]): Operation[] {
  const components = document.components?.schemas ?? {};
  return catalogue.map((entry) => {
    const documented = document.paths[entry.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]?.[entry.method.toLowerCase()];
    const operation = (documented ? resolve(documented, components) : {}) as OpenApiOperation;
    const parameters = operation.parameters ?? [];
    const pathNames = [...entry.url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);
    const bodyContent = operation.requestBody?.content;
    const bodySchema = bodyContent?.['application/json']?.schema;
    const responses: Operation['responses'] = {};
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      responses[status] = Object.entries(response.content ?? {}).map(([contentType, media]) => ({
        contentType,
        ...(media?.schema ? { schema: media.schema } : {}),
      }));
    }
    return {
      method: entry.method,
      route: entry.url,
      pathParams: pathNames.map((name) => ({
        name,
        schema: parameters.find((p) => p.in === 'path' && p.name === name)?.schema ?? { type: 'string' },
      })),
      queryParams: parameters
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, schema: p.schema ?? {}, required: p.required ?? false })),
      ...(bodySchema ? { body: { schema: bodySchema, required: operation.requestBody?.required ?? false } } : {}),
      responses,
    };
  });
}

const asText = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined'));

/** Percent-encodes a path segment; a lone surrogate becomes the invalid UTF-8 a hostile client would send. */
function encodeSegment(text: string): string {
  try {
    return encodeURIComponent(text) || '%20';
  } catch {
    return text.replace(/[\uD800-\uDFFF]/g, '%ED%A0%80').replace(/[^A-Za-z0-9%._~-]/g, (c) => encodeURIComponent(c));
  }
}

function pathArbitrary(operation: Operation, pools: Pools, hostile: boolean): fc.Arbitrary<string> {
  if (operation.pathParams.length === 0) return fc.constant(operation.route);
  const parts = operation.pathParams.map(({ name, schema }) => {
    const valid = validValue(schema, pools, name).map((v) => encodeSegment(asText(v)));
    if (!hostile) return valid;
    return fc.oneof(
      valid,
      fc.constantFrom(...HOSTILE_STRINGS).map(encodeSegment),
      // Unencoded traversal and separators: the router must not be fooled by them.
      fc.constantFrom('..', '../..', '..%2f..%2fetc%2fpasswd', '%2e%2e%2f', 'a/b', '%00', '.', '~', 'a'.repeat(300)),
    );
  });
  return fc.tuple(...parts).map((values) => {
    let i = 0;
    return operation.route.replace(/:([A-Za-z0-9_]+)/g, () => values[i++] as string);
  });
}

function queryArbitrary(operation: Operation, pools: Pools, hostile: boolean): fc.Arbitrary<string> {
  const model = Object.fromEntries(
    operation.queryParams.map(({ name, schema }) => [name, validValue(schema, pools, name).map((v) => asText(v))]),
  );
  const required = operation.queryParams.filter((p) => p.required).map((p) => p.name);
  const valid = fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Record<string, string>>;
  const withHostility = hostile
    ? fc
        .tuple(
          valid,
          fc.oneof(
            fc.constant({} as Record<string, unknown>),
            fc.record({ [operation.queryParams[0]?.name ?? 'q']: hostileValue(operation.queryParams[0]?.schema ?? {}) }),
            fc.record({ unknown: fc.constantFrom(...HOSTILE_STRINGS) }),
            // The same parameter twice.
            fc.constant({ [operation.queryParams[0]?.name ?? 'q']: ['1', '2'] }),
          ),
        )
        .map(([a, b]) => ({ ...a, ...b }))
    : valid;
  return withHostility.map((query) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) search.append(key, asText(item));
    }
    const text = search.toString();
    return text ? `?${text}` : '';
  });
}

const RAW_BODIES: ReadonlyArray<{ payload: string; contentType?: string }> = [
  { payload: '{"email": ', contentType: 'application/json' },
  { payload: '', contentType: 'application/json' },
  { payload: 'null', contentType: 'application/json' },
  { payload: '[]', contentType: 'application/json' },
  { payload: '"text"', contentType: 'application/json' },
  { payload: '{"a":1,"a":2}', contentType: 'application/json' },
  { payload: '{"__proto__":{"isAdmin":true}}', contentType: 'application/json' },
  { payload: '{"constructor":{"prototype":{"isAdmin":true}}}', contentType: 'application/json' },
  { payload: 'email=a%40b.c&password=x', contentType: 'application/x-www-form-urlencoded' },
  { payload: '<xml/>', contentType: 'text/xml' },
  { payload: '{}', contentType: 'text/plain' },
  { payload: '{}', contentType: 'application/json; charset=utf-16' },
  { payload: '{}' },
  { payload: JSON.stringify({ big: HUGE_STRING.repeat(12) }), contentType: 'application/json' },
  { payload: '\uFEFF{}', contentType: 'application/json' },
  { payload: DEEP_NESTING_TEXT, contentType: 'application/json' },
];

function bodyArbitrary(
  operation: Operation,
  pools: Pools,
  hostile: boolean,
): fc.Arbitrary<{ payload?: string; contentType?: string }> {
  const json = (value: unknown) => ({ payload: JSON.stringify(value), contentType: 'application/json' });
  if (!operation.body) {
    // A route that takes no body should not mind one, nor choke on it.
    return hostile ? fc.oneof(fc.constant({}), fc.constantFrom(...RAW_BODIES), hostileValue({}).map(json)) : fc.constant({});
  }
  const valid = validValue(operation.body.schema, pools).map(json);
  if (!hostile) return valid;
  return fc.oneof(
    { arbitrary: hostileObject(operation.body.schema, pools).map(json), weight: 4 },
    { arbitrary: fc.constantFrom(...RAW_BODIES), weight: 2 },
    { arbitrary: fc.constant({}), weight: 1 },
  );
}

/** Requests for one operation: mostly well-formed ones, or mostly hostile ones. */
export function requestArbitrary(operation: Operation, pools: Pools): fc.Arbitrary<FuzzRequest> {
  const build = (hostile: boolean) =>
    fc
      .tuple(
        pathArbitrary(operation, pools, hostile),
        queryArbitrary(operation, pools, hostile),
        bodyArbitrary(operation, pools, hostile),
        hostile ? fc.constantFrom(undefined, undefined, undefined, 'https://evil.example', 'null') : fc.constant(undefined),
      )
      .map(([path, query, body, origin]): FuzzRequest => {
        const headers: Record<string, string> = {};
        if (body.contentType) headers['content-type'] = body.contentType;
        if (origin) headers.origin = origin;
        return {
          method: operation.method,
          url: `${path}${query}`,
          headers,
          ...(body.payload !== undefined ? { payload: body.payload } : {}),
        };
      });
  return fc.oneof(build(false), build(true));
}

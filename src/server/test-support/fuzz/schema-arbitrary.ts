import fc from 'fast-check';
import {
  DEEP_NESTING,
  HOSTILE_KEYS,
  HOSTILE_STRINGS,
  HOSTILE_VALUES,
  HUGE_ARRAY,
  HUGE_STRING,
  HUGE_UNICODE_STRING,
} from './hostile.js';

/** The part of JSON Schema that the OpenAPI document's TypeBox schemas use. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  minProperties?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  $ref?: string;
}

/** Values seen in earlier answers, by property name: real identifiers reach deeper than random ones. */
export type Pools = Map<string, Set<string>>;

function pooled(pools: Pools, name: string | undefined): string[] {
  return name ? [...(pools.get(name) ?? [])] : [];
}

function withPool(pools: Pools, name: string | undefined, arbitrary: fc.Arbitrary<string>): fc.Arbitrary<string> {
  if (!name) return arbitrary;
  // The pool is read when a value is drawn, so that records created during the run are used too.
  return fc.tuple(fc.integer({ min: 0, max: 3 }), fc.nat(), arbitrary).map(([choice, index, fresh]) => {
    const seen = pooled(pools, name);
    return choice > 0 && seen.length ? (seen[index % seen.length] as string) : fresh;
  });
}

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  if (schema.items) return ['array'];
  return [];
}

/**
 * A string of one character class repeated (`^[A-Za-z0-9_-]+$`, `^[0-9]{4,8}$`, base64), drawn at a length
 * within the schema's bounds. Drawing from the pattern alone and filtering on the length never ends
 * when the pattern's usual draws are all shorter than `minLength` (a 40-character token).
 */
function patternString(pattern: string, min: number, max: number): fc.Arbitrary<string> | undefined {
  // An optional tail that may be left out (base64's `={0,2}`) is left out.
  const match =
    /^\^(\[(?:\\.|[^\]\\])+\])(\+|\*|\{(\d+)(?:,(\d*))?\})(?:(?:\[(?:\\.|[^\]\\])+\]|\\?[^[\]\\{}()|*+?^$])(?:\?|\*|\{0(?:,\d*)?\}))?\$$/.exec(
      pattern,
    );
  if (!match) return undefined;
  const [, characterClass, quantifier, low, high] = match as unknown as [string, string, string, string?, string?];
  const least = quantifier === '+' ? 1 : quantifier === '*' ? 0 : Number(low);
  const most = quantifier.startsWith('{') ? (high === undefined ? least : high === '' ? max : Number(high)) : max;
  const minLength = Math.max(min, least);
  const maxLength = Math.max(minLength, Math.min(max, most));
  const character = fc.stringMatching(new RegExp(`^${characterClass}$`));
  return fc.array(character, { minLength, maxLength }).map((characters) => characters.join(''));
}

function validString(schema: JsonSchema, pools: Pools, name?: string): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? 60, 60));
  const fits = (s: string) => s.length >= min && s.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY);
  let arbitrary: fc.Arbitrary<string>;
  switch (schema.format) {
    case 'uuid':
      arbitrary = fc.uuid();
      break;
    case 'email':
      arbitrary = fc.emailAddress().filter(fits);
      break;
    case 'date-time':
      arbitrary = fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString());
      break;
    case 'date':
      arbitrary = fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
      break;
    case 'uri':
    case 'url':
      arbitrary = fc.webUrl().filter(fits);
      break;
    default:
      if (schema.pattern) {
        arbitrary = patternString(schema.pattern, min, max) ?? fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
      } else {
        const hostile = HOSTILE_STRINGS.filter(fits);
        const text = fc.string({ unit: 'grapheme', minLength: min, maxLength: max }).filter(fits);
        arbitrary = hostile.length ? fc.oneof(text, fc.constantFrom(...hostile)) : text;
      }
  }
  return withPool(pools, name, arbitrary.filter(fits));
}

/** Values that a schema accepts (as far as this generator knows), drawing on seen values by name. */
export function validValue(schema: JsonSchema, pools: Pools, name?: string): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((s) => validValue(s, pools, name)));
  if (schema.allOf?.[0]) return validValue(schema.allOf[0], pools, name);
  const types = typesOf(schema);
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'null':
          return fc.constant(null);
        case 'boolean':
          return fc.boolean();
        case 'integer': {
          const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000_000);
          const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1_000_000);
          return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
        }
        case 'number':
          return fc.double({
            min: schema.minimum ?? -1e9,
            max: schema.maximum ?? 1e9,
            noNaN: true,
            noDefaultInfinity: true,
          });
        case 'string':
          return validString(schema, pools, name);
        case 'array': {
          const items = schema.items ? validValue(schema.items, pools, name) : fc.jsonValue({ maxDepth: 1 });
          const constraints = {
            minLength: schema.minItems ?? 0,
            maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 4, 4)),
          };
          return schema.uniqueItems
            ? fc.uniqueArray(items, { ...constraints, selector: (v) => JSON.stringify(v) })
            : fc.array(items, constraints);
        }
        default:
          return validObject(schema, pools);
      }
    }),
  );
}

function validObject(schema: JsonSchema, pools: Pools): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, validValue(s, pools, key)]));
  const arbitrary = fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
  const min = schema.minProperties ?? 0;
  return min > 0 && Object.keys(properties).length >= min
    ? arbitrary.filter((value) => Object.keys(value).length >= min)
    : (arbitrary as fc.Arbitrary<Record<string, unknown>>);
}

/** Hostile stand-ins for a value of this schema: wrong types, edges, sizes, injections. */
export function hostileValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const edges: unknown[] = [HUGE_STRING, HUGE_UNICODE_STRING, HUGE_ARRAY, DEEP_NESTING];
  if (schema.maxLength !== undefined) edges.push('a'.repeat(schema.maxLength + 1));
  if (schema.minLength) edges.push('a'.repeat(schema.minLength - 1));
  if (schema.maximum !== undefined) edges.push(schema.maximum + 1, schema.maximum + 0.5);
  if (schema.minimum !== undefined) edges.push(schema.minimum - 1);
  if (schema.maxItems !== undefined) edges.push(Array.from({ length: schema.maxItems + 1 }, () => ({})));
  if (schema.format)
    edges.push(`not-a-${schema.format}`, `${'1'.repeat(8)}-${'2'.repeat(4)}-${'3'.repeat(4)}-${'4'.repeat(4)}-${'5'.repeat(13)}`);
  return fc.oneof(
    { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 4 },
    { arbitrary: fc.constantFrom(...HOSTILE_VALUES), weight: 3 },
    { arbitrary: fc.constantFrom(...edges), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
  );
}

/** A valid object with one thing wrong: a field missing, an unknown field, or a hostile value. */
export function hostileObject(schema: JsonSchema, pools: Pools): fc.Arbitrary<unknown> {
  const properties = Object.entries(schema.properties ?? {});
  const base = validObject(schema, pools);
  const options: Array<fc.Arbitrary<unknown>> = [
    fc.tuple(base, fc.constantFrom(...HOSTILE_KEYS), hostileValue({})).map(([value, key, extra]) => {
      const copy: Record<string, unknown> = { ...value };
      Object.defineProperty(copy, key, { value: extra, enumerable: true, writable: true, configurable: true });
      return copy;
    }),
    hostileValue(schema),
  ];
  if (properties.length) {
    options.push(
      fc
        .tuple(base, fc.constantFrom(...properties))
        .chain(([value, [key, s]]) =>
          fc
            .oneof(hostileValue(s), s.type === 'object' || s.properties ? hostileObject(s, pools) : hostileValue(s))
            .map((bad) => ({ ...value, [key]: bad })),
        ),
    );
  }
  if (schema.required?.length) {
    options.push(
      fc.tuple(base, fc.constantFrom(...schema.required)).map(([value, key]) => {
        const copy = { ...value };
        delete copy[key];
        return copy;
      }),
    );
  }
  return fc.oneof(...options);
}

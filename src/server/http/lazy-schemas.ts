import { createRequire } from 'node:module';
import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';

/**
 * Compiling every route's validators and serializers took most of the start-up (hundreds of
 * routes, several schemas each). Each is compiled on its first use instead, and `warm()` compiles
 * what is left in the background once the server listens, a few at a time so that requests
 * interleave. `compileAll()` compiles them all at once: a test calls it so that a schema that
 * cannot compile is still found before any request needs it.
 */
export interface SchemaCompilation {
  /** Wraps a compiler so that it compiles on first use. */
  validator(compile: FastifySchemaCompiler<unknown>): FastifySchemaCompiler<unknown>;
  /** Fastify's own serializer factory, made lazy the same way. */
  serializerFactory(): (externalSchemas: unknown, options: unknown) => FastifySerializerCompiler<unknown>;
  /** How many compilations have not run yet. */
  pending(): number;
  /** Compiles every pending schema now; throws the first compilation error. */
  compileAll(): void;
  /** Compiles the pending schemas `batch` at a time, yielding to the event loop between batches. */
  warm(batch?: number): Promise<void>;
}

type Fn = (...args: never[]) => unknown;

export function schemaCompilation(): SchemaCompilation {
  const pending = new Set<() => unknown>();

  /** A function that compiles `build()` on its first call (or when forced) and then calls the result. */
  function deferred<F extends Fn>(build: () => F, copyErrors: boolean): F {
    let compiled: F | undefined;
    const force = () => {
      if (compiled) return compiled;
      compiled = build();
      pending.delete(force);
      return compiled;
    };
    pending.add(force);
    const call = function (this: unknown, ...args: Parameters<F>) {
      const target = force();
      const result = target.apply(this, args);
      // Fastify reads a validator's errors from the function it was given.
      if (copyErrors) (call as unknown as { errors: unknown }).errors = (target as unknown as { errors: unknown }).errors;
      return result;
    } as unknown as F;
    return call;
  }

  return {
    validator: (compile) => (route) => deferred(() => compile(route) as unknown as Fn, true) as never,
    serializerFactory() {
      // The serializer Fastify uses by default (fast-json-stringify), taken from Fastify's own dependencies.
      const fastifyRequire = createRequire(createRequire(import.meta.url).resolve('fastify'));
      const { SerializerSelector } = fastifyRequire('@fastify/fast-json-stringify-compiler') as {
        SerializerSelector: () => (externalSchemas: unknown, options: unknown) => FastifySerializerCompiler<unknown>;
      };
      const factory = SerializerSelector();
      return (externalSchemas, options) => {
        const compile = factory(externalSchemas, options);
        return (route) => deferred(() => compile(route) as Fn, false) as never;
      };
    },
    pending: () => pending.size,
    compileAll() {
      for (const force of [...pending]) force();
    },
    async warm(batch = 4) {
      while (pending.size > 0) {
        let n = 0;
        for (const force of pending) {
          try {
            force();
          } catch {
            // Left for its first request, which reports the error as any other.
            pending.delete(force);
          }
          if (++n >= batch) break;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}

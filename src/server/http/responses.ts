import { type TSchema, Type } from '@sinclair/typebox';

/** Errors are sent as application/problem+json (RFC 9457), whatever the route's success type. */
const ProblemResponse = {
  description: 'RFC 9457 problem details.',
  content: { 'application/problem+json': { schema: Type.Ref('Problem') } },
} as unknown as TSchema;

/** A route's response schemas, with the problem document for every error status. */
export function responses<T extends Record<number, TSchema>>(success: T) {
  return { ...success, '4xx': ProblemResponse, '5xx': ProblemResponse } as T & { '4xx': TSchema; '5xx': TSchema };
}

export const NoContent = Type.Null({ description: 'No content.' });

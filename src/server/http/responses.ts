import { type TSchema, Type } from '@sinclair/typebox';

const ProblemRef = Type.Ref('Problem');

/** A route's response schemas, with the problem document for every error status. */
export function responses<T extends Record<number, TSchema>>(success: T) {
  return { ...success, '4xx': ProblemRef, '5xx': ProblemRef } as T & { '4xx': TSchema; '5xx': TSchema };
}

export const NoContent = Type.Null({ description: 'No content.' });

import { ApiProblem } from './api';

/**
 * The server's first message about a field or any item of it (`/emails` also finds `/emails/2`),
 * for list fields typed as one line per item.
 */
export function fieldErrorWithin(error: unknown, pointer: string): string | undefined {
  if (!(error instanceof ApiProblem)) return undefined;
  return error.errors.find((field) => field.pointer === pointer || field.pointer.startsWith(`${pointer}/`))?.message;
}

/** The lines of a text area as a list, blank lines left out. */
export const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

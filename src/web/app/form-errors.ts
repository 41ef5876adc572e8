import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiProblem, type FieldError } from './api';

/** Field codes the pages translate; anything else shows the server's own sentence. */
const KNOWN_CODES = new Set(['required', 'not_allowed', 'invalid']);

/** What a refused field is told, in the reader's language: the same words beside the field and in the alert. */
export function fieldMessage(t: TFunction, field: FieldError): string {
  return field.code && KNOWN_CODES.has(field.code) ? t(`form.code.${field.code}`) : field.message;
}

/** The label of the field a pointer refers to: its own, else that of the list it is an item of (`/emails/2`). */
function labelOf(labels: Readonly<Record<string, string>>, pointer: string): string | undefined {
  for (let path = pointer; path.length > 1; path = path.slice(0, path.lastIndexOf('/'))) {
    if (labels[path]) return labels[path];
  }
  return undefined;
}

/**
 * The server's field refusals as the alert lists them: each starts with the field's label as the
 * form shows it (`labels`, by JSON pointer), then what the field says; a refusal of a field the
 * form does not label is listed by its message alone. A field refused twice is listed once.
 */
export function namedFieldErrors(t: TFunction, error: unknown, labels: Readonly<Record<string, string>>): string[] {
  if (!(error instanceof ApiProblem)) return [];
  const lines: string[] = [];
  for (const field of error.errors) {
    const label = labelOf(labels, field.pointer);
    const message = fieldMessage(t, field);
    const line = label ? t('form.namedError', { label, message }) : message;
    if (!lines.includes(line)) lines.push(line);
  }
  return lines;
}

/**
 * The message for each field of a form, in the reader's language: the server's refusal of the
 * field (the `errors` of its problem, by JSON pointer), else a required field left empty when the
 * person tried to send. Fields keep what was typed: only the messages come from here.
 *
 *   const errorOf = useFieldErrors(save.error, tried ? { '/name': name.trim() === '' } : {});
 *   <TextInput error={errorOf('/name')} … />
 */
export function useFieldErrors(error: unknown, missing: Record<string, boolean> = {}): (pointer: string) => string | undefined {
  const { t } = useTranslation();
  return (pointer) => {
    if (missing[pointer]) return t('form.required');
    if (!(error instanceof ApiProblem)) return undefined;
    const field =
      error.errors.find((e) => e.pointer === pointer) ?? error.errors.find((e) => e.pointer.startsWith(`${pointer}/`));
    if (!field) return undefined;
    return fieldMessage(t, field);
  };
}

/** Whether any field of the form is missing: the page then sends nothing and marks them. */
export function anyMissing(missing: Record<string, boolean>): boolean {
  return Object.values(missing).some(Boolean);
}

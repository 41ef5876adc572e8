import { useTranslation } from 'react-i18next';
import { ApiProblem } from './api';

/** Field codes the pages translate; anything else shows the server's own sentence. */
const KNOWN_CODES = new Set(['required', 'not_allowed', 'invalid']);

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
    if (field.code && KNOWN_CODES.has(field.code)) return t(`form.code.${field.code}`);
    return field.message;
  };
}

/** Whether any field of the form is missing: the page then sends nothing and marks them. */
export function anyMissing(missing: Record<string, boolean>): boolean {
  return Object.values(missing).some(Boolean);
}

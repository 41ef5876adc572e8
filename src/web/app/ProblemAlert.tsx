import { Alert, List, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from './api';
import { namedFieldErrors } from './form-errors';
import { AlertIcon } from './icons';

/** The person-facing message of an error: the translated problem code, else the server's detail. */
export function problemMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiProblem) {
    const key = `problem.${error.code}`;
    const translated = t(key, { defaultValue: '' });
    if (translated) return translated;
    return error.detail ?? t('problem.unknown');
  }
  return t('problem.unknown');
}

/** The server's field messages are shown beside the fields; the alert carries the rest. */
function extraDetail(error: unknown): string | undefined {
  if (!(error instanceof ApiProblem) || !error.detail) return undefined;
  if (error.errors.length > 0 && error.code === 'validation') return undefined;
  if (error.errors.some((field) => field.message === error.detail)) return undefined;
  return error.detail;
}

/**
 * An error announced to screen readers. The live region stays in the page so that a new error
 * inside it is read out when it appears. Given the form's `fields` (its labels by JSON pointer),
 * it also lists each field the server refused, named as the form labels it, with what that field
 * says beside it.
 */
export function ProblemAlert({
  error,
  title,
  fields,
}: {
  error: unknown;
  title?: string;
  fields?: Readonly<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const detail = error ? extraDetail(error) : undefined;
  const named = fields ? namedFieldErrors(t, error, fields) : [];
  const requestId = error instanceof ApiProblem && error.status >= 500 ? error.requestId : undefined;
  return (
    <div aria-live="assertive" aria-atomic="true">
      {error ? (
        <Alert color="red" variant="light" icon={<AlertIcon />} title={title} role="alert">
          <Text size="sm" fw={title ? undefined : 600}>
            {problemMessage(t, error)}
          </Text>
          {detail ? <Text size="sm">{detail}</Text> : null}
          {named.length > 0 ? (
            <List size="sm" mt={4}>
              {named.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          ) : null}
          {requestId ? (
            <Text size="xs" c="dimmed">
              {t('problem.reference', { id: requestId })}
            </Text>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}

/** The server's message for one field, for the field's `error` prop. */
export function fieldError(error: unknown, pointer: string): string | undefined {
  return error instanceof ApiProblem ? error.fieldError(pointer) : undefined;
}

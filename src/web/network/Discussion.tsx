import { Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, api } from '../app/api';
import { useFieldErrors } from '../app/form-errors';
import { ProblemAlert } from '../app/ProblemAlert';

/** One message of a discussion: who wrote it and when, its text, and what the page adds to it. */
export function MessageCard({
  byline,
  at,
  badge,
  highlight,
  children,
}: {
  byline: string;
  at: string;
  badge?: ReactNode;
  highlight?: boolean;
  children: string;
}) {
  const { i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Card withBorder padding="sm" style={highlight ? { borderColor: 'var(--mantine-color-green-6)' } : undefined}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="xs" c="dimmed">
          {byline} · {when.format(new Date(at))}
        </Text>
        {badge}
      </Group>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{children}</Text>
    </Card>
  );
}

/** A form that adds a message to a discussion (`{ body }` posted to `path`), its error on the field. */
export function ReplyForm({
  path,
  label,
  submit,
  primary = false,
  minRows = 2,
}: {
  path: string;
  label: string;
  submit: string;
  primary?: boolean;
  minRows?: number;
}) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const send = useMutation({
    mutationFn: () => api.post(path, { body: text.trim() }),
    onSuccess: () => {
      setText('');
      setTried(false);
      void queryClient.invalidateQueries({ queryKey: ['network'] });
    },
  });
  const errorOf = useFieldErrors(send.error, tried ? { '/body': !text.trim() } : {});
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (text.trim()) send.mutate();
      }}
    >
      <Stack gap="xs" maw={640}>
        <Textarea
          label={label}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errorOf('/body')}
          autosize
          minRows={minRows}
        />
        <ProblemAlert error={send.error instanceof ApiProblem && send.error.errors.length > 0 ? null : send.error} />
        <Group>
          <Button type="submit" variant={primary ? 'filled' : 'default'} loading={send.isPending}>
            {submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

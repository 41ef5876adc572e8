import { Anchor, Code, Paper, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface EmptyAction {
  label: string;
  to: string;
}

/**
 * What an empty page shows on a new platform: what would fill it, a link to each way of filling
 * it (an import, a form), and the demonstration data set for those who only want to look.
 */
export function EmptyState({
  message,
  actions = [],
  children,
}: {
  message: string;
  actions?: EmptyAction[];
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-empty-state>
      <Stack gap="xs">
        <Text fw={600}>{message}</Text>
        {actions.map((action) => (
          <Anchor key={action.to} component={Link} to={action.to}>
            {action.label}
          </Anchor>
        ))}
        {children}
        <Text size="sm" c="dimmed">
          {t('empty.demo')} <Code>npm start -- --demo</Code>
        </Text>
      </Stack>
    </Paper>
  );
}

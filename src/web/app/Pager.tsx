import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
  /** What the pages are of, for the navigation landmark's name. */
  label: string;
}

/** "Showing 26–50 of 120" with previous and next page buttons. */
export function Pager({ total, limit, offset, onChange, label }: Props) {
  const { t } = useTranslation();
  if (total === 0) return null;
  const first = offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <Group component="nav" aria-label={label} justify="space-between" wrap="wrap">
      <Text size="sm" role="status">
        {t('pager.showing', { first, last, total })}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="xs" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
          {t('pager.previous')}
        </Button>
        <Button variant="default" size="xs" disabled={last >= total} onClick={() => onChange(offset + limit)}>
          {t('pager.next')}
        </Button>
      </Group>
    </Group>
  );
}

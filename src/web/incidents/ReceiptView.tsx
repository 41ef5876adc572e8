import { Anchor, Code, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** What the public form gives way to once a report is received: its receipt, to keep, and where to use it. */
export function ReceiptView({ receipt }: { receipt: string }) {
  const { t } = useTranslation();
  // Focus goes to the heading, not back to the top of the page.
  const thanks = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    thanks.current?.focus();
  }, []);
  return (
    <Stack gap="md" maw={640}>
      <Title order={1} ref={thanks} tabIndex={-1}>
        {t('incidents.report.thanks')}
      </Title>
      <Text>{t('incidents.report.receiptIntro')}</Text>
      <Code block fz="xl" data-testid="receipt">
        {receipt}
      </Code>
      <Text size="sm">{t('incidents.report.receiptKeep')}</Text>
      <Anchor component={Link} to="/incidents/status">
        {t('incidents.status.title')}
      </Anchor>
    </Stack>
  );
}

import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import type { DocumentView } from './queries';
import { Statements } from './Statements';

const printed = (number: string) => {
  const sub = /\(([a-z])\)$/.exec(number);
  if (sub) return `(${sub[1]})`;
  return number.startsWith('OP') ? `${number.slice(2)}.` : '';
};

/** An adopted decision as the public reads it: the text with its numbers and the interpretative statements attached. */
export function DecisionPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const doc = useQuery({
    queryKey: ['consensus', 'public', 'decision', id],
    queryFn: () => api.get<DocumentView>(`/consensus/public/decisions/${id}`),
  });
  const d = doc.data;
  usePageTitle(d?.decisionSymbol ?? t('consensus.public.title'));
  if (!d) return <ProblemAlert error={doc.error} />;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/decisions">
        {t('consensus.public.back')}
      </Anchor>
      <Text c="dimmed">{d.decisionSymbol}</Text>
      <Title order={1}>{d.title}</Title>
      <Group gap="xs">
        <Anchor href={`/api/consensus/documents/${id}/text.pdf`}>{t('consensus.export.pdf')}</Anchor>
        <Anchor href={`/api/consensus/documents/${id}/text.docx`}>{t('consensus.export.docx')}</Anchor>
        <Anchor href={`/api/consensus/documents/${id}/text.xml`}>{t('consensus.export.akn')}</Anchor>
      </Group>
      {d.paragraphs.map((p) => (
        <Group key={p.id} align="flex-start" wrap="nowrap" ml={p.parentId ? 'xl' : 0}>
          <Text w={32} fw={600}>
            {printed(p.number)}
          </Text>
          <Text style={{ flex: 1 }}>{p.text}</Text>
        </Group>
      ))}
      <Statements doc={d} readOnly />
    </Stack>
  );
}

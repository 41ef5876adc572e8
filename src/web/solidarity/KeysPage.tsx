import { Anchor, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { keysQuery } from './queries';

/** The distribution keys: the 2015 presets and the keys saved from them. */
export function KeysPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('solidarity.keys.title'));
  const keys = useQuery(keysQuery);
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('solidarity.keys.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('solidarity.keys.intro')}
        </Text>
      </div>
      <Group>
        <Button component={Link} to="/solidarity/compare" variant="default">
          {t('solidarity.compare.title')}
        </Button>
        <Button component={Link} to="/solidarity/fulfilment" variant="default">
          {t('solidarity.fulfilment.title')}
        </Button>
        <Button component={Link} to="/solidarity/burden" variant="default">
          {t('solidarity.burden.title')}
        </Button>
      </Group>
      <ProblemAlert error={keys.error} />
      {keys.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {keys.data ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs" aria-label={t('solidarity.keys.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('solidarity.keys.name')}</Table.Th>
                <Table.Th scope="col">{t('solidarity.keys.source')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('solidarity.keys.states')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('solidarity.key.total')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('solidarity.key.version')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.data.map((key) => (
                <Table.Tr key={key.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/solidarity/keys/${key.id}`}>
                      {key.name}
                    </Anchor>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {key.description}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <Badge variant="light" color={key.source === 'preset' ? 'blue' : 'teal'}>
                      {t(`solidarity.keys.${key.source}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{key.stateCount}</Table.Td>
                  <Table.Td ta="right">{number.format(key.total)}</Table.Td>
                  <Table.Td ta="right">{key.version}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

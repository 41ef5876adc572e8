import { Alert, Anchor, Badge, Button, Checkbox, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { type CompositionView, type MissionView, missionQuery } from './queries';
import { useRequirementWords } from './requirements';

/** The team composer: the optimiser's proposal, who covers what, pin and exclude, re-solve, confirm. */
export function ComposerPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const words = useRequirementWords();
  const mission = useQuery(missionQuery(id));
  usePageTitle(t('missions.composer.title'));
  const navigate = useNavigate();
  const client = useQueryClient();
  const [pinned, setPinned] = useState<string[]>([]);
  const [excluded, setExcluded] = useState<string[]>([]);
  const compose = useMutation({
    mutationFn: (body: { pinned: string[]; excluded: string[] }) => api.post<CompositionView>(`/missions/${id}/compose`, body),
  });
  const confirm = useMutation({
    mutationFn: (expertIds: string[]) => api.post<MissionView>(`/missions/${id}/team`, { expertIds }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['missions'] });
      await client.invalidateQueries({ queryKey: ['roster'] });
      await navigate({ to: '/missions/$id', params: { id } });
    },
  });
  const result = compose.data;
  const toggle = (list: string[], set: (l: string[]) => void, expertId: string) =>
    set(list.includes(expertId) ? list.filter((x) => x !== expertId) : [...list, expertId]);
  return (
    <Stack gap="md">
      <Title order={1}>{t('missions.composer.title')}</Title>
      {mission.data ? (
        <Text>
          <Anchor component={Link} to={`/missions/${id}`}>
            {mission.data.code} {mission.data.title}
          </Anchor>{' '}
          · {mission.data.startsOn} – {mission.data.endsOn}
        </Text>
      ) : null}
      <Group>
        <Button onClick={() => compose.mutate({ pinned, excluded })} loading={compose.isPending}>
          {result ? t('missions.composer.resolve') : t('missions.composer.solve')}
        </Button>
        {pinned.length + excluded.length > 0 ? (
          <Text size="sm" c="dimmed">
            {t('missions.composer.constraints', { pinned: pinned.length, excluded: excluded.length })}
          </Text>
        ) : null}
      </Group>
      <div aria-live="polite">{compose.isPending ? <Text>{t('missions.composer.solving')}</Text> : null}</div>
      <ProblemAlert error={compose.error} />
      {result && !result.feasible ? (
        <Alert color="orange" title={t('missions.composer.infeasible')}>
          <List>
            {result.diagnosis.map((d) => (
              <List.Item key={d.key}>
                {d.requirement.kind === 'pinned'
                  ? t('missions.diagnosis.pinned', {
                      reasons: ((d.requirement.reasons as string[] | undefined) ?? [])
                        .map((reason) => t(`missions.ineligible.${reason}`))
                        .join(', '),
                    })
                  : t('missions.diagnosis.shortfall', {
                      requirement: words.requirement(d.requirement),
                      have: d.have,
                      need: d.need,
                    })}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {result?.feasible ? (
        <>
          <Text>
            {t('missions.composer.summary', { candidates: result.candidates })}{' '}
            {result.optimal ? <Badge color="green">{t('missions.composer.optimal')}</Badge> : null}
          </Text>
          <Table aria-label={t('missions.composer.matrix')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('missions.composer.member')}</Table.Th>
                {result.requirements
                  .filter((r) => r.coveredBy.length !== result.team.length || !['organisations', 'team_min'].includes(r.key))
                  .map((r) => (
                    <Table.Th key={r.key}>{words.requirement(r.requirement)}</Table.Th>
                  ))}
                <Table.Th>{t('missions.composer.pin')}</Table.Th>
                <Table.Th>{t('missions.composer.exclude')}</Table.Th>
                <Table.Th>{t('missions.composer.alternatives')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.team.map((m) => (
                <Table.Tr key={m.expertId} data-testid="member">
                  <Table.Td>
                    {m.name}{' '}
                    <Text span c="dimmed" size="sm">{`${m.organisation}, ${t(`missions.composer.gender.${m.gender}`)}`}</Text>
                  </Table.Td>
                  {result.requirements
                    .filter((r) => r.coveredBy.length !== result.team.length || !['organisations', 'team_min'].includes(r.key))
                    .map((r) => (
                      <Table.Td key={r.key}>{r.coveredBy.includes(m.expertId) ? '✓' : ''}</Table.Td>
                    ))}
                  <Table.Td>
                    <Checkbox
                      aria-label={t('missions.composer.pinName', { name: m.name })}
                      checked={pinned.includes(m.expertId)}
                      onChange={() => toggle(pinned, setPinned, m.expertId)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('missions.composer.excludeName', { name: m.name })}
                      checked={excluded.includes(m.expertId)}
                      onChange={() => toggle(excluded, setExcluded, m.expertId)}
                    />
                  </Table.Td>
                  <Table.Td>
                    {m.alternatives.map((a) => (
                      <Button
                        key={a.expertId}
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setPinned((p) => [...p.filter((x) => x !== m.expertId), a.expertId])}
                        aria-label={t('missions.composer.pinName', { name: a.name })}
                      >
                        {a.name}
                      </Button>
                    ))}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {result.objective ? (
            <Text size="sm" c="dimmed">
              {t('missions.composer.objective', {
                total: result.objective.total.toFixed(2),
                gender: result.objective.gender.toFixed(2),
                load: result.objective.load.toFixed(2),
                level: result.objective.level.toFixed(2),
                readiness: result.objective.readiness.toFixed(2),
              })}
            </Text>
          ) : null}
          <Button
            color="green"
            w="fit-content"
            loading={confirm.isPending}
            onClick={() => confirm.mutate(result.team.map((m) => m.expertId))}
          >
            {t('missions.composer.confirm')}
          </Button>
          <ProblemAlert error={confirm.error} />
        </>
      ) : null}
    </Stack>
  );
}

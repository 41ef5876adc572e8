import { Alert, Anchor, Badge, Button, Code, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { fieldErrorWithin } from '../app/field-errors';
import { ProblemAlert } from '../app/ProblemAlert';
import { usePageTitle } from '../app/usePageTitle';
import { useCompetenceNames, useCountryNames, useLanguageNames } from '../reference/pickers';
import { AccountPanel } from './AccountPanel';
import { type ExpertView, expertQuery, myProfileQuery } from './queries';
import { SkillsEditor } from './SkillsEditor';
import { TermsEditor, usePrerequisiteName } from './TermsEditor';

/** The signed-in person's own roster profile, with their calendar feed. */
export function MyProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('roster.profile.mine'));
  const me = useQuery(myProfileQuery);
  if (me.error) return <ProblemAlert error={me.error} />;
  if (!me.data) return null;
  if (!me.data.expert) return <Text>{t('roster.profile.none')}</Text>;
  return <Profile expert={me.data.expert} own />;
}

/** One expert's profile. */
export function ExpertPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const expert = useQuery(expertQuery(id));
  if (expert.error) return <ProblemAlert error={expert.error} />;
  return expert.data ? <Profile expert={expert.data} own={false} /> : null;
}

function Profile({ expert, own }: { expert: ExpertView; own: boolean }) {
  const { t } = useTranslation();
  usePageTitle(expert.name);
  const client = useQueryClient();
  const [period, setPeriod] = useState({ kind: 'unavailable', startsOn: '', endsOn: '' });
  const [feed, setFeed] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.patch<ExpertView>(`/roster/experts/${expert.id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['roster'] }),
  });
  const createFeed = useMutation({
    mutationFn: () => api.post<{ urls: { mine: string } }>('/calendar/tokens', { label: 'roster' }),
    onSuccess: (r) => setFeed(`${window.location.origin}${r.urls.mine}`),
  });
  const canEdit = expert.actions.includes('edit');
  const countries = useCountryNames();
  const competences = useCompetenceNames();
  const languages = useLanguageNames();
  const prerequisite = usePrerequisiteName();
  const periods = expert.periods.map(({ kind, startsOn, endsOn, note }) => ({ kind, startsOn, endsOn, note }));
  return (
    <Stack gap="md">
      <Title order={1}>{expert.name}</Title>
      <Group gap="xs">
        <Badge>{t(`roster.readiness.${expert.readiness}`)}</Badge>
        <Text>{expert.organisation.name}</Text>
        <Text c="dimmed">
          {t('roster.fields.nationality')}: {expert.nationalities.map(countries.name).join(', ')}
          {expert.secondingIso2 ? ` · ${t('roster.fields.seconding')}: ${countries.name(expert.secondingIso2)}` : ''}
        </Text>
      </Group>
      <Text>{t('roster.profile.days', { used: expert.daysThisYear, cap: expert.yearlyCapDays })}</Text>
      {expert.readOnly ? (
        <Alert variant="light" data-testid="read-only-reason">
          {t(`roster.readOnly.${expert.readOnly}`)}
        </Alert>
      ) : null}
      {own ? null : <AccountPanel expert={expert} />}
      <Title order={2}>{t('roster.fields.competences')}</Title>
      <Text>
        {expert.competences.map((c) => `${competences.name(c.code)} (${t(`roster.level.${c.level}`)})`).join(', ') || '—'}
      </Text>
      <Title order={2}>{t('roster.fields.languages')}</Title>
      <Text>{expert.languages.map((l) => `${languages.name(l.code)}: ${l.speaking} / ${l.writing}`).join(', ') || '—'}</Text>
      <Title order={2}>{t('roster.fields.prerequisites')}</Title>
      <Text>
        {expert.prerequisites
          .map((p) =>
            p.expiresOn ? t('roster.terms.until', { name: prerequisite(p.code), date: p.expiresOn }) : prerequisite(p.code),
          )
          .join(', ') || '—'}
      </Text>
      <Title order={2}>{t('roster.profile.calendar')}</Title>
      <Table aria-label={t('roster.profile.calendar')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('roster.profile.what')}</Table.Th>
            <Table.Th>{t('roster.profile.from')}</Table.Th>
            <Table.Th>{t('roster.profile.to')}</Table.Th>
            <Table.Th>{t('roster.profile.appraisal')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {expert.deployments.map((d) => (
            <Table.Tr key={d.id} data-testid="deployment">
              <Table.Td>{d.title}</Table.Td>
              <Table.Td>{d.startsOn}</Table.Td>
              <Table.Td>{d.endsOn}</Table.Td>
              <Table.Td>{d.appraisal ?? ''}</Table.Td>
            </Table.Tr>
          ))}
          {expert.periods.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{t(`roster.period.${p.kind}`)}</Table.Td>
              <Table.Td>{p.startsOn}</Table.Td>
              <Table.Td>{p.endsOn}</Table.Td>
              <Table.Td>
                {canEdit ? (
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => save.mutate({ periods: periods.filter((_, i) => expert.periods[i]!.id !== p.id) })}
                  >
                    {t('roster.period.remove')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canEdit ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate({ periods: [...periods, { kind: period.kind, startsOn: period.startsOn, endsOn: period.endsOn }] });
          }}
        >
          <Group align="flex-end">
            <NativeSelect
              label={t('roster.period.kind')}
              value={period.kind}
              onChange={(e) => setPeriod({ ...period, kind: e.currentTarget.value })}
              data={['available', 'unavailable'].map((k) => ({ value: k, label: t(`roster.period.${k}`) }))}
            />
            <TextInput
              type="date"
              required
              label={t('roster.profile.from')}
              value={period.startsOn}
              onChange={(e) => setPeriod({ ...period, startsOn: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              required
              label={t('roster.profile.to')}
              error={fieldErrorWithin(save.error, `/periods/${expert.periods.length}`)}
              value={period.endsOn}
              onChange={(e) => setPeriod({ ...period, endsOn: e.currentTarget.value })}
            />
            <Button type="submit" loading={save.isPending}>
              {t('roster.period.add')}
            </Button>
          </Group>
        </form>
      ) : null}
      <ProblemAlert error={save.error} />
      {canEdit ? (
        <>
          <SkillsEditor
            key={`skills-${expert.id}`}
            expert={expert}
            saving={save.isPending}
            error={save.error}
            onSave={(body) => save.mutate({ ...body })}
          />
          <TermsEditor
            key={`terms-${expert.id}`}
            expert={expert}
            saving={save.isPending}
            error={save.error}
            onSave={(body) => save.mutate({ ...body })}
          />
        </>
      ) : null}
      {own ? (
        <Stack gap="xs">
          <Button variant="default" onClick={() => createFeed.mutate()} w="fit-content">
            {t('roster.profile.feed')}
          </Button>
          {feed ? (
            <Alert>
              <Text size="sm">{t('roster.profile.feedOnce')}</Text>
              <Code>{feed}</Code> <Anchor href={feed}>{t('roster.profile.download')}</Anchor>
            </Alert>
          ) : null}
          <ProblemAlert error={createFeed.error} />
        </Stack>
      ) : null}
    </Stack>
  );
}

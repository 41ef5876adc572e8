import { Anchor, Badge, Button, Card, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { fieldError, ProblemAlert } from '../app/ProblemAlert';
import { OrganisationPicker } from '../directory/OrganisationPicker';
import { useCountryNames } from '../reference/pickers';
import { useApiLanguage } from '../reference/queries';
import { type PartnersView, partnersQuery, proposedContactsQuery } from './queries';

const ROLES = ['joint_visit', 'briefing', 'data'] as const;
type Role = (typeof ROLES)[number];

/** The organisations the mission works with on the ground, and the form that adds one. */
export function MissionPartners({ missionId }: { missionId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const partners = useQuery(partnersQuery(missionId));
  const list = partners.data?.partners ?? [];
  const editable = partners.data?.actions.includes('edit') ?? false;
  const [form, setForm] = useState<{ organisationId: string; role: Role; note: string }>({
    organisationId: '',
    role: 'joint_visit',
    note: '',
  });
  const save = useMutation({
    mutationFn: (next: Array<{ organisationId: string; role: Role; note: string }>) =>
      api.put<PartnersView>(`/missions/${missionId}/partners`, { partners: next }),
    onSuccess: () => {
      setForm({ organisationId: '', role: 'joint_visit', note: '' });
      return client.invalidateQueries({ queryKey: ['missions'] });
    },
  });
  const current = list.map((p) => ({ organisationId: p.organisationId, role: p.role, note: p.note }));
  const added = `/partners/${list.length}`;

  return (
    <Stack gap="xs">
      <Title order={2}>{t('missions.partners.title')}</Title>
      {partners.error ? <ProblemAlert error={partners.error} /> : null}
      {list.length === 0 ? <Text c="dimmed">{t('missions.partners.none')}</Text> : null}
      {list.length > 0 ? (
        <Table aria-label={t('missions.partners.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('missions.partners.organisation')}</Table.Th>
              <Table.Th>{t('missions.partners.role')}</Table.Th>
              <Table.Th>{t('missions.partners.note')}</Table.Th>
              {editable ? <Table.Th /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((p) => (
              <Table.Tr key={p.organisationId} data-partner={p.acronym ?? p.name}>
                <Table.Td>{p.acronym ? `${p.acronym} – ${p.name}` : p.name}</Table.Td>
                <Table.Td>{t(`missions.partners.roles.${p.role}`)}</Table.Td>
                <Table.Td>{p.note}</Table.Td>
                {editable ? (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => save.mutate(current.filter((c) => c.organisationId !== p.organisationId))}
                    >
                      {t('missions.partners.remove', { name: p.acronym ?? p.name })}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {editable ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate([...current, form]);
          }}
        >
          <Group align="flex-end">
            <OrganisationPicker
              label={t('missions.partners.organisation')}
              placeholder={t('missions.partners.choose')}
              value={form.organisationId}
              onChange={(organisationId) => setForm({ ...form, organisationId })}
              exclude={list.map((p) => p.organisationId)}
              error={fieldError(save.error, `${added}/organisationId`)}
              required
            />
            <NativeSelect
              label={t('missions.partners.role')}
              value={form.role}
              onChange={(e) => setForm({ ...form, role: e.currentTarget.value as Role })}
              data={ROLES.map((r) => ({ value: r, label: t(`missions.partners.roles.${r}`) }))}
              error={fieldError(save.error, `${added}/role`)}
            />
            <TextInput
              label={t('missions.partners.note')}
              value={form.note}
              onChange={(e) => setForm({ ...form, note: e.currentTarget.value })}
              error={fieldError(save.error, `${added}/note`)}
            />
            <Button type="submit" variant="default" loading={save.isPending} disabled={!form.organisationId}>
              {t('missions.partners.add')}
            </Button>
          </Group>
          <ProblemAlert error={save.error} />
        </form>
      ) : null}
      <ProposedContacts missionId={missionId} />
    </Stack>
  );
}

/** The people "whom do I call?" proposes for the host countries and the mission's competences. */
function ProposedContacts({ missionId }: { missionId: string }) {
  const { t } = useTranslation();
  const lang = useApiLanguage();
  const countries = useCountryNames();
  const proposed = useQuery(proposedContactsQuery(missionId, lang));
  const contacts = proposed.data?.contacts ?? [];
  return (
    <Stack gap="xs">
      <Title order={3}>{t('missions.partners.proposed')}</Title>
      <Text size="sm" c="dimmed">
        {t('missions.partners.proposedIntro')}
      </Text>
      {proposed.error ? <ProblemAlert error={proposed.error} /> : null}
      {proposed.data && contacts.length === 0 ? <Text c="dimmed">{t('missions.partners.noProposed')}</Text> : null}
      {contacts.map((c) => (
        <Card withBorder key={c.contact.id} padding="xs" data-proposed={c.contact.name}>
          <Group gap="xs">
            <Anchor component={Link} to={`/directory/contacts/${c.contact.id}`} fw={600}>
              {c.contact.name}
            </Anchor>
            {c.contact.title ? <Text size="sm">{c.contact.title}</Text> : null}
            <Text size="sm" c="dimmed">
              {c.contact.organisation.acronym ?? c.contact.organisation.name} · {countries.name(c.country)}
            </Text>
            {c.partner ? <Badge variant="light">{t('missions.partners.partnerBadge')}</Badge> : null}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

import { Alert, Button, Code, Group, Modal, NativeSelect, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationView } from '../../server/roster/account/schemas.js';
import { api, queryString } from '../app/api';
import { fieldError, ProblemAlert } from '../app/ProblemAlert';
import type { UserView } from '../app/types';
import { currentLanguage, LANGUAGES } from '../i18n';
import type { ExpertView } from './queries';

/**
 * The account the expert signs in with, which makes them a report writer: who it is, and for the
 * co-ordinator, inviting the expert to a new account, linking an existing one, or undoing the link.
 */
export function AccountPanel({ expert }: { expert: ExpertView }) {
  const { t } = useTranslation();
  const headingId = useId();
  const client = useQueryClient();
  const [inviting, setInviting] = useState(false);
  const [linking, setLinking] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: ['roster'] });
  const unlink = useMutation({
    mutationFn: () => api.delete<ExpertView>(`/roster/experts/${expert.id}/account`),
    onSuccess: () => refresh(),
  });
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} id={headingId}>
          {t('roster.account.title')}
        </Title>
        {expert.account ? (
          <Text>{t('roster.account.signsInAs', { email: expert.account.email })}</Text>
        ) : expert.userId ? (
          <Text>{t('roster.account.hasOne')}</Text>
        ) : (
          <Text>{t('roster.account.none')}</Text>
        )}
        <Group>
          {expert.actions.includes('invite') ? (
            <Button onClick={() => setInviting(true)}>{t('roster.account.invite')}</Button>
          ) : null}
          {expert.actions.includes('link_account') ? (
            <Button variant="default" onClick={() => setLinking(true)}>
              {t('roster.account.link')}
            </Button>
          ) : null}
          {expert.actions.includes('unlink_account') ? (
            <Button variant="default" color="red" loading={unlink.isPending} onClick={() => unlink.mutate()}>
              {t('roster.account.unlink')}
            </Button>
          ) : null}
        </Group>
        <ProblemAlert error={unlink.error} />
      </Stack>
      {inviting ? <InviteModal expert={expert} onClose={() => setInviting(false)} onDone={refresh} /> : null}
      {linking ? <LinkModal expert={expert} onClose={() => setLinking(false)} onDone={refresh} /> : null}
    </Paper>
  );
}

function InviteModal({ expert, onClose, onDone }: { expert: ExpertView; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [language, setLanguage] = useState<string>(currentLanguage());
  const invite = useMutation({
    mutationFn: () => api.post<InvitationView>(`/roster/experts/${expert.id}/invitation`, { email: email.trim(), language }),
    onSuccess: () => onDone(),
  });
  const result = invite.data;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('roster.account.inviteTitle', { name: expert.name })}
      size="lg"
      closeOnClickOutside={false}
    >
      {result ? (
        <Stack>
          <Text>{t('roster.account.created', { email: result.expert.account?.email ?? email })}</Text>
          <Text fw={600}>{t('roster.account.oneTime')}</Text>
          <Code block data-testid="one-time-password" style={{ fontSize: '1.1rem', letterSpacing: '0.05em' }}>
            {result.oneTimePassword}
          </Code>
          <Alert color="yellow" variant="light">
            {t('roster.account.oneTimeWarning')}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            invite.mutate();
          }}
        >
          <Stack>
            <Text size="sm">{t('roster.account.inviteHelp')}</Text>
            <TextInput
              type="email"
              required
              label={t('roster.account.email')}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldError(invite.error, '/email')}
            />
            <NativeSelect
              label={t('roster.account.language')}
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value)}
              data={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
            />
            <ProblemAlert error={invite.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={invite.isPending}>
                {t('roster.account.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function LinkModal({ expert, onClose, onDone }: { expert: ExpertView; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const userId = picked?.value ?? null;
  // Once an account is picked, the field shows its label: that is no search.
  const q = search && search !== picked?.label ? search : undefined;
  const users = useQuery({
    queryKey: ['users', 'pick', q],
    queryFn: () => api.get<{ items: UserView[] }>(`/users${queryString({ q, limit: 20 })}`),
  });
  const link = useMutation({
    mutationFn: () => api.put<ExpertView>(`/roster/experts/${expert.id}/account`, { userId }),
    onSuccess: () => {
      onDone();
      onClose();
    },
  });
  const options = (users.data?.items ?? []).map((u) => ({
    value: u.id,
    label: u.expert
      ? t('roster.account.optionTaken', { name: u.name, email: u.email, expert: u.expert.name })
      : `${u.name} · ${u.email}`,
    disabled: u.expert !== null,
  }));
  if (picked && !options.some((o) => o.value === picked.value)) options.unshift({ ...picked, disabled: false });
  return (
    <Modal opened onClose={onClose} title={t('roster.account.linkTitle', { name: expert.name })} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          link.mutate();
        }}
      >
        <Stack>
          <Select
            searchable
            required
            label={t('roster.account.pick')}
            placeholder={t('roster.account.pickHelp')}
            data={options}
            value={userId}
            onChange={(value, option) => setPicked(value ? { value, label: option?.label ?? '' } : null)}
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            nothingFoundMessage={t('roster.account.noMatch')}
            error={fieldError(link.error, '/userId')}
          />
          <ProblemAlert error={link.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={!userId} loading={link.isPending}>
              {t('roster.account.linkButton')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

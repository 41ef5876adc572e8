import { ActionIcon, Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../app/api';
import { PlusIcon, TrashIcon } from '../app/icons';
import { fieldError } from '../app/ProblemAlert';
import type { Role } from '../app/types';
import { STRUCTURE_TYPES } from '../reference/options';
import { useScopeNames } from '../reference/queries';
import { draftProblem, emptyDraft, type GrantDraft, ROLE_SCOPES, ROLES, withRole } from './grants';

interface Props {
  drafts: GrantDraft[];
  onChange: (drafts: GrantDraft[]) => void;
  /** Show what is missing (after a first attempt to save). */
  showMissing: boolean;
  error: unknown;
  /** The roles the server lets the caller newly grant this account; a role already held stays offered. */
  grantableRoles?: readonly Role[] | undefined;
}

function serverError(error: unknown, index: number): string | undefined {
  if (!(error instanceof ApiProblem)) return undefined;
  return error.errors.find((field) => field.pointer.startsWith(`/grants/${index}`))?.message;
}

/** The roles of an account, each on a scope the role allows: everywhere, one structure or one State. */
export function GrantsEditor({ drafts, onChange, showMissing, error, grantableRoles }: Props) {
  const { t } = useTranslation();
  const names = useScopeNames();
  const update = (index: number, draft: GrantDraft) => onChange(drafts.map((d, i) => (i === index ? draft : d)));

  return (
    <Stack gap="sm">
      {drafts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('users.grants.none')}
        </Text>
      ) : null}
      {drafts.map((draft, index) => {
        const problem = showMissing ? draftProblem(draft) : undefined;
        const scopes = draft.role ? ROLE_SCOPES[draft.role] : [];
        return (
          <Fieldset key={draft.key} legend={t('users.grants.legend', { number: index + 1 })} p="sm" pt={4}>
            <Group align="flex-start" wrap="nowrap" gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" style={{ flex: 1 }}>
                <NativeSelect
                  label={t('users.grants.role')}
                  value={draft.role}
                  onChange={(event) => update(index, withRole(draft, event.currentTarget.value as GrantDraft['role']))}
                  error={problem === 'role' ? t('form.required') : undefined}
                >
                  <option value="">{t('form.choose')}</option>
                  {ROLES.filter((role) => !grantableRoles || grantableRoles.includes(role) || role === draft.role).map((role) => (
                    <option key={role} value={role}>
                      {t(`role.${role}`)}
                    </option>
                  ))}
                </NativeSelect>
                <NativeSelect
                  label={t('users.grants.scope')}
                  value={draft.scopeType}
                  disabled={scopes.length <= 1}
                  onChange={(event) =>
                    update(index, { ...draft, scopeType: event.currentTarget.value as GrantDraft['scopeType'] })
                  }
                  error={problem === 'scope' ? t('form.required') : (serverError(error, index) ?? undefined)}
                >
                  {scopes.length === 0 ? <option value="">{t('form.choose')}</option> : null}
                  {scopes.map((scope) => (
                    <option key={scope} value={scope}>
                      {t(`scope.${scope}`)}
                    </option>
                  ))}
                </NativeSelect>
                {draft.scopeType === 'organisation' ? (
                  <NativeSelect
                    label={t('users.grants.organisation')}
                    value={draft.organisationId}
                    onChange={(event) => update(index, { ...draft, organisationId: event.currentTarget.value })}
                    error={problem === 'organisation' ? t('form.required') : undefined}
                  >
                    <option value="">{t('form.choose')}</option>
                    {STRUCTURE_TYPES.map((type) => (
                      <optgroup key={type} label={t(`structureType.${type}`)}>
                        {names.structures
                          .filter((structure) => structure.type === type)
                          .map((structure) => (
                            <option key={structure.id} value={structure.id}>
                              {names.organisationName(structure.id)}
                            </option>
                          ))}
                      </optgroup>
                    ))}
                  </NativeSelect>
                ) : null}
                {draft.scopeType === 'country' ? (
                  <NativeSelect
                    label={t('users.grants.country')}
                    value={draft.countryIso2}
                    onChange={(event) => update(index, { ...draft, countryIso2: event.currentTarget.value })}
                    error={problem === 'country' ? t('form.required') : undefined}
                  >
                    <option value="">{t('form.choose')}</option>
                    {names.countries.map((country) => (
                      <option key={country.iso2} value={country.iso2}>
                        {country.name}
                      </option>
                    ))}
                  </NativeSelect>
                ) : null}
              </SimpleGrid>
              <ActionIcon
                variant="subtle"
                color="red.8"
                size="lg"
                mt={26}
                onClick={() => onChange(drafts.filter((_, i) => i !== index))}
                aria-label={t('users.grants.remove', { number: index + 1 })}
              >
                <TrashIcon />
              </ActionIcon>
            </Group>
          </Fieldset>
        );
      })}
      <Group>
        <Button variant="default" leftSection={<PlusIcon />} onClick={() => onChange([...drafts, emptyDraft()])}>
          {t('users.grants.add')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Why a sensitive role is granted: asked for only then, and recorded in the audit log. */
export function GrantReasonInput(props: { value: string; onChange: (value: string) => void; missing: boolean; error: unknown }) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('users.grants.reason')}
      description={t('users.grants.reasonHelp')}
      required
      autosize
      minRows={2}
      maxLength={500}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      error={
        fieldError(props.error, '/reason') ? t('users.grants.reasonRequired') : props.missing ? t('form.required') : undefined
      }
    />
  );
}

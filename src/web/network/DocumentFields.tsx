import { Group, MultiSelect, Progress, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CountryPicker, KeyAreasPicker, LanguagePicker } from '../reference/pickers';
import { ACCESS_LEVELS, DOCUMENT_TYPES, groupsQuery, type LibraryDocument } from './queries';

/** A document's details as its forms hold them, before they are sent. */
export interface DocumentDetails {
  title: string;
  summary: string;
  type: string | null;
  language: string | null;
  country: string | null;
  keyAreas: string[];
  issuedOn: string;
  source: string;
  licence: string;
  access: string | null;
  groups: string[];
}

/** The details of a new document: a good practice open to the network's members. */
export const NEW_DOCUMENT: DocumentDetails = {
  title: '',
  summary: '',
  type: 'good_practice',
  language: null,
  country: null,
  keyAreas: [],
  issuedOn: '',
  source: '',
  licence: '',
  access: 'network',
  groups: [],
};

/** The details of a document in the library, as its editor starts from them. */
export function detailsOf(doc: LibraryDocument): DocumentDetails {
  return {
    title: doc.title,
    summary: doc.summary,
    type: doc.type,
    language: doc.language,
    country: doc.country,
    keyAreas: doc.keyAreas,
    issuedOn: doc.issuedOn ?? '',
    source: doc.sourceOrganisation,
    licence: doc.licence,
    access: doc.access,
    groups: doc.groups.map((g) => g.id),
  };
}

/** The form's state, and a setter of some of its fields. */
export function useDocumentDetails(initial: DocumentDetails) {
  const [details, setDetails] = useState(initial);
  return [details, (patch: Partial<DocumentDetails>) => setDetails((d) => ({ ...d, ...patch }))] as const;
}

/** The access levels a person may give a document: named groups only for whom may list the groups (the co-ordinator). */
function useAccessOptions(manages: boolean) {
  const { t } = useTranslation();
  const groups = useQuery({ ...groupsQuery(), enabled: manages });
  return {
    levels: ACCESS_LEVELS.filter((a) => a !== 'groups' || manages).map((value) => ({
      value,
      label: t(`network.access.${value}`),
    })),
    groups: (groups.data ?? []).map((g) => ({ value: g.id, label: g.name })),
  };
}

/** The fields of a document's details and who may open it, shared by the upload page and the editor. */
export function DocumentFields({
  details,
  set,
  errorOf,
  manages,
}: {
  details: DocumentDetails;
  set: (patch: Partial<DocumentDetails>) => void;
  errorOf: (pointer: string) => string | undefined;
  manages: boolean;
}) {
  const { t } = useTranslation();
  const options = useAccessOptions(manages);
  return (
    <>
      <TextInput
        label={t('network.upload.docTitle')}
        value={details.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        error={errorOf('/title')}
        required
      />
      <Textarea
        label={t('network.upload.summary')}
        value={details.summary}
        onChange={(e) => set({ summary: e.currentTarget.value })}
        autosize
        minRows={2}
      />
      <Group grow wrap="wrap">
        <Select
          label={t('network.library.type')}
          data={DOCUMENT_TYPES.map((value) => ({ value, label: t(`network.type.${value}`) }))}
          value={details.type}
          onChange={(type) => set({ type })}
          error={errorOf('/type')}
          allowDeselect={false}
          required
        />
        <LanguagePicker
          label={t('network.upload.language')}
          value={details.language}
          onChange={(language) => set({ language })}
          error={errorOf('/language')}
          required
        />
      </Group>
      <Group grow wrap="wrap">
        <CountryPicker
          label={t('network.library.country')}
          value={details.country}
          onChange={(country) => set({ country })}
          error={errorOf('/country')}
        />
        <TextInput
          type="date"
          label={t('network.document.issuedOn')}
          value={details.issuedOn}
          onChange={(e) => set({ issuedOn: e.currentTarget.value })}
          error={errorOf('/issuedOn')}
        />
      </Group>
      <KeyAreasPicker
        label={t('network.document.keyAreas')}
        value={details.keyAreas}
        onChange={(keyAreas) => set({ keyAreas })}
        error={errorOf('/keyAreas')}
      />
      <Group grow wrap="wrap">
        <TextInput
          label={t('network.document.source')}
          value={details.source}
          onChange={(e) => set({ source: e.currentTarget.value })}
        />
        <TextInput
          label={t('network.document.licence')}
          value={details.licence}
          onChange={(e) => set({ licence: e.currentTarget.value })}
        />
      </Group>
      <Select
        label={t('network.upload.access')}
        data={options.levels}
        value={details.access}
        onChange={(access) => set({ access })}
        allowDeselect={false}
      />
      {details.access === 'groups' ? (
        <MultiSelect
          label={t('network.upload.groups')}
          description={t('network.upload.groupsHint')}
          data={options.groups}
          value={details.groups}
          onChange={(groups) => set({ groups })}
          error={errorOf('/groups')}
          searchable
        />
      ) : null}
    </>
  );
}

/** How far a file's upload has gone: the share sent, then the server's checks. */
export function UploadProgress({ share }: { share: number | null }) {
  const { t } = useTranslation();
  if (share === null) return null;
  return (
    <Stack gap={4} role="status">
      <Text size="sm">
        {share < 1 ? t('network.upload.sending', { percent: Math.round(share * 100) }) : t('network.upload.checking')}
      </Text>
      <Progress value={share * 100} aria-label={t('network.upload.progress')} />
    </Stack>
  );
}

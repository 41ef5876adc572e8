import { Anchor, Badge, Button, Card, Chip, Group, Loader, Mark, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../app/EmptyState';
import { Pager } from '../app/Pager';
import { ProblemAlert } from '../app/ProblemAlert';
import { useSession } from '../app/session';
import { usePageTitle } from '../app/usePageTitle';
import { CountryPicker, useCountryNames, useKeyAreaNames, useLanguageNames } from '../reference/pickers';
import { DOCUMENT_TYPES, type LibraryFilters, membershipQuery, PAGE_SIZE, searchQuery } from './queries';

/** Each part of a snippet with where it starts in the passage, which names it. */
function withOffsets(parts: Array<{ text: string; hit: boolean }>) {
  let at = 0;
  return parts.map((part) => {
    const start = at;
    at += part.text.length;
    return { ...part, at: start };
  });
}

type FacetName = 'type' | 'country' | 'keyArea' | 'language' | 'year';

/** Search inside the library's documents, with facets and highlighted passages. */
export function LibraryPage() {
  const { t } = useTranslation();
  usePageTitle(t('network.library.title'));
  const session = useSession();
  const membership = useQuery({ ...membershipQuery(), enabled: session !== null });
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<LibraryFilters>({});
  const result = useQuery(searchQuery(filters));
  const countries = useCountryNames();
  const keyAreas = useKeyAreaNames();
  const languages = useLanguageNames();
  const set = (patch: Partial<LibraryFilters>) => setFilters((f) => ({ ...f, ...patch, offset: 0 }));
  const label = (facet: FacetName, value: string) =>
    facet === 'type'
      ? t(`network.type.${value}`)
      : facet === 'country'
        ? countries.name(value)
        : facet === 'keyArea'
          ? keyAreas.name(value)
          : facet === 'language'
            ? languages.name(value)
            : value;
  const mayUpload = membership.data?.member || membership.data?.manages;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('network.library.title')}</Title>
          <Text c="dimmed">{t('network.library.intro')}</Text>
        </div>
        {mayUpload ? (
          <Button component={Link} to="/library/upload">
            {t('network.library.upload')}
          </Button>
        ) : null}
      </Group>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const q = text.trim() || undefined;
          // The same words again search again: a document read since the last search is found.
          if (q === filters.q && !filters.offset) void result.refetch();
          else set({ q });
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('network.library.query')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 220 }}
          />
          <Select
            label={t('network.library.type')}
            data={DOCUMENT_TYPES.map((value) => ({ value, label: t(`network.type.${value}`) }))}
            value={filters.type ?? null}
            onChange={(value) => set({ type: value ?? undefined })}
            clearable
          />
          <CountryPicker
            label={t('network.library.country')}
            value={filters.country ?? null}
            onChange={(c) => set({ country: c ?? undefined })}
          />
          <Button type="submit">{t('network.library.search')}</Button>
        </Group>
      </form>
      <ProblemAlert error={result.error} />
      {result.isPending ? <Loader aria-label={t('app.loading')} /> : null}
      {result.data ? (
        <Group align="flex-start" wrap="wrap" gap="lg">
          <Stack gap="sm" w={230} component="aside" aria-label={t('network.library.facets')}>
            {(['type', 'keyArea', 'language', 'country', 'year'] as const).map((facet) =>
              result.data.facets[facet].length === 0 ? null : (
                <div key={facet}>
                  <Text fw={600} size="sm">
                    {t(`network.facet.${facet}`)}
                  </Text>
                  <Group gap={4} mt={4}>
                    {result.data.facets[facet].map((f) => {
                      const value = facet === 'year' ? Number(f.value) : f.value;
                      const active = filters[facet] === value;
                      return (
                        <Chip
                          key={f.value}
                          size="xs"
                          checked={active}
                          onChange={() => set({ [facet]: active ? undefined : value })}
                        >
                          {label(facet, f.value)} ({f.count})
                        </Chip>
                      );
                    })}
                  </Group>
                </div>
              ),
            )}
          </Stack>
          <Stack gap="sm" style={{ flex: 1, minWidth: 280 }}>
            {result.data.items.length === 0 ? (
              filters.q || Object.values(filters).some(Boolean) ? (
                <Text role="status">{t('network.library.noMatch')}</Text>
              ) : (
                <EmptyState
                  message={t('network.library.empty')}
                  actions={mayUpload ? [{ label: t('network.library.upload'), to: '/library/upload' }] : []}
                />
              )
            ) : (
              <>
                <Text size="sm" role="status">
                  {t('network.library.found', { count: result.data.total })}
                </Text>
                <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {result.data.items.map(({ document, snippet }) => (
                    <Card component="li" key={document.id} withBorder padding="sm">
                      <Anchor component={Link} to={`/library/documents/${document.id}`} fw={600}>
                        {document.title}
                      </Anchor>
                      <Group gap={6} mt={4}>
                        <Badge variant="light">{t(`network.type.${document.type}`)}</Badge>
                        <Badge variant="outline">{languages.name(document.language)}</Badge>
                        {document.country ? <Badge variant="outline">{countries.name(document.country)}</Badge> : null}
                        {document.access !== 'public' ? (
                          <Badge color="orange">{t(`network.access.${document.access}`)}</Badge>
                        ) : null}
                      </Group>
                      {snippet.length > 0 ? (
                        <Text size="sm" mt={6} data-snippet>
                          {withOffsets(snippet).map((part) =>
                            part.hit ? <Mark key={part.at}>{part.text}</Mark> : <span key={part.at}>{part.text}</span>,
                          )}
                        </Text>
                      ) : null}
                    </Card>
                  ))}
                </Stack>
                <Pager
                  total={result.data.total}
                  limit={PAGE_SIZE}
                  offset={filters.offset ?? 0}
                  onChange={(offset) => setFilters((f) => ({ ...f, offset }))}
                  label={t('network.library.pages')}
                />
              </>
            )}
          </Stack>
        </Group>
      ) : null}
    </Stack>
  );
}

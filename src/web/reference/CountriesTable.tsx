import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CountryView } from '../app/types';

function ViennaSide({ country }: { country: CountryView }) {
  const { t } = useTranslation();
  if (country.eastOfVienna === null || country.capitalLongitude === null) return <Text c="dimmed">—</Text>;
  const longitude = Math.abs(country.capitalLongitude).toFixed(1);
  const hemisphere = country.capitalLongitude >= 0 ? t('reference.longitudeEast') : t('reference.longitudeWest');
  return (
    <span>
      {t(country.eastOfVienna ? 'reference.east' : 'reference.west')}{' '}
      <Text span size="xs" c="dimmed" className="nowrap">
        ({longitude}° {hemisphere})
      </Text>
    </span>
  );
}

function statusLabel(t: (key: string) => string, country: CountryView): string {
  if (country.osceStatus === 'partner' && country.partnerGroup) return t(`partnerGroup.${country.partnerGroup}`);
  return t(`status.${country.osceStatus}`);
}

export function CountriesTable({ countries }: { countries: CountryView[] }) {
  const { t } = useTranslation();
  if (countries.length === 0) return <Text>{t('reference.noCountries')}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs" fz="sm" aria-label={t('reference.countriesTab')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reference.country')}</Table.Th>
            <Table.Th scope="col">{t('reference.code')}</Table.Th>
            <Table.Th scope="col">{t('reference.status')}</Table.Th>
            <Table.Th scope="col">{t('reference.subregion')}</Table.Th>
            <Table.Th scope="col">{t('reference.fieldOperationColumn')}</Table.Th>
            <Table.Th scope="col">{t('reference.capital')}</Table.Th>
            <Table.Th scope="col">{t('reference.viennaSide')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {countries.map((country) => (
            <Table.Tr key={country.iso2}>
              <Table.Th scope="row" fw={500}>
                {country.name}
              </Table.Th>
              <Table.Td>
                <Text span ff="monospace" size="sm">
                  {country.iso2}
                </Text>
              </Table.Td>
              <Table.Td>{statusLabel(t, country)}</Table.Td>
              <Table.Td>{country.subregion ? t(`subregion.${country.subregion}`) : '—'}</Table.Td>
              <Table.Td>
                {country.fieldOperation ? (
                  <Text span fw={600} c="teal.9" size="sm">
                    {t('common.yes')}
                  </Text>
                ) : (
                  <Text span c="dimmed" size="sm">
                    {t('common.no')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{country.capital ?? '—'}</Table.Td>
              <Table.Td>
                <ViennaSide country={country} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

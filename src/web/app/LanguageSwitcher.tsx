import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage, isLanguage, LANGUAGES } from '../i18n';
import { GlobeIcon } from './icons';

/** The six OSCE languages, each named in itself; the choice is kept on this device. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('language.label')}
      value={currentLanguage()}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (isLanguage(value)) chooseLanguage(value);
      }}
      leftSection={<GlobeIcon />}
      w={{ base: 130, sm: 150 }}
    >
      {LANGUAGES.map((language) => (
        <option key={language.code} value={language.code} lang={language.code}>
          {language.name}
        </option>
      ))}
    </NativeSelect>
  );
}

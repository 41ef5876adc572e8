import { NativeSelect } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage, isLanguage, LANGUAGES } from '../i18n';
import { api } from './api';
import { GlobeIcon } from './icons';
import { rememberSession, useSession } from './session';
import type { SessionView } from './types';

/**
 * The six OSCE languages, each named in itself. The choice is kept on this device and, for a
 * signed-in person, in their account, so that it follows them to other devices.
 */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  return (
    <NativeSelect
      aria-label={t('language.label')}
      value={currentLanguage()}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (!isLanguage(value)) return;
        chooseLanguage(value);
        if (session && session.user.language !== value) {
          api.patch<SessionView>('/auth/account', { language: value }).then(
            (updated) => rememberSession(queryClient, updated),
            // The interface has switched already; keeping the choice in the account can wait.
            () => {},
          );
        }
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

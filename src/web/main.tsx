import '@mantine/core/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { registerDomainTranslations } from './app/domains';
import i18n, { languageReady } from './i18n';

registerDomainTranslations(i18n);

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
// The first page is drawn once the words of the visitor's language have arrived.
void languageReady.then(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

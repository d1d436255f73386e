import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthProvider } from './app/auth';
import { AppRouter } from './app/router';
import { setupI18n } from './i18n';
import './ui/theme.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html lacks #root');

// Translations (and <html lang/dir>) are ready before the first paint, so an Arabic reader
// never sees a flash of left-to-right English.
await setupI18n();

createRoot(rootElement).render(
  <StrictMode>
    <AuthProvider>
      <AppRouter />
    </AuthProvider>
  </StrictMode>,
);

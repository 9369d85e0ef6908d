import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ApiContext, createApi } from './api/apiContext.ts';
import { setupI18n } from './i18n/setup.ts';
import { initTheme } from './stores/theme.ts';
import './styles.css';

setupI18n();
initTheme();
const api = createApi();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <App />
    </ApiContext.Provider>
  </StrictMode>,
);

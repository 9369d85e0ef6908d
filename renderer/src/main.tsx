import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ApiContext, createApi } from './api/apiContext.ts';
import { setupI18n } from './i18n/setup.ts';
import { appStores } from './stores/appStores.ts';
import { connectStores } from './stores/wiring.ts';
import { initTheme } from './stores/theme.ts';
import { preloadPage } from './views/lazyPages.ts';
import { useNavigation } from './stores/navigation.ts';
import './styles.css';

// The first page's code arrives beside the entry (index.html names it); the first paint waits for
// it and shows the whole page. Painting the shell with a placeholder first would make React hold the
// placeholder for at least 300 ms (it throttles Suspense reveals), so the page would come later.
const firstPage = preloadPage(useNavigation.getState().page).catch(() => undefined);
// The first language's sentences too: a window that opens in German loads the German pack first.
const sentences = setupI18n().catch(() => undefined);
initTheme();
const api = createApi();
// One subscription to the host's events for the whole app; every page reads the stores.
connectStores(api, appStores);
void Promise.all([firstPage, sentences]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ApiContext.Provider value={api}>
        <App />
      </ApiContext.Provider>
    </StrictMode>,
  ),
);

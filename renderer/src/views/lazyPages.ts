// Every page is its own chunk of the build, loaded the first time it is needed: the window opens with
// the shell and the Readers page only, and the Configuration page's zod and editor, the frame log's
// table or the door-file forms load when the user goes there. Pointing at a nav button (hover or
// keyboard focus) starts the load, so the click usually finds the page already here.

import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { PAGES, type Page } from '../stores/navigation.ts';

type PageComponent = ComponentType;

// One dynamic import per page: the bundler makes each its own chunk (test/unit/renderer/bundle.test.ts).
const IMPORTS: Record<Page, () => Promise<PageComponent>> = {
  readers: () => import('./ReadersView.tsx').then((m) => m.ReadersView),
  config: () => import('./ConfigView.tsx').then((m) => m.ConfigView),
  deploy: () => import('./DeployView.tsx').then((m) => m.DeployView),
  events: () => import('./EventsView.tsx').then((m) => m.EventsView),
  frames: () => import('./FramesView.tsx').then((m) => m.FramesView),
  doorfile: () => import('./DoorfileView.tsx').then((m) => m.DoorfileView),
  tags: () => import('./TagsView.tsx').then((m) => m.TagsView),
};

const loaded = new Map<Page, PageComponent>();
const loading = new Map<Page, Promise<PageComponent>>();

/** Starts loading a page's code once (later calls share the load); a failed load may be tried again. */
export function preloadPage(page: Page): Promise<PageComponent> {
  let load = loading.get(page);
  if (!load) {
    load = IMPORTS[page]().then((component) => {
      loaded.set(page, component);
      return component;
    });
    load.catch(() => loading.delete(page));
    loading.set(page, load);
  }
  return load;
}

/**
 * A thenable that answers at once. React.lazy suspends on a promise even when it is already
 * settled (for at least a frame, showing the fallback); a page preloaded on hover should not blink.
 * React.lazy calls nothing but `then` on what its loader returns.
 */
function already<T>(value: T): Promise<T> {
  const thenable: PromiseLike<T> = {
    then(onFulfilled) {
      return Promise.resolve(onFulfilled ? onFulfilled(value) : value) as never;
    },
  };
  return thenable as Promise<T>;
}

function lazyPage(page: Page): LazyExoticComponent<PageComponent> {
  return lazy(() => {
    const component = loaded.get(page);
    return component ? already({ default: component }) : preloadPage(page).then((c) => ({ default: c }));
  });
}

/** The pages as React.lazy components, rendered inside the shell's Suspense boundary. */
export const PAGE_VIEWS = Object.fromEntries(PAGES.map((p) => [p, lazyPage(p)])) as Record<Page, LazyExoticComponent<PageComponent>>;

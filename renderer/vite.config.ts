import { defineConfig, type HtmlTagDescriptor, type Plugin, type Rollup } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

/**
 * The window opens on the Readers page (src/stores/navigation.ts): its chunk, the chunks it imports
 * and their styles are named in index.html, so the browser fetches them beside the entry instead of
 * after the entry ran and asked for the page.
 */
function loadFirstPageWithEntry(viewModule: string): Plugin {
  return {
    name: 'readerdesk:first-page-with-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = new Map(Object.values(ctx.bundle ?? {}).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])));
        const page = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith(viewModule));
        if (!page) throw new Error(`no chunk holds ${viewModule}`);
        const needed = new Set<Rollup.OutputChunk>();
        const visit = (chunk: Rollup.OutputChunk) => {
          if (needed.has(chunk)) return;
          needed.add(chunk);
          for (const file of chunk.imports) visit(chunks.get(file)!);
        };
        visit(page);
        const tags: HtmlTagDescriptor[] = [];
        for (const chunk of needed) {
          if (!html.includes(`/${chunk.fileName}"`)) tags.push({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' });
          for (const css of chunk.viteMetadata?.importedCss ?? []) {
            if (!html.includes(`/${css}"`)) tags.push({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${css}` }, injectTo: 'head' });
          }
        }
        return tags;
      },
    },
  };
}

// The same build serves Electron (readerdesk://app) and the web shell (http://127.0.0.1), hence relative paths.
export default defineConfig({
  root: path.resolve(import.meta.dirname),
  base: './',
  plugins: [react(), loadFirstPageWithEntry('/src/views/ReadersView.tsx')],
  build: {
    outDir: path.resolve(import.meta.dirname, '../dist-renderer'),
    emptyOutDir: true,
    sourcemap: false,
    // Each page is its own chunk (src/views/lazyPages.ts), loaded when it is first shown; the entry
    // holds the shell. React and react-dom sit in one chunk of their own, the virtual list that the
    // Configuration and Frame log pages share in another, each named for what it holds.
    chunkSizeWarningLimit: 2048,
    // Electron's Chromium and every browser the web shell supports preload modules themselves; the
    // polyfill would fetch() them, which Electron's CSP (connect-src 'none') refuses.
    modulePreload: { polyfill: false },
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (/[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id)) return 'react';
          if (/[\\/]node_modules[\\/]@tanstack[\\/]/.test(id)) return 'virtual-list';
          return undefined;
        },
      },
      // zod ships comments that rollup cannot place; they are harmless and only drown real warnings.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
    },
  },
});

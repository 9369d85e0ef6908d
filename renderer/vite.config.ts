import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

// The same build serves Electron (readerdesk://app) and the web shell (http://127.0.0.1), hence relative paths.
export default defineConfig({
  root: path.resolve(import.meta.dirname),
  base: './',
  plugins: [react()],
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

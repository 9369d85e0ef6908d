import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

// The same build serves Electron (file://) and the web shell (http://127.0.0.1), hence relative paths.
export default defineConfig({
  root: path.resolve(import.meta.dirname),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, '../dist-renderer'),
    emptyOutDir: true,
    sourcemap: false,
    // One local bundle loaded from disk: its size costs nothing over a network.
    chunkSizeWarningLimit: 2048,
    rollupOptions: {
      // zod ships comments that rollup cannot place; they are harmless and only drown real warnings.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
    },
  },
});

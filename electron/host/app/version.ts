// The app's version, written in at build time: esbuild's `define` in tools/build-electron.mjs and
// tools/build-cli.mjs, Vite's in vitest.config.ts. Only a run of the bare TypeScript sources lacks it.
declare const __READERDESK_VERSION__: string | undefined;

export const APP_VERSION: string = typeof __READERDESK_VERSION__ === 'string' ? __READERDESK_VERSION__ : '0.0.0-dev';

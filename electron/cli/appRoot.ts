import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The folder that holds package.json, dist-renderer/ and dist-cli/. Every file of the CLI bundle sits
// directly in dist-cli/ (tools/build-cli.mjs defines the way up from there); this source file sits
// two folders below the root.
declare const __READERDESK_ROOT_FROM_MODULE__: string | undefined;

export const APP_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  typeof __READERDESK_ROOT_FROM_MODULE__ === 'string' ? __READERDESK_ROOT_FROM_MODULE__ : '../..',
);

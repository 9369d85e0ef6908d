// The layering rule (tools/eslint-layering.mjs) through ESLint's own API and the project's
// eslint.config.mjs: small in-memory files placed in each layer, one import each.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/processes.ts';

const eslint = new ESLint({ cwd: ROOT });

/** The layering messages ESLint gives for a file at `file` (relative to the checkout) holding `code`. */
async function layering(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'layering/imports').map((m) => m.message);
}

const importing = (spec: string) => `import { thing } from '${spec}';\nexport const used = thing;\n`;

const FORBIDDEN: [file: string, spec: string, why: RegExp][] = [
  ['shared/probe.ts', 'ws', /shared may use the packages zod/],
  ['shared/probe.ts', 'serialport', /shared may use the packages/],
  ['shared/probe.ts', 'react', /shared may use the packages/],
  ['shared/brp/probe.ts', 'node:fs', /pure TypeScript that also runs in the browser/],
  ['shared/brp/probe.ts', 'fs', /pure TypeScript/],
  ['shared/probe.ts', 'node:perf_hooks', /pure TypeScript/],
  ['shared/probe.ts', 'electron', /only electron\/main.ts, preload.ts and ipc.ts import electron/],
  ['shared/probe.ts', '../electron/host/app/appService.ts', /shared may use only shared/],
  ['renderer/src/views/probe.tsx', 'electron', /only electron\/main.ts/],
  ['renderer/src/views/probe.tsx', '../../../electron/host/app/appService.ts', /renderer may use only shared, renderer/],
  ['renderer/src/views/probe.tsx', 'node:fs', /sandboxed browser page/],
  ['renderer/src/views/probe.tsx', 'fs/promises', /sandboxed browser page/],
  ['renderer/src/views/probe.tsx', 'ws', /renderer may use the packages/],
  ['simulator/link/probe.ts', '../../electron/host/transport/serialTransport.ts', /simulator may use only shared, node, simulator/],
  ['simulator/probe.ts', 'electron', /only electron\/main.ts/],
  ['simulator/probe.ts', 'react', /simulator may use the packages/],
  ['electron/host/readers/probe.ts', 'electron', /only electron\/main.ts, preload.ts and ipc.ts import electron/],
  ['electron/host/readers/probe.ts', 'react', /electron-node may use the packages/],
  ['electron/host/readers/probe.ts', '../../../renderer/src/App.tsx', /electron-node may use only/],
  ['electron/cli/probe.ts', 'electron/main', /only electron\/main.ts/],
  ['electron/shellPolicy.ts', 'electron', /only electron\/main.ts/],
  ['node/files/probe.ts', '../../electron/host/app/appService.ts', /node may use only shared, node/],
  ['node/files/probe.ts', 'electron', /only electron\/main.ts/],
  ['node/files/probe.ts', 'ws', /node may use the packages/],
];

const ALLOWED: [file: string, spec: string][] = [
  ['shared/probe.ts', 'zod'],
  ['shared/crypto/probe.ts', '@noble/hashes/sha2'],
  ['shared/crypto/probe.ts', '@noble/ciphers/aes'],
  ['shared/brp/probe.ts', '../bytes.ts'],
  ['renderer/src/probe.tsx', 'react'],
  ['renderer/src/probe.tsx', 'react-dom/client'],
  ['renderer/src/probe.tsx', '@radix-ui/react-dialog'],
  ['renderer/src/probe.tsx', 'zustand'],
  ['renderer/src/probe.tsx', '../../shared/api/contract.ts'],
  ['simulator/probe.ts', 'node:fs'],
  ['simulator/probe.ts', 'fs'],
  ['simulator/probe.ts', '../shared/bytes.ts'],
  ['electron/host/readers/probe.ts', 'ws'],
  ['electron/host/readers/probe.ts', 'serialport'],
  ['electron/host/readers/probe.ts', 'node-hid'],
  ['electron/host/readers/probe.ts', 'node:net'],
  ['electron/host/readers/probe.ts', '../../../simulator/startSimulator.ts'],
  ['node/files/probe.ts', 'node:fs'],
  ['electron/host/files/probe.ts', '../../../node/files/atomicWrite.ts'],
  ['simulator/probe.ts', '../node/files/atomicWrite.ts'],
  ['electron/ipc.ts', 'electron'],
  ['electron/main.ts', 'electron'],
  ['electron/preload.ts', 'electron'],
  ['renderer/vite.config.ts', 'node:path'],
  ['test/unit/probe.test.ts', 'electron'],
];

describe('layering lint', () => {
  it.each(FORBIDDEN)('%s may not import %s', async (file, spec, why) => {
    const messages = await layering(file, importing(spec));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(why);
  });

  it.each(ALLOWED)('%s may import %s', async (file, spec) => {
    expect(await layering(file, importing(spec))).toEqual([]);
  });

  it('catches every way of reaching a module, type-only ones included', async () => {
    const forms = [
      "import type { WebSocket } from 'ws';\nexport type T = WebSocket;",
      "export * from 'ws';",
      "export { WebSocket } from 'ws';",
      "export const load = () => import('ws');",
      "export const ws = require('ws');",
      "import ws = require('ws');\nexport { ws };",
      "export type Contents = import('ws').WebSocket;",
    ];
    for (const code of forms) expect(await layering('shared/probe.ts', code), code).toHaveLength(1);
  });
});

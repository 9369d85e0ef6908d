// node/ is the Node-only code that the host, the CLI and the virtual reader share: the layering
// rule lets those three use it and keeps it out of shared/ and renderer/, which run in a browser.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'layering/imports').map((m) => m.message);
}

describe('the node/ layer', () => {
  it.each([
    ['electron/host/app/x.ts', "import { writeFileAtomic } from '../../../node/files/atomicWrite.ts';"],
    ['electron/cli/x.ts', "import { writeFileAtomic } from '../../node/files/atomicWrite.ts';"],
    ['simulator/state/x.ts', "import { writeFileAtomic } from '../../node/files/atomicWrite.ts';"],
    ['node/files/x.ts', "import fs from 'node:fs';\nimport { toHex } from '../../shared/bytes.ts';"],
  ])('%s may import it', async (file, source) => {
    expect(await layerErrors(file, `${source}\nexport {};\n`)).toEqual([]);
  });

  it.each([
    ['shared/x.ts', "import { writeFileAtomic } from '../node/files/atomicWrite.ts';"],
    ['renderer/src/x.ts', "import { writeFileAtomic } from '../../node/files/atomicWrite.ts';"],
    ['node/files/x.ts', "import { Listeners } from '../../electron/host/transport/transport.ts';"],
    ['node/files/x.ts', "import { startSimulator } from '../../simulator/startSimulator.ts';"],
  ])('%s may not import what its layer forbids', async (file, source) => {
    expect(await layerErrors(file, `${source}\nexport {};\n`)).toHaveLength(1);
  });
});

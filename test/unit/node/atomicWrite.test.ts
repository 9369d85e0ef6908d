import fs, { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { faults } from '../../helpers/faultyFsPromises.ts';
import { writeFileAtomic, writeFileAtomicQuick, writeFileAtomicSync } from '../../../node/files/atomicWrite.ts';
import { tempDir } from '../../helpers/processes.ts';

// Full-disk and rename faults are injected into node:fs/promises, which node/files/atomicWrite.ts uses.
vi.mock('node:fs/promises', async (real) => (await import('../../helpers/faultyFsPromises.ts')).withFaults(await real()));

let dir: string;
beforeEach(() => {
  dir = tempDir('atomic-');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Pieces that fail after some were written, like a door-file renderer that hits bad data. */
function* failingAfter(pieces: string[]): Generator<string> {
  yield* pieces;
  throw new Error('the renderer failed');
}

/** Writers that take the content in pieces (a door file is written as it is rendered). */
const pieceWriters = [
  ['writeFileAtomic', writeFileAtomic],
  ['writeFileAtomicSync', async (...args: Parameters<typeof writeFileAtomicSync>) => writeFileAtomicSync(...args)],
] as const;
/** Every writer, with content given whole (writeFileAtomicQuick: a virtual reader's state). */
const writers = [...pieceWriters, ['writeFileAtomicQuick', writeFileAtomicQuick]] as const;

describe.each(writers)('%s', (_name, write) => {
  it('replaces the content and leaves no temporary file', async () => {
    const path = join(dir, 'a.txt');
    writeFileSync(path, 'old');
    await write(path, 'new content');
    expect(readFileSync(path, 'utf8')).toBe('new content');
    await write(path, Uint8Array.of(0x41, 0x42));
    expect(readFileSync(path, 'utf8')).toBe('AB');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('refuses to replace a folder and leaves no temporary file', async () => {
    const path = join(dir, 'folder');
    mkdirSync(path);
    writeFileSync(join(path, 'inside.txt'), 'kept');
    await expect(write(path, 'text')).rejects.toMatchObject({ code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST|EPERM)$/) });
    expect(readFileSync(join(path, 'inside.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(dir)).toEqual(['folder']);
  });

  it.skipIf(process.platform === 'win32')('gives a new file the mode asked for and an existing file keeps its own', async () => {
    const fresh = join(dir, 'secret.json');
    await write(fresh, '{}', { mode: 0o600 });
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
    const shared = join(dir, 'shared.txt');
    writeFileSync(shared, 'old');
    chmodSync(shared, 0o640);
    await write(shared, 'new', { mode: 0o600 });
    expect(statSync(shared).mode & 0o777).toBe(0o640);
  });
});

describe.each(pieceWriters)('%s, content in pieces', (_name, write) => {
  it('writes pieces in order, across the batches it joins strings into', async () => {
    const path = join(dir, 'big.json');
    const big = 'x'.repeat(700_000);
    await write(path, ['[', big, ',', big, Uint8Array.of(0x2c), big, ']']);
    expect(readFileSync(path, 'utf8')).toBe(`[${big},${big},${big}]`);
    expect(readdirSync(dir)).toEqual(['big.json']);
  });

  it('keeps the old file and removes the temporary file when the content fails half-way', async () => {
    const path = join(dir, 'door.json');
    writeFileSync(path, 'old content');
    await expect(write(path, failingAfter(['{"users":[', 'x'.repeat(2_000_000)]))).rejects.toThrow('the renderer failed');
    expect(readFileSync(path, 'utf8')).toBe('old content');
    expect(readdirSync(dir)).toEqual(['door.json']);
  });

});

/** The writers that write with node:fs's synchronous calls (the others are covered through node:fs/promises below). */
const syncCallWriters = writers.filter(([name]) => name !== 'writeFileAtomic');

describe.each(syncCallWriters)('%s on a full disk', (_name, write) => {
  it.skipIf(process.platform !== 'linux')('keeps the old file and removes the temporary file', async () => {
    const path = join(dir, 'reader.json');
    writeFileSync(path, 'old content');
    // /dev/full stands in for a full disk: the write fails after the temporary file was opened.
    const spy = vi.spyOn(fs, 'writeFileSync').mockImplementationOnce(() => fs.writeFileSync('/dev/full', 'x'));
    await expect(write(path, 'new content')).rejects.toMatchObject({ code: 'ENOSPC' });
    spy.mockRestore();
    expect(readFileSync(path, 'utf8')).toBe('old content');
    expect(readdirSync(dir)).toEqual(['reader.json']);
  });
});

describe('writeFileAtomic on a failing disk', () => {
  it('keeps the old file when the disk fills up half-way and removes the temporary file', async () => {
    const path = join(dir, 'a.txt');
    writeFileSync(path, 'old content');
    faults.diskFullAfter = 3;
    await expect(writeFileAtomic(path, 'new content that does not fit')).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readFileSync(path, 'utf8')).toBe('old content');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('keeps the old file when the rename fails', async () => {
    const path = join(dir, 'a.txt');
    writeFileSync(path, 'old content');
    faults.rename = true;
    await expect(writeFileAtomic(path, 'new')).rejects.toMatchObject({ code: 'EXDEV' });
    expect(readFileSync(path, 'utf8')).toBe('old content');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });
});

// Replaces a file so that a reader of the path sees either the old or the new content, never a
// mix, even if the process dies or the disk fills up half-way: write a temporary file next to the
// target, flush it, rename it over the target, then flush the directory so the rename survives a
// power cut. The one writer of the host, the CLI and the virtual reader (docs/decisions.md).

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Permission bits for a new file; an existing file keeps its own. */
  readonly mode?: number;
}

/** The whole content, or pieces of it (a door file with a million users is written as it is rendered). */
export type AtomicContent = string | Uint8Array | Iterable<string | Uint8Array>;

/** Strings are joined into pieces of about this many characters, so a million small pieces are not a million writes. */
const BATCH_CHARS = 1 << 20;

function* batches(content: AtomicContent): Generator<string | Uint8Array> {
  if (typeof content === 'string' || content instanceof Uint8Array) {
    yield content;
    return;
  }
  let pending = '';
  for (const piece of content) {
    if (typeof piece === 'string') {
      pending += piece;
      if (pending.length < BATCH_CHARS) continue;
      yield pending;
    } else {
      if (pending) yield pending;
      yield piece;
    }
    pending = '';
  }
  if (pending) yield pending;
}

/** Same directory as the target, so the rename never crosses file systems; hidden, and unique per call. */
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

function modeFor(existing: fs.Stats | undefined, options: AtomicWriteOptions): number {
  return existing ? existing.mode & 0o7777 : (options.mode ?? 0o666);
}

// Windows cannot open or flush a directory, and a failure here comes after the rename: the new
// content is already in place, so it is not reported as a failed write.
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    await handle.sync().finally(() => handle.close());
  } catch {
    // As durable as the platform makes it.
  }
}

function syncDirectorySync(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // As durable as the platform makes it.
  }
}

export async function writeFileAtomic(path: string, content: AtomicContent, options: AtomicWriteOptions = {}): Promise<void> {
  const temp = tempPathFor(path);
  const mode = modeFor(await stat(path).catch(() => undefined), options);
  let handle;
  try {
    handle = await open(temp, 'wx', mode);
    // writeFile on a handle writes all of a piece at the current position, so pieces follow each other.
    for (const piece of batches(content)) await handle.writeFile(piece);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, path);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
  await syncDirectory(dirname(path));
}

/** The target's current metadata, or undefined when there is none yet. */
function statIfThere(path: string): fs.Stats | undefined {
  try {
    return fs.statSync(path);
  } catch {
    return undefined;
  }
}

/** After a failed write: closes the temporary file if still open and removes it; the target is untouched. */
function abandonTemp(fd: number | undefined, temp: string): void {
  if (fd !== undefined) {
    try {
      fs.closeSync(fd);
    } catch {
      // The write already failed; that error is the one to report.
    }
  }
  fs.rmSync(temp, { force: true });
}

/** Writes the content into a new temporary file with the mode the result must have; returns it open for its flush. */
function writeTemp(path: string, temp: string, content: AtomicContent, options: AtomicWriteOptions): number {
  const fd = fs.openSync(temp, 'wx', modeFor(statIfThere(path), options));
  try {
    for (const piece of batches(content)) fs.writeFileSync(fd, piece);
  } catch (err) {
    abandonTemp(fd, temp);
    throw err;
  }
  return fd;
}

/** Closes the flushed temporary file and moves it over the target. */
function putInPlace(fd: number, temp: string, path: string): void {
  try {
    fs.closeSync(fd);
  } catch (err) {
    abandonTemp(fd, temp);
    throw err;
  }
  try {
    fs.renameSync(temp, path);
  } catch (err) {
    abandonTemp(undefined, temp);
    throw err;
  }
}

/** The same for callers that must not yield before the file is in place (the virtual reader's state). */
export function writeFileAtomicSync(path: string, content: AtomicContent, options: AtomicWriteOptions = {}): void {
  const temp = tempPathFor(path);
  const fd = writeTemp(path, temp, content, options);
  try {
    fs.fsyncSync(fd);
  } catch (err) {
    abandonTemp(fd, temp);
    throw err;
  }
  putInPlace(fd, temp, path);
  syncDirectorySync(dirname(path));
}

/**
 * The same for small files written often while the process serves others (a virtual reader's state
 * at the end of an upload, 64 readers at once in a fleet): the cheap steps (open, write to the page
 * cache, close, rename) run at once, and only the flush to the disk waits in the thread pool. Each
 * step of writeFileAtomic is a trip through the thread pool and back to a busy event loop; at 64
 * readers those nine trips took 60-90 ms per file, this one trip a fraction of that. The directory
 * is flushed afterwards, without holding up the caller: the new content is in place and flushed
 * when the promise resolves, and the rename reaches the disk a moment later.
 */
export async function writeFileAtomicQuick(path: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const temp = tempPathFor(path);
  const fd = writeTemp(path, temp, content, options);
  try {
    await new Promise<void>((resolve, reject) => fs.fsync(fd, (err) => (err ? reject(err) : resolve())));
  } catch (err) {
    abandonTemp(fd, temp);
    throw err;
  }
  putInPlace(fd, temp, path);
  void syncDirectory(dirname(path));
}

// Loads the shared BF3/BEC2 vectors copied byte for byte into test/fixtures/vectors.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fromHex } from '../../../shared/bytes.ts';
import type { ConfigOp } from '../../../shared/bec2/index.ts';

const DIR = fileURLToPath(new URL('../../fixtures/vectors/', import.meta.url));

export function vectorText(name: string): string {
  return readFileSync(DIR + name, 'latin1');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function vectorJson(name: string): any {
  return JSON.parse(readFileSync(DIR + name, 'utf8'));
}

export interface JsonConfigEntry {
  key: number;
  value: number | null;
  hex: string | null;
}

export function toOps(entries: readonly JsonConfigEntry[]): ConfigOp[] {
  return entries.map((e) => ({ key: e.key, value: e.value, content: e.hex === null ? null : fromHex(e.hex) }));
}

/** Ops as comparable plain data (hex strings) for toEqual. */
export function opsAsJson(ops: readonly ConfigOp[]): JsonConfigEntry[] {
  return ops.map((o) => ({
    key: o.key,
    value: o.value,
    hex: o.content === null ? null : Array.from(o.content, (b) => b.toString(16).padStart(2, '0')).join('').toUpperCase(),
  }));
}

export const CRYPTO_KEY = fromHex('2B7E151628AED2A6ABF7158809CF4F3C');
export const SECURITY_CODE = fromHex('C0DEC0DE12345678');
export const SESSION_KEY = fromHex('3A7F5C91E2D84B06A1C3E5F708192B4D');

import fs from 'node:fs';
import path from 'node:path';
import { fromHex, randomBytes, toHex } from '../../shared/bytes.ts';
import { writeFileAtomicQuick, writeFileAtomicSync } from '../../node/files/atomicWrite.ts';
import { factorySettings } from './factorySettings.ts';
import { DEFAULT_PROFILE, PROFILES, type FirmwareProfileName } from '../firmware/profiles.ts';

/**
 * Everything a virtual reader remembers across restarts. Factory data (crypto key, customer key,
 * serial number) survives a factory reset; the configuration, its CSC and the stored version do not
 * (decisions.md, Keys).
 */
export interface ReaderState {
  stateVersion: 1;
  /** Which firmware generation the reader runs; absent in state files from before profiles (= current). */
  profile?: FirmwareProfileName;
  firmware: string;
  serialNumber: string;
  factory: {
    /** The reader's internal AES-128 key for Crypto.BalKeyEncryptBuffer and InitCustKey blocks. */
    cryptoKey: string;
    /** 10 bytes; equals DEFAULT_CUSTOMER_KEY unless a custom key was ordered. */
    customerKey: string;
  };
  /** Configuration values "KKKK/VV" -> hex content. Holds 0202/82 (CSC) once a configuration with project settings arrived. */
  config: Record<string, string>;
  /** Version of the configuration (project settings) accepted last; rollback prevention compares with it. */
  storedVersion: number | null;
  /** Wireless-memory tag in the field, persisted by the tag module. */
  tag?: unknown;
}

/**
 * The simulator's stand-in for BALTECH's default customer key (the real one is not public).
 * A reader holding it accepts files finalized with any customer key.
 */
export const DEFAULT_CUSTOMER_KEY = 'BA17EC0DEFA017C05700';

/** Stands in for the fleet-wide internal key; every virtual reader of a project must share it. */
export const DEFAULT_CRYPTO_KEY = '2B7E151628AED2A6ABF7158809CF4F3C';

export const DEFAULT_FIRMWARE = PROFILES[DEFAULT_PROFILE].firmware;

export interface StateOptions {
  /** Firmware profile; stored in the state, so later starts without it keep the profile. */
  profile?: FirmwareProfileName;
  firmware?: string;
  cryptoKey?: string;
  customerKey?: string;
}

export function stateFile(dir: string): string {
  return path.join(dir, 'reader.json');
}

/** Loads the state of a state directory, creating it (factory-fresh) when it does not exist yet. */
export function loadOrCreateState(dir: string, opts: StateOptions = {}): ReaderState {
  fs.mkdirSync(dir, { recursive: true });
  const file = stateFile(dir);
  let state: ReaderState;
  if (fs.existsSync(file)) {
    state = parseState(fs.readFileSync(file, 'utf8'), file);
  } else {
    const profile = opts.profile ?? DEFAULT_PROFILE;
    state = {
      stateVersion: 1,
      profile,
      firmware: PROFILES[profile].firmware,
      serialNumber: String(10_000_000 + (new DataView(randomBytes(4).buffer).getUint32(0) % 90_000_000)),
      factory: { cryptoKey: DEFAULT_CRYPTO_KEY, customerKey: DEFAULT_CUSTOMER_KEY },
      config: factorySettings(),
      storedVersion: null,
    };
  }
  // Options given on the command line are factory data: they replace what the state held.
  if (opts.profile && opts.profile !== profileOf(state)) {
    // A firmware string that was only the old profile's default follows the profile.
    if (state.firmware === PROFILES[profileOf(state)].firmware) state.firmware = PROFILES[opts.profile].firmware;
    state.profile = opts.profile;
  }
  if (opts.firmware) state.firmware = opts.firmware;
  if (opts.cryptoKey) state.factory.cryptoKey = checkKey(opts.cryptoKey, 16, '--crypto-key');
  if (opts.customerKey) state.factory.customerKey = checkKey(opts.customerKey, 10, '--customer-key');
  saveState(dir, state);
  return state;
}

/** The firmware profile the state runs (state files from before profiles run the current one). */
export function profileOf(state: ReaderState): FirmwareProfileName {
  return state.profile ?? DEFAULT_PROFILE;
}

export function saveState(dir: string, state: ReaderState): void {
  // Synchronous: the reader answers only after what it changed is on disk. Owner-only: it holds keys.
  writeFileAtomicSync(stateFile(dir), JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
}

/** saveState without blocking the process while the disk flushes (other readers of a fleet keep answering). */
export function saveStateAsync(dir: string, state: ReaderState): Promise<void> {
  return writeFileAtomicQuick(stateFile(dir), JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
}

function checkKey(hex: string, bytes: number, option: string): string {
  const clean = hex.replace(/\s/g, '');
  if (!new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`).test(clean)) {
    throw new Error(`${option} takes exactly ${bytes * 2} hex digits (${bytes} bytes)`);
  }
  return toHex(fromHex(clean));
}

function parseState(text: string, file: string): ReaderState {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not valid JSON; restore it or start with an empty state directory`);
  }
  const s = raw as Partial<ReaderState>;
  if (s?.stateVersion !== 1 || typeof s.firmware !== 'string' || !s.factory || typeof s.config !== 'object') {
    throw new Error(`${file} is not a virtual reader state file (version 1); start with an empty state directory`);
  }
  if (s.profile !== undefined && !(s.profile in PROFILES)) {
    throw new Error(`${file} names the firmware profile "${String(s.profile)}", which this simulator does not know; use ${Object.keys(PROFILES).join(' or ')}`);
  }
  return s as ReaderState;
}

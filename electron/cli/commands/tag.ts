// `readerdesk tag ...`: wireless-memory tags through a reader (VHL.Select/Read/Write), and
// `readerdesk sim tag ...`: putting a tag on a virtual reader and taking it away.
// PINs and master PINs are read only from files the user names; they never appear on the command
// line, in output or in an error.

import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { toHex, wipe } from '../../../shared/bytes.ts';
import { MASTER_PIN_FIRST_POSITION, MEMORY_SIZE, PIN_COUNT, SEGMENT_SIZE } from '../../../shared/tag/layout.ts';
import type { ManagementUnit } from '../../../shared/tag/managementUnit.ts';
import { sendControl } from '../../../simulator/control/controlChannel.ts';
import { withSession } from '../../host/readers/openSession.ts';
import { readSecretFile, SecretFileError } from '../../host/tags/pinFile.ts';
import {
  TagLink,
  protectSegment,
  readSegment,
  readTagInfo,
  setPin,
  updateCounter,
  withTag,
  writeHostId,
  writeName,
  writeSegment,
} from '../../host/tags/tagOperations.ts';
import { CliError, type CliIo } from '../io.ts';
import { LINK_OPTIONS, baudArg, checksumArg, portArg } from '../linkOptions.ts';
import type { LinkChecksumKind } from '../../../shared/brp/checksum.ts';
import { simExtensions } from './sim.ts';
import { PIN_FILE_NOTE, SIM_TAG_USAGE } from '../usage.ts';
import { englishText, hostText } from '../../../shared/errors/hostError.ts';
import { errnoOf, fileProblem } from '../../../shared/errors/fileProblem.ts';

type Sub = (argv: string[], io: CliIo) => Promise<number>;

const SUBS: Record<string, Sub> = {
  info: runInfo,
  counter: runCounter,
  'set-pin': runSetPin,
  protect: runProtect,
  read: runRead,
  write: runWrite,
  name: runName,
  'raw-read': runRawRead,
  'raw-write': runRawWrite,
};

export async function runTag(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  const fn = SUBS[sub ?? ''];
  if (!fn) throw new CliError(`use one of: tag ${Object.keys(SUBS).join('|')} (run "readerdesk help" for the options)`);
  return fn(rest, io);
}

// --- argument helpers -------------------------------------------------------------------------

/** parseArgs without echoing what the user typed: a mistyped option may hold a PIN. Every subcommand takes --checksum and --baud. */
function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], sub: string, options: T) {
  try {
    return parseArgs({ args: argv, options: { ...options, ...LINK_OPTIONS }, strict: true, allowPositionals: false }).values;
  } catch (err) {
    const e = err as { code?: string; message: string };
    const opt = e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(-[^'=\s]*)/.exec(e.message)?.[1] : undefined;
    const what = opt ? `the option ${opt} is not known` : 'an option or argument is not valid here';
    throw new CliError(`tag ${sub}: ${what}. ${PIN_FILE_NOTE} Run "readerdesk help" for the options.`);
  }
}

function need(value: string | undefined, flag: string, sub: string): string {
  if (value === undefined || value === '') throw new CliError(`tag ${sub} needs ${flag}`);
  return value;
}

function intArg(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^0x[0-9a-f]+$/i.test(value) ? parseInt(value, 16) : /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new CliError(`${flag} takes a whole number from ${min} to ${max} (decimal or 0x hex)`);
  return n;
}

function hexArg(value: string, flag: string): Uint8Array {
  const clean = value.replace(/[\s:]/g, '');
  if (!/^([0-9a-fA-F]{2})+$/.test(clean)) throw new CliError(`${flag} takes whole bytes as hex digits (e.g. 48656c6c6f)`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

async function secret(file: string | undefined, flag: string, what: string, sub: string): Promise<Uint8Array> {
  try {
    return await readSecretFile(need(file, `${flag} <file>`, sub), what);
  } catch (err) {
    if (err instanceof SecretFileError) throw new CliError(err.message);
    throw err;
  }
}

interface ReaderLink {
  port: string;
  checksum: LinkChecksumKind | undefined;
  baudRate: number | undefined;
}

function readerLink(v: { port?: unknown; checksum?: unknown; baud?: unknown }, sub: string): ReaderLink {
  const port = portArg(need(typeof v.port === 'string' ? v.port : undefined, '--port <p>', sub));
  return { port, checksum: checksumArg(typeof v.checksum === 'string' ? v.checksum : undefined), baudRate: baudArg(typeof v.baud === 'string' ? v.baud : undefined) };
}

async function onTag<T>(reader: ReaderLink, fn: (link: TagLink) => Promise<T>): Promise<T> {
  return withSession(reader.port, (session) => withTag(session, fn), { checksum: reader.checksum, baudRate: reader.baudRate });
}

function pinName(index: number): string {
  return index >= MASTER_PIN_FIRST_POSITION ? `PIN ${index} (master PIN ${index - MASTER_PIN_FIRST_POSITION})` : `PIN ${index}`;
}

export function describeUnit(u: ManagementUnit): string {
  const read = !u.read ? 'no reads' : u.readPin ? `read with ${pinName(u.readPinIndex)}` : 'read open';
  const write = !u.write ? 'no writes' : u.writePin ? `write with ${pinName(u.writePinIndex)}` : 'write open';
  const edit = u.noEdit ? 'locked for good (nE)' : `edit with ${pinName(u.editPinIndex)}`;
  return `${read}, ${write}, ${edit}`;
}

function printable(name: Uint8Array): string {
  let end = name.length;
  while (end > 0 && name[end - 1] === 0) end--;
  const body = name.subarray(0, end);
  if (body.every((b) => b >= 0x20 && b < 0x7f)) return JSON.stringify(new TextDecoder().decode(body));
  return `hex ${toHex(name, false)}`;
}

// --- subcommands -------------------------------------------------------------------------------

async function runInfo(argv: string[], io: CliIo): Promise<number> {
  const v = parse(argv, 'info', { port: { type: 'string' }, json: { type: 'boolean' } });
  const info = await onTag(readerLink(v, 'info'), readTagInfo);
  if (v.json) {
    io.out(JSON.stringify({ ...info, counter: info.counter.toString(), name: toHex(info.name, false) }, null, 2));
    return 0;
  }
  io.out(`Layout:            wireless memory, version ${info.layoutVersion}, ${info.segmentCount} segments x ${info.segmentSize} bytes`);
  io.out(`Roll-back counter: ${info.counter} (usage flag ${info.usageFlagSet ? 'set: advance the counter before the next PIN step' : 'clear'})`);
  io.out(`Master PINs:       ${info.masterPinCount}`);
  io.out(`Name:              ${printable(info.name)}`);
  info.units.forEach((u, s) => io.out(`Segment ${String(s).padStart(2)}:        ${describeUnit(u)}`));
  return 0;
}

async function runCounter(argv: string[], io: CliIo): Promise<number> {
  const v = parse(argv, 'counter', { port: { type: 'string' } });
  const r = await onTag(readerLink(v, 'counter'), updateCounter);
  io.out(`Roll-back counter advanced from ${r.previous} to ${r.counter}; the usage flag is clear.`);
  return 0;
}

async function runSetPin(argv: string[], io: CliIo): Promise<number> {
  const v = parse(argv, 'set-pin', {
    port: { type: 'string' },
    position: { type: 'string' },
    'master-index': { type: 'string' },
    'master-pin-file': { type: 'string' },
    'pin-file': { type: 'string' },
  });
  const port = readerLink(v, 'set-pin');
  const position = intArg(need(v.position, '--position <1..251>', 'set-pin'), '--position', 1, MASTER_PIN_FIRST_POSITION - 1)!;
  const masterIndex = intArg(need(v['master-index'], '--master-index <0..3>', 'set-pin'), '--master-index', 0, 3)!;
  const masterPin = await secret(v['master-pin-file'], '--master-pin-file', 'master PIN', 'set-pin');
  const pin = await secret(v['pin-file'], '--pin-file', 'PIN', 'set-pin').catch((e: unknown) => {
    wipe(masterPin);
    throw e;
  });
  try {
    await onTag(port, (link) => setPin(link, { position, masterIndex, masterPin, pin }));
  } finally {
    wipe(masterPin);
    wipe(pin);
  }
  io.out(`PIN position ${position} now holds the new PIN: transferred under master PIN ${masterIndex} and confirmed by presenting it.`);
  return 0;
}

function pinIndexOrNone(value: string | undefined, flag: string): { on: boolean; index?: number } | undefined {
  if (value === undefined) return undefined;
  if (value === 'none') return { on: false };
  return { on: true, index: intArg(value, flag, 0, PIN_COUNT - 1)! };
}

function allowDeny(value: string | undefined, flag: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'allow' || value === 'deny') return value === 'allow';
  throw new CliError(`${flag} takes allow or deny`);
}

async function runProtect(argv: string[], io: CliIo): Promise<number> {
  const v = parse(argv, 'protect', {
    port: { type: 'string' },
    segment: { type: 'string' },
    'edit-pin-file': { type: 'string' },
    'read-pin': { type: 'string' },
    'write-pin': { type: 'string' },
    read: { type: 'string' },
    write: { type: 'string' },
    'edit-pin': { type: 'string' },
    lock: { type: 'boolean' },
  });
  const port = readerLink(v, 'protect');
  const segment = intArg(need(v.segment, '--segment <n>', 'protect'), '--segment', 0, 15)!;
  const change: Partial<ManagementUnit> = {};
  const readPin = pinIndexOrNone(v['read-pin'], '--read-pin');
  if (readPin) Object.assign(change, readPin.on ? { readPin: true, readPinIndex: readPin.index } : { readPin: false });
  const writePin = pinIndexOrNone(v['write-pin'], '--write-pin');
  if (writePin) Object.assign(change, writePin.on ? { writePin: true, writePinIndex: writePin.index } : { writePin: false });
  const read = allowDeny(v.read, '--read');
  if (read !== undefined) change.read = read;
  const write = allowDeny(v.write, '--write');
  if (write !== undefined) change.write = write;
  const editIndex = intArg(v['edit-pin'], '--edit-pin', 0, PIN_COUNT - 1);
  if (editIndex !== undefined) change.editPinIndex = editIndex;
  if (v.lock) change.noEdit = true;
  if (Object.keys(change).length === 0) {
    throw new CliError('tag protect needs at least one change: --read-pin, --write-pin, --read, --write, --edit-pin or --lock');
  }
  const editPin = await secret(v['edit-pin-file'], '--edit-pin-file', 'edit PIN', 'protect');
  try {
    const { after } = await onTag(port, (link) => protectSegment(link, { segment, change, editPin }));
    io.out(`Segment ${segment}: ${describeUnit(after)}.`);
  } finally {
    wipe(editPin);
  }
  return 0;
}

async function optionalPin(file: string | undefined, sub: string): Promise<Uint8Array | undefined> {
  return file === undefined ? undefined : secret(file, '--pin-file', 'PIN', sub);
}

async function runRead(argv: string[], io: CliIo): Promise<number> {
  const v = parse(argv, 'read', {
    port: { type: 'string' },
    segment: { type: 'string' },
    offset: { type: 'string' },
    length: { type: 'string' },
    'pin-file': { type: 'string' },
  });
  const port = readerLink(v, 'read');
  const segment = intArg(need(v.segment, '--segment <n>', 'read'), '--segment', 0, 15)!;
  const offset = intArg(v.offset, '--offset', 0, SEGMENT_SIZE - 1);
  const length = intArg(v.length, '--length', 1, SEGMENT_SIZE);
  const pin = await optionalPin(v['pin-file'], 'read');
  try {
    const data = await onTag(port, (link) => readSegment(link, { segment, offset, length, pin }));
    io.out(toHex(data, false));
  } finally {
    wipe(pin);
  }
  return 0;
}

async function runWrite(argv: string[], io: CliIo): Promise<number> {
  const v = parse(argv, 'write', {
    port: { type: 'string' },
    segment: { type: 'string' },
    offset: { type: 'string' },
    hex: { type: 'string' },
    'data-file': { type: 'string' },
    'pin-file': { type: 'string' },
  });
  const port = readerLink(v, 'write');
  const segment = intArg(need(v.segment, '--segment <n>', 'write'), '--segment', 0, 15)!;
  const offset = intArg(v.offset, '--offset', 0, SEGMENT_SIZE - 1);
  let data: Uint8Array;
  if (v.hex !== undefined && v['data-file'] === undefined) data = hexArg(v.hex, '--hex');
  else if (v['data-file'] !== undefined && v.hex === undefined) data = await readData(v['data-file']);
  else throw new CliError('tag write needs the data as --hex <hex> or --data-file <file> (one of them)');
  const pin = await optionalPin(v['pin-file'], 'write');
  try {
    await onTag(port, (link) => writeSegment(link, { segment, offset, data, pin }));
  } finally {
    wipe(pin);
  }
  io.out(`Wrote ${data.length} byte${data.length === 1 ? '' : 's'} to segment ${segment} at offset ${offset ?? 0}.`);
  return 0;
}

async function readData(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (e) {
    throw new CliError(`cannot read the data file ${file} (${englishText(fileProblem(errnoOf(e)))}); check the path`);
  }
}

async function runName(argv: string[], io: CliIo): Promise<number> {
  const v = parse(argv, 'name', { port: { type: 'string' }, text: { type: 'string' }, 'host-id': { type: 'string' } });
  const port = readerLink(v, 'name');
  const name = new TextEncoder().encode(need(v.text, '--text <name>', 'name'));
  const hostId = v['host-id'] === undefined ? undefined : new TextEncoder().encode(v['host-id']);
  await onTag(port, async (link) => {
    if (hostId) await writeHostId(link, hostId);
    await writeName(link, name);
  });
  io.out(`The tag is named ${JSON.stringify(v.text)} (written under PIN 0)${hostId ? ` and knows this host as ${JSON.stringify(v['host-id'])} until it leaves the field` : ''}.`);
  return 0;
}

async function runRawRead(argv: string[], io: CliIo): Promise<number> {
  const v = parse(argv, 'raw-read', { port: { type: 'string' }, addr: { type: 'string' }, length: { type: 'string' } });
  const port = readerLink(v, 'raw-read');
  const addr = intArg(need(v.addr, '--addr <a>', 'raw-read'), '--addr', 0, MEMORY_SIZE - 1)!;
  const length = intArg(need(v.length, '--length <n>', 'raw-read'), '--length', 1, MEMORY_SIZE)!;
  const data = await onTag(port, (link) => link.read({ addr, length, what: hostText('tag.step.raw-read', { bytes: length, addr: `0x${addr.toString(16).padStart(4, '0')}` }) }));
  io.out(toHex(data, false));
  return 0;
}

async function runRawWrite(argv: string[], io: CliIo): Promise<number> {
  const v = parse(argv, 'raw-write', { port: { type: 'string' }, addr: { type: 'string' }, hex: { type: 'string' } });
  const port = readerLink(v, 'raw-write');
  const addr = intArg(need(v.addr, '--addr <a>', 'raw-write'), '--addr', 0, MEMORY_SIZE - 1)!;
  const data = hexArg(need(v.hex, '--hex <data>', 'raw-write'), '--hex');
  await onTag(port, (link) => link.write({ addr, data, what: hostText('tag.step.raw-write', { bytes: data.length, addr: `0x${addr.toString(16).padStart(4, '0')}` }) }));
  io.out(`Wrote ${data.length} byte${data.length === 1 ? '' : 's'} at 0x${addr.toString(16).padStart(4, '0')}.`);
  return 0;
}

// --- readerdesk sim tag -------------------------------------------------------------------------

async function runSimTag(argv: string[], io: CliIo): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: { state: { type: 'string' }, place: { type: 'boolean' }, remove: { type: 'boolean' }, 'master-pin': { type: 'string', multiple: true } },
      strict: true,
    }).values;
  } catch {
    throw new CliError(`use:\n${SIM_TAG_USAGE}`);
  }
  if (!values.state) throw new CliError('sim tag needs --state <dir> of a running virtual reader');
  if (values.place === values.remove) throw new CliError('sim tag needs exactly one of --place or --remove');
  if (values.remove) {
    if (values['master-pin']) throw new CliError('--master-pin goes with --place, when a new tag is made');
    const answer = await sendControl(values.state, { op: 'tag-remove' });
    if (!answer.ok) throw new CliError(answer.message);
    io.out(answer.message);
    return 0;
  }
  const masterPins = (values['master-pin'] ?? []).map((spec) => {
    const m = /^(\d)=([0-9a-fA-F]{32})$/.exec(spec.trim());
    if (!m) throw new CliError('--master-pin takes <index>=<32 hex digits>, e.g. 0=00112233445566778899aabbccddeeff');
    return { index: Number(m[1]), hex: m[2]! };
  });
  const answer = await sendControl(values.state, { op: 'tag-place', masterPins: masterPins.length ? masterPins : undefined });
  if (!answer.ok) throw new CliError(answer.message);
  io.out(answer.message);
  return 0;
}

simExtensions.set('tag', runSimTag);

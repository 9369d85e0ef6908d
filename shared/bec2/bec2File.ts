// The BEC2 image: "BEC2\0", auth blocks (tag, length, value) ended by 00 00, then a BF3
// directory and payloads whose MACs use the session key the auth blocks transport.
// Reading happens in steps, because the reader decides which auth block it can open:
// parse the structure, open an auth block to get the session key, then verify and decrypt.

import { bytesEqual, concatBytes } from '../bytes.ts';
import {
  type Bf3Component,
  type Bf3Entry,
  DescTag,
  descriptionValue,
  encodeBf3Body,
  openBf3Components,
  parseBf3Directory,
} from './bf3Directory.ts';
import { type ConfigOp, decodeConfigBlocks, decodeConfigPayload } from './configBlocks.ts';
import { type OpenedInitCustKey, openInitCustKeyBlock } from './customerKeyBlock.ts';
import { type EccRecipientKey, openInitEccBlock } from './eccBlock.ts';
import { type AuthBlockKind, Bec2FormatError, Bec2InputError } from './errors.ts';
import { type FileComment, readTextContainer } from './text.ts';
import { type OpenedUpdate, openUpdateBlock } from './updateBlock.ts';

export const BEC2_SIGNATURE = Uint8Array.of(0x42, 0x45, 0x43, 0x32, 0x00);

export const AuthTag = { INIT_CUST_KEY: 0x01, UPDATE: 0x02, INIT_ECC: 0x03 } as const;

/** An auth block as stored; unknown tags are kept opaque. */
export interface AuthBlock {
  tag: number;
  value: Uint8Array;
}

export interface Bec2Image {
  comments: FileComment[];
  binary: Uint8Array;
  authBlocks: AuthBlock[];
  /** Directory entries, structurally checked but not yet authenticated. */
  entries: Bf3Entry[];
}

export function encodeBec2Binary(authBlocks: readonly AuthBlock[], components: readonly Bf3Component[], sessionKey: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [BEC2_SIGNATURE];
  const tags = new Set<number>();
  for (const { tag, value } of authBlocks) {
    if (!Number.isInteger(tag) || tag < 1 || tag > 0xff) throw new Bec2InputError(`auth block tag ${tag} is invalid; use 01..FF`);
    if (tags.has(tag)) throw new Bec2InputError(`auth block tag ${tag} appears twice; a file holds one block per tag`);
    if (value.length > 0xff) throw new Bec2InputError(`auth block ${tag} has ${value.length} bytes; at most 255 fit`);
    tags.add(tag);
    parts.push(Uint8Array.of(tag, value.length), value);
  }
  parts.push(Uint8Array.of(0, 0));
  const header = concatBytes(...parts);
  return concatBytes(header, encodeBf3Body(components, sessionKey, header.length));
}

export function parseBec2Binary(binary: Uint8Array, comments: FileComment[] = []): Bec2Image {
  if (binary.length < BEC2_SIGNATURE.length || !bytesEqual(binary.subarray(0, BEC2_SIGNATURE.length), BEC2_SIGNATURE)) {
    throw new Bec2FormatError('format', 'the data does not start with the BEC2 signature "BEC2\\0"; it is not a BEC2 file');
  }
  const authBlocks: AuthBlock[] = [];
  let pos = BEC2_SIGNATURE.length;
  for (;;) {
    if (pos + 2 > binary.length) throw new Bec2FormatError('format', 'the BEC2 auth blocks are not ended by 00 00');
    const tag = binary[pos]!;
    const len = binary[pos + 1]!;
    pos += 2;
    if (tag === 0 && len === 0) break;
    if (tag === 0) throw new Bec2FormatError('format', 'a BEC2 auth block has tag 00, which is reserved for the end marker');
    if (pos + len > binary.length) throw new Bec2FormatError('format', `auth block ${tag} runs past the end of the file`);
    if (authBlocks.some((b) => b.tag === tag)) throw new Bec2FormatError('format', `auth block ${tag} appears twice`);
    authBlocks.push({ tag, value: binary.slice(pos, pos + len) });
    pos += len;
  }
  return { comments, binary, authBlocks, entries: parseBf3Directory(binary, pos) };
}

export function parseBec2File(text: string): Bec2Image {
  const { comments, binary } = readTextContainer(text);
  return parseBec2Binary(binary, comments);
}

const KIND_NAMES: Record<AuthBlockKind, [tag: number, label: string]> = {
  'init-cust-key': [AuthTag.INIT_CUST_KEY, 'InitCustKey'],
  update: [AuthTag.UPDATE, 'Update'],
  'init-ecc': [AuthTag.INIT_ECC, 'InitEcc'],
};

export function hasAuthBlock(image: Bec2Image, kind: AuthBlockKind): boolean {
  return image.authBlocks.some((b) => b.tag === KIND_NAMES[kind][0]);
}

function authBlockValue(image: Bec2Image, kind: AuthBlockKind): Uint8Array {
  const [tag, label] = KIND_NAMES[kind];
  const block = image.authBlocks.find((b) => b.tag === tag);
  if (!block) throw new Bec2FormatError('missing-auth-block', `the file has no ${label} auth block`, kind);
  return block.value;
}

/** Opens InitCustKey with the reader's internal crypto key. */
export function openBec2InitCustKey(image: Bec2Image, cryptoKey: Uint8Array): OpenedInitCustKey {
  return openInitCustKeyBlock(authBlockValue(image, 'init-cust-key'), cryptoKey);
}

/** Opens Update with the config security code the reader holds. */
export function openBec2Update(image: Bec2Image, securityCode: Uint8Array): OpenedUpdate {
  return openUpdateBlock(authBlockValue(image, 'update'), securityCode);
}

export function openBec2InitEcc(image: Bec2Image, recipient: EccRecipientKey): Promise<Uint8Array> {
  return openInitEccBlock(authBlockValue(image, 'init-ecc'), recipient);
}

/** Verifies every MAC with the session key and returns the components, decrypted. */
export function openBec2Components(image: Bec2Image, sessionKey: Uint8Array): Bf3Component[] {
  return openBf3Components(image.binary, image.entries, sessionKey);
}

export function isConfigurationComponent(c: Bf3Component): boolean {
  const type = descriptionValue(c.description, DescTag.TYPE);
  return type !== undefined && type.length === 1 && type[0] === 0x03;
}

/** The configuration operations of a (verified) component list, or null if there is no configuration component. */
export function configurationOf(components: readonly Bf3Component[]): ConfigOp[] | null {
  const c = components.find(isConfigurationComponent);
  if (!c) return null;
  const fmt = descriptionValue(c.description, DescTag.FMT);
  if (fmt !== undefined && !(fmt.length === 1 && fmt[0] === 0x03)) {
    throw new Bec2FormatError('config', 'the configuration component is not in TLV format (FMT must be 03)');
  }
  return decodeConfigBlocks(decodeConfigPayload(c.data));
}

/** MAC check, decryption and TLV parsing in one step. */
export function readBec2Configuration(image: Bec2Image, sessionKey: Uint8Array): ConfigOp[] | null {
  return configurationOf(openBec2Components(image, sessionKey));
}

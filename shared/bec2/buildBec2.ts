// Writing a configuration BEC2 the way the reference does (same bytes for the same inputs),
// with the InitCustKey ciphertext supplied by an external sealer: normally the reader itself
// via Crypto.BalKeyEncryptBuffer, so the customer key never leaves it.

import { randomBytes } from '../bytes.ts';
import { type Bf3Component, DescTag, ENC_SESSION_KEY } from './bf3Directory.ts';
import { type AuthBlock, AuthTag, encodeBec2Binary, isConfigurationComponent } from './bec2File.ts';
import { type ConfigOp, encodeConfigBlocks, encodeConfigPayload } from './configBlocks.ts';
import { configValue, configVersionId, deriveConfigComments } from './configId.ts';
import {
  checkSessionKey,
  type CustomerKeySealer,
  INIT_CUST_KEY_EMBEDDED_KEY_POS,
  initCustKeyPlainFrame,
} from './customerKeyBlock.ts';
import { type EccEphemeralAgreement, sealInitEccBlock } from './eccBlock.ts';
import { Bec2InputError } from './errors.ts';
import { type FileComment, type LineEnding, writeTextContainer } from './text.ts';
import { sealUpdateBlock } from './updateBlock.ts';

export const CONFIG_SECURITY_CODE = { key: 0x0202, value: 0x82 } as const;

export interface EccInitOptions {
  keySelector: number;
  agreement: EccEphemeralAgreement;
  /** Defaults to BALTECH's published key for the selector; set it for test keys. */
  recipientPublicKey?: Uint8Array;
}

export interface BuildBec2Options {
  config: readonly ConfigOp[];
  /** 16 bytes; a fresh random key when omitted. */
  sessionKey?: Uint8Array;
  /** InitCustKey block (customer-key readers). Give exactly one of `sealer` and `ecc`. */
  sealer?: CustomerKeySealer;
  /** InitEcc block (readers without a customer key). */
  ecc?: EccInitOptions;
  /** The security code that keys the Update block; defaults to the configuration's 0202/82. */
  securityCode?: Uint8Array;
  /** The Update block's version; defaults to the ConfigId version (project, then device settings). */
  version?: number;
  /** Comments in front of the derived Configuration / DeviceSettings / RequiresBusAddress ones. */
  comments?: readonly FileComment[];
  /** Further components (e.g. firmware); the configuration component always comes last. */
  components?: readonly Bf3Component[];
  lineEnding?: LineEnding;
}

export interface BuiltBec2 {
  text: string;
  binary: Uint8Array;
  comments: FileComment[];
}

/** C3=03 TYPE configuration, C2=02 session key, C1=03 TLV, C5=01 reboot: the reference's order. */
export function configurationComponent(config: readonly ConfigOp[]): Bf3Component {
  return {
    description: [
      { tag: DescTag.TYPE, value: Uint8Array.of(0x03) },
      { tag: DescTag.ENC, value: Uint8Array.of(ENC_SESSION_KEY) },
      { tag: DescTag.FMT, value: Uint8Array.of(0x03) },
      { tag: DescTag.REBOOT, value: Uint8Array.of(0x01) },
    ],
    data: encodeConfigPayload(encodeConfigBlocks(config)),
  };
}

export async function buildBec2(options: BuildBec2Options): Promise<BuiltBec2> {
  const { config, sealer, ecc } = options;
  if ((sealer === undefined) === (ecc === undefined)) {
    throw new Bec2InputError('a BEC2 file needs exactly one initial auth block: give either a customer-key sealer or ECC options');
  }
  if (options.components?.some(isConfigurationComponent)) {
    throw new Bec2InputError('the extra components already contain a configuration component; pass the configuration as `config` only');
  }
  const sessionKey = options.sessionKey ? new Uint8Array(options.sessionKey) : randomBytes(16);
  checkSessionKey(sessionKey);
  try {
    // Everything that can fail on bad input is done before the sealer (maybe a reader) is asked.
    const components = [...(options.components ?? []), configurationComponent(config)];
    const comments = deriveConfigComments(options.comments ?? [], config);
    const update = updateBlock(options, sessionKey);

    const blocks: AuthBlock[] = [];
    if (sealer) {
      const frame = initCustKeyPlainFrame(sessionKey);
      const sealed = await sealer.seal(frame, INIT_CUST_KEY_EMBEDDED_KEY_POS);
      frame.fill(0);
      if (sealed.length !== frame.length) {
        throw new Bec2InputError(`the customer-key sealer returned ${sealed.length} bytes instead of ${frame.length}`);
      }
      blocks.push({ tag: AuthTag.INIT_CUST_KEY, value: sealed });
    } else if (ecc) {
      blocks.push({ tag: AuthTag.INIT_ECC, value: await sealInitEccBlock(sessionKey, ecc.keySelector, ecc.agreement, ecc.recipientPublicKey) });
    }
    if (update) blocks.push(update);

    const binary = encodeBec2Binary(blocks, components, sessionKey);
    return { binary, comments, text: writeTextContainer(comments, binary, options.lineEnding) };
  } finally {
    sessionKey.fill(0);
  }
}

/**
 * The reference adds an Update block when the configuration has a security code and a ConfigId.
 * An explicit security code or version asks for one as well (version 0 if nothing else is known).
 */
function updateBlock(options: BuildBec2Options, sessionKey: Uint8Array): AuthBlock | null {
  const code = options.securityCode ?? configValue(options.config, CONFIG_SECURITY_CODE.key, CONFIG_SECURITY_CODE.value);
  if (code === undefined) {
    if (options.version !== undefined) {
      throw new Bec2InputError('a version was given but there is no config security code (0202/82) to seal the Update block with');
    }
    return null;
  }
  const id = configVersionId(options.config);
  if (options.securityCode === undefined && options.version === undefined && id === null) return null;
  return { tag: AuthTag.UPDATE, value: sealUpdateBlock(code, sessionKey, options.version ?? id?.version ?? 0) };
}

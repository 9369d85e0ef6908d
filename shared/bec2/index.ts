// Public API of the BF3/BEC2 file format. See docs/bec2.md.

export { Bec2FormatError, Bec2InputError, type Bec2FailureReason, type AuthBlockKind } from './errors.ts';
export { readTextContainer, writeTextContainer, type FileComment, type TextContainer, type LineEnding } from './text.ts';
export {
  DescTag,
  ENC_SESSION_KEY,
  descriptionValue,
  isEncryptedBySessionKey,
  encodeBf3Body,
  parseBf3Directory,
  openBf3Components,
  type DescriptionTag,
  type Bf3Component,
  type Bf3Entry,
} from './bf3Directory.ts';
export { BF3_SIGNATURE, BF3_DEFAULT_KEY, encodeBf3Binary, decodeBf3Binary, writeBf3File, readBf3File, type Bf3File } from './bf3File.ts';
export {
  MAX_TLV_BLOCK_LENGTH,
  MAX_VALUE_CONTENT_LENGTH,
  configOpId,
  sortConfigOps,
  encodeConfigBlocks,
  decodeConfigBlocks,
  encodeConfigPayload,
  decodeConfigPayload,
  type ConfigOp,
} from './configBlocks.ts';
export {
  ConfigIdValue,
  configValue,
  projectSettingsId,
  deviceSettingsId,
  configVersionId,
  formatConfigId,
  parseConfigId,
  deriveConfigComments,
  type ConfigId,
} from './configId.ts';
export { buildBFrame, sealBContainer, openBContainer, bFramePayloadRange, writeBFrameCrc } from './bContainer.ts';
export {
  CUSTOMER_KEY_LENGTH,
  SESSION_KEY_LENGTH,
  INIT_CUST_KEY_EMBEDDED_KEY_POS,
  initCustKeyPlainFrame,
  sealFrameWithEmbeddedKey,
  softwareCustomerKeySealer,
  openInitCustKeyBlock,
  type CustomerKeySealer,
  type OpenedInitCustKey,
} from './customerKeyBlock.ts';
export { securityCodeKey, sealUpdateBlock, openUpdateBlock, type OpenedUpdate } from './updateBlock.ts';
export {
  BALTECH_ECC_PUBLIC_KEYS,
  sealInitEccBlock,
  parseInitEccBlock,
  openInitEccBlock,
  type EccEphemeralAgreement,
  type EccRecipientKey,
  type InitEccBlock,
} from './eccBlock.ts';
export {
  BEC2_SIGNATURE,
  AuthTag,
  encodeBec2Binary,
  parseBec2Binary,
  parseBec2File,
  hasAuthBlock,
  openBec2InitCustKey,
  openBec2Update,
  openBec2InitEcc,
  openBec2Components,
  isConfigurationComponent,
  configurationOf,
  readBec2Configuration,
  type AuthBlock,
  type Bec2Image,
} from './bec2File.ts';
export { CONFIG_SECURITY_CODE, configurationComponent, buildBec2, type BuildBec2Options, type BuiltBec2, type EccInitOptions } from './buildBec2.ts';

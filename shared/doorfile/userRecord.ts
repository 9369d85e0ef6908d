// One user record of a door file, before sorting and encryption.

import type { Credential } from './credential.ts';

/** The record keeps the user reference in 20 bits. */
export const MAX_USER_ID = 0xfffff;
/** The attribute byte: 0 is "normal"; other function codes are passed through unchanged. */
export const ATTRIBUTE_NORMAL = 0;
/** Schedule 0 means the credential is not limited to a time schedule. */
export const NO_SCHEDULE = 0;

export interface UserRecord {
  /** CSV line the record came from; 0 for records not read from a CSV file. */
  line: number;
  userId: number;
  primary: Credential;
  secondary: Credential | null;
  active: boolean;
  attribute: number;
  /** YYYYMMDDHHMMSS. */
  activation: string;
  /** YYYYMMDDHHMMSS. */
  expiration: string;
  schedule: number;
}

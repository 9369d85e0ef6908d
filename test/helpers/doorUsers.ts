import type { UserRecord } from '../../shared/doorfile/userRecord.ts';

/** A door-file user from CSV line `line` with this primary credential: no second one, active, valid 2000–2179, no schedule. */
export function userWith(line: number, userId: number, primary: UserRecord['primary']): UserRecord {
  return {
    line,
    userId,
    primary,
    secondary: null,
    active: true,
    attribute: 0,
    activation: '20000101000000',
    expiration: '21790606235959',
    schedule: 0,
  };
}

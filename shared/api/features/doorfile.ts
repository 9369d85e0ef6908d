// Doorfile slice of the ReaderDesk API: methods, their parameter schemas and the events they send.
// Every method added to DoorfileApi needs an entry in DOORFILE_PARAMS (validated by the host before it runs).

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DoorfileApi {}

export const DOORFILE_PARAMS = {} as const;

export type DoorfileEvent = never;

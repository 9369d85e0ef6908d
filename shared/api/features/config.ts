// Config slice of the ReaderDesk API: methods, their parameter schemas and the events they send.
// Every method added to ConfigApi needs an entry in CONFIG_PARAMS (validated by the host before it runs).

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ConfigApi {}

export const CONFIG_PARAMS = {} as const;

export type ConfigEvent = never;

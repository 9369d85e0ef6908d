// Events slice of the ReaderDesk API: methods, their parameter schemas and the events they send.
// Every method added to EventsApi needs an entry in EVENTS_PARAMS (validated by the host before it runs).

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EventsApi {}

export const EVENTS_PARAMS = {} as const;

export type EventsEvent = never;

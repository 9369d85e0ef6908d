// Tags slice of the ReaderDesk API: methods, their parameter schemas and the events they send.
// Every method added to TagsApi needs an entry in TAGS_PARAMS (validated by the host before it runs).

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TagsApi {}

export const TAGS_PARAMS = {} as const;

export type TagsEvent = never;

// Deploy slice of the ReaderDesk API: methods, their parameter schemas and the events they send.
// Every method added to DeployApi needs an entry in DEPLOY_PARAMS (validated by the host before it runs).

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DeployApi {}

export const DEPLOY_PARAMS = {} as const;

export type DeployEvent = never;

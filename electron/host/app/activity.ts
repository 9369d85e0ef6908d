// What the user did to a reader (deploy, finalize, factory reset), told to the event log so that it
// stands next to tamper alarms and connection events.

export interface ReaderActivity {
  kind: 'deploy' | 'finalize' | 'factory-reset';
  readerId: string | null;
  address: string;
  time: number;
  /** Whether it did what was asked. */
  ok: boolean;
  /** An English sentence for exports: what was done, with which file or configuration. */
  details: string;
  /** The result's reason code (deploy) or the error sentence, where there is one. */
  reason: string | null;
}

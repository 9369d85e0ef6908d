import { englishText } from '../../../shared/errors/hostError.ts';
import type { HostText } from '../../../shared/errors/hostText.ts';

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
  /** `details` as a catalogue text (activity.*), for the UI's language. */
  detailsText: HostText;
  /** The result's reason code (deploy) or the error sentence, where there is one. */
  reason: string | null;
}

/** An activity's details: the English sentence for exports and the same as a text for the UI. */
export function activityDetails(text: HostText): { details: string; detailsText: HostText } {
  return { details: englishText(text), detailsText: text };
}

// The English sentence for a reader that cannot report tamper alarms over BRP, shared by the event
// log (exports) and the CLI. The UI words the same reasons itself (renderer i18n).

import type { TamperReporting } from '../../../shared/api/contract.ts';

export type TamperUnavailableReason = Exclude<TamperReporting, 'available'>;

const WHY: Record<TamperUnavailableReason, string> = {
  'autoread-disabled': 'Autoread is switched off in its configuration (AR.ErrArDisabled); deploy a configuration with Autoread to get tamper alarms.',
  'not-supported': 'its firmware does not know AR.GetMessage.',
};

export function tamperUnavailableSentence(reason: TamperUnavailableReason): string {
  const why = WHY[reason];
  return `This reader cannot report tamper alarms over BRP, so ReaderDesk will not see its housing being opened: ${why[0]!.toLowerCase()}${why.slice(1)}`;
}

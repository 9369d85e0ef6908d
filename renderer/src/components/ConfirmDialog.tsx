// The one yes/no question of the app (replace a file, leave unsaved work): a modal dialog with
// focus inside, Esc answering no, and focus back where it was afterwards.

import * as Dialog from '@radix-ui/react-dialog';
import { answerConfirm, restoreFocus, useDialogs } from '../stores/dialogs.ts';

export function ConfirmDialog() {
  const request = useDialogs((s) => s.confirm);
  return (
    <Dialog.Root open={request !== null} onOpenChange={(open) => !open && answerConfirm(false)}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog confirm-dialog" data-testid="confirm-dialog" onCloseAutoFocus={restoreFocus}>
          <Dialog.Title className="dialog-title">{request?.title}</Dialog.Title>
          <Dialog.Description className="dialog-text">{request?.text}</Dialog.Description>
          <div className="dialog-actions">
            <button type="button" onClick={() => answerConfirm(false)} autoFocus>
              {request?.cancel}
            </button>
            <button type="button" className={request?.danger ? 'danger primary' : 'primary'} onClick={() => answerConfirm(true)}>
              {request?.confirm}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A native modal <dialog>: focus stays inside, Escape closes it, and the page behind is inert.
 * `onClose` runs however it closes (Escape, a button calling it, the component unmounting).
 */
export function ModalDialog({ labelledBy, onClose, className, children }: { labelledBy: string; onClose: () => void; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (!d.open) d.showModal();
    const onCancel = (e: Event) => {
      e.preventDefault();
      closeRef.current();
    };
    d.addEventListener('cancel', onCancel);
    return () => {
      d.removeEventListener('cancel', onCancel);
      if (d.open) d.close();
    };
  }, []);
  return (
    <dialog ref={ref} aria-labelledby={labelledBy} className={`deploy-dialog ${className ?? ''}`}>
      {children}
    </dialog>
  );
}

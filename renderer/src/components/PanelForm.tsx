import { useId, type ReactNode } from 'react';

/**
 * A panel that is one form, named by its heading: screen readers (and the e2e tests) find it by that
 * name. Submitting runs the action in place of a page load.
 */
export function PanelForm({ heading, onSubmit, className, children }: { heading: ReactNode; onSubmit: () => unknown; className?: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <form
      className={className ? `panel ${className}` : 'panel'}
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      <h3 id={headingId}>{heading}</h3>
      {children}
    </form>
  );
}

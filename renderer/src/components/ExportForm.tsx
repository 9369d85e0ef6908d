import { useEffect, useState, type ReactNode } from 'react';
import type { ExportKind } from '../../../shared/api/features/events.ts';
import { useApi } from '../api/apiContext.ts';
import { errorText } from '../lib/errorText.ts';
import { withReplaceConsent } from '../lib/files.ts';
import { FilePathField } from './FilePathField.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

/** A path field prefilled with a suggestion from the host, a button, and the outcome as a sentence. */
export function ExportForm(props: {
  id: string;
  kind: ExportKind;
  pathLabel: string;
  button: string;
  busyLabel: string;
  run: (path: string) => Promise<string>;
  children?: ReactNode;
}) {
  const api = useApi();
  const { kind } = props;
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.suggestExportPath(kind).then(
      (p) =>
        live &&
        setPath((current) => {
          if (!current) return p;
          // Keep what the user typed; only follow a format change in the extension.
          return current.replace(/\.(csv|json)$/i, p.slice(p.lastIndexOf('.')));
        }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, kind]);

  return (
    <form
      className="export-form"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setDone(null);
        setError(null);
        // A file that is there is replaced only after the user said yes.
        withReplaceConsent(api, 'report', () => props.run(path.trim())).then(
          (msg) => msg !== undefined && setDone(msg),
          (err: unknown) => setError(errorText(err)),
        ).finally(() => setBusy(false));
      }}
    >
      <div className="row">
        <FilePathField className="grow" label={props.pathLabel} value={path} onChange={setPath} purpose="save" kind="report" onError={(err) => setError(errorText(err))} />
        {props.children}
        <button type="submit" disabled={busy || !path.trim()}>
          {busy ? props.busyLabel : props.button}
        </button>
      </div>
      {done && (
        <p role="status" className="ok">
          {done}
        </p>
      )}
      <ErrorAlert message={error} />
    </form>
  );
}

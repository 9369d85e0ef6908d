import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Balcfg, ConfigIdentity } from '../../../../shared/config/balcfg.ts';
import { setIdentity } from '../../../../shared/config/model.ts';
import { appStores, useConfigDocument } from '../../stores/appStores.ts';
import { errorText, modelSentence } from '../../lib/errorText.ts';

type Field = keyof ConfigIdentity;
type Draft = Record<Field, string>;

const FIELDS: readonly { field: Field; label: string; numeric: boolean; size: number }[] = [
  { field: 'name', label: 'config.file.name', numeric: false, size: 28 },
  { field: 'customer', label: 'config.file.customer', numeric: true, size: 6 },
  { field: 'project', label: 'config.file.project', numeric: true, size: 5 },
  { field: 'device', label: 'config.file.device', numeric: true, size: 5 },
];

function toDraft(id: ConfigIdentity): Draft {
  return { name: id.name, customer: String(id.customer), project: String(id.project), device: String(id.device) };
}

/** The identity as one comparable string. */
function identityKey(id: ConfigIdentity): string {
  return JSON.stringify([id.name, id.customer, id.project, id.device]);
}

function sameAsDraft(id: ConfigIdentity, d: Draft): boolean {
  const now = toDraft(id);
  return FIELDS.every(({ field }) => now[field] === d[field]);
}

/**
 * Applies the typed identity to the open document (one undo step), as "Apply" does; Ctrl+S and
 * Save call it before saving. False when a field is wrong: its sentence then stands next to it.
 */
export function applyIdentityDraft(t: (key: string) => string): boolean {
  const store = appStores.configDocument.getState();
  const draft = store.identityDraft;
  if (!draft || !store.present) return true;
  const found: Partial<Record<Field, string>> = {};
  const patch: { -readonly [K in Field]?: ConfigIdentity[K] } = { name: draft.name };
  for (const field of ['customer', 'project', 'device'] as const) {
    const text = draft[field].trim();
    if (text !== '' && !/^\d+$/.test(text)) found[field] = t('config.identity.wholeNumber');
    // An empty field goes to the model as missing, so its sentence says so.
    else patch[field] = text === '' ? undefined : Number(text);
  }
  if (Object.keys(found).length > 0) {
    store.setIdentityDraft(draft, found);
    return false;
  }
  try {
    store.edit((cfg) => setIdentity(cfg, patch));
    appStores.configDocument.getState().setIdentityDraft(null);
    return true;
  } catch (err) {
    // The model names the field ("configId.customer"); its sentence goes next to that field.
    const named = err && typeof err === 'object' && 'field' in err ? String(err.field).split('.')[1] : undefined;
    const field = FIELDS.find((x) => x.field === named)?.field ?? 'name';
    const sentence = modelSentence(err) ?? errorText(err);
    store.setIdentityDraft(draft, { [field]: sentence });
    return false;
  }
}

/**
 * Name and numbers of the project settings. Changes go through the editor (one undo step per
 * "Apply") and the model's setIdentity, which keeps the AdminData values in step and validates.
 * What is typed lives in the document's store: it counts as unsaved and survives leaving the page.
 */
export function IdentityForm(props: { cfg: Balcfg; frozen: boolean }) {
  const { t } = useTranslation();
  const ids = useId();
  const current = props.cfg.configId;
  const doc = useConfigDocument();
  const draft: Draft = doc.identityDraft ?? toDraft(current);
  const errors = doc.identityErrors ?? {};
  const setDraft = (next: Draft) => appStores.configDocument.getState().setIdentityDraft(sameAsDraft(current, next) ? null : next);
  /** Back to what the document says: nothing typed, nothing wrong. */
  const reset = () => appStores.configDocument.getState().setIdentityDraft(null, {});
  // Undo, redo or another file replace the identity: the fields follow it (coming back to the page keeps
  // what was typed). Compared by content: a document read again (after a save, or when it finishes
  // loading) brings a new but equal identity, and that must not throw away what is being typed.
  const currentKey = identityKey(current);
  const shown = useRef(currentKey);
  useEffect(() => {
    if (shown.current === currentKey) return;
    shown.current = currentKey;
    appStores.configDocument.getState().setIdentityDraft(null);
  }, [currentKey]);

  const changed = doc.identityDraft != null;
  const apply = () => applyIdentityDraft(t);

  return (
    <form
      className="cfg-identity"
      onSubmit={(e) => {
        e.preventDefault();
        if (changed) apply();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && changed) {
          reset();
        }
      }}
    >
      <fieldset disabled={props.frozen}>
        <legend>{t('config.identity.title')}</legend>
        <p className="muted small" id={`${ids}-help`}>
          {props.frozen ? t('config.identity.frozen') : t('config.identity.help')}
        </p>
        <div className="cfg-identity-fields">
          {FIELDS.map(({ field, label, numeric, size }) => {
            const inputId = `${ids}-${field}`;
            const errorId = `${ids}-${field}-error`;
            const error = errors[field];
            return (
              <div key={field} className="cfg-identity-field">
                <label htmlFor={inputId}>{t(label)}</label>
                <input
                  id={inputId}
                  value={draft[field]}
                  size={size}
                  maxLength={numeric ? 6 : 128}
                  inputMode={numeric ? 'numeric' : undefined}
                  spellCheck={false}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
                />
                {error && (
                  <span id={errorId} role="alert" className="error small">
                    {t(label)}: {error}
                  </span>
                )}
              </div>
            );
          })}
        </div>
        <div className="row">
          <button type="submit" disabled={!changed}>
            {t('config.identity.apply')}
          </button>
          <button
            type="button"
            disabled={!changed}
            onClick={() => {
              reset();
            }}
          >
            {t('config.identity.revert')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

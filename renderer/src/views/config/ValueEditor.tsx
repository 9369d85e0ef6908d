import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromHex } from '../../../../shared/bytes.ts';
import type { Balcfg } from '../../../../shared/config/balcfg.ts';
import { CATALOGUE, describeValue, formatValue, parseTypedValue, type ValueDescription } from '../../../../shared/config/catalogue.ts';
import { catalogueText, valueWords } from '../../lib/valueWords.ts';
import { deleteValue, setValue } from '../../../../shared/config/model.ts';
import { whyManaged } from '../../../../shared/config/adminValues.ts';
import { normalizeValueId } from '../../../../shared/config/valueId.ts';
import { errorText } from '../../lib/errorText.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

export type EditTarget = { mode: 'add' } | { mode: 'edit'; id: string };

/** Ids a person can pick when adding a value: single catalogue entries that are not managed by the header. */
const SUGGESTIONS = CATALOGUE.filter((d) => !d.id.includes('-') && !whyManaged(d.id));

/** Text for the input from stored content: what formatValue shows, without units and labels' numbers. */
function editText(d: ValueDescription, hex: string): string {
  const bytes = fromHex(hex);
  switch (d.type) {
    case 'u8':
    case 'u16':
    case 'u32': {
      let n = 0;
      for (const b of bytes) n = n * 256 + b;
      return String(n);
    }
    case 'bool':
      return bytes[0] === 1 ? 'True' : 'False';
    case 'enum':
      return d.labels?.[bytes[0]!] ?? String(bytes[0] ?? '');
    case 'ascii':
      return String.fromCharCode(...bytes);
    default:
      return hex.replace(/(..)(?!$)/g, '$1 ');
  }
}

function hint(d: ValueDescription, t: (k: string, o?: Record<string, unknown>) => string): string {
  switch (d.type) {
    case 'u8':
    case 'u16':
    case 'u32':
      return t('config.editor.hintNumber', { min: d.range?.min ?? 0, max: d.range?.max ?? 2 ** ({ u8: 8, u16: 16, u32: 32 }[d.type]) - 1, unit: d.unit ?? '' });
    case 'bool':
      return t('config.editor.hintBool');
    case 'enum':
      return t('config.editor.hintEnum');
    case 'ascii':
      return t('config.editor.hintAscii');
    default:
      return d.sizes ? t('config.editor.hintHexSizes', { sizes: d.sizes.join(' / ') }) : t('config.editor.hintHex');
  }
}

export function ValueEditor(props: {
  cfg: Balcfg;
  target: EditTarget;
  reveal: boolean;
  onApply: (fn: (cfg: Balcfg) => Balcfg) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const listId = useId();
  const contentId = useId();
  const editing = props.target.mode === 'edit' ? props.target.id : null;
  const [idText, setIdText] = useState(editing ?? '');
  const canonical = normalizeValueId(idText.trim());
  const desc = useMemo(() => (canonical ? describeValue(canonical) : null), [canonical]);
  const existing = canonical ? props.cfg.values.find((v) => v.id === canonical) : undefined;
  // A masked secret never enters the input: the user types a replacement instead.
  const [text, setText] = useState(() => {
    if (!existing || !desc) return '';
    if (desc.secret && !props.reveal) return '';
    return editText(desc, existing.hex);
  });
  const [error, setError] = useState<string | null>(null);

  const apply = () => {
    setError(null);
    try {
      if (!canonical || !desc) throw new Error(t('config.editor.badId'));
      if (desc.secret && !text.trim() && desc.type !== 'ascii') throw new Error(t('config.editor.secretEmpty'));
      const bytes = parseTypedValue(canonical, text);
      props.onApply((cfg) => setValue(cfg, canonical, bytes));
    } catch (err) {
      setError(errorText(err));
    }
  };

  const remove = () => {
    setError(null);
    try {
      if (!canonical) return;
      props.onApply((cfg) => deleteValue(cfg, canonical));
    } catch (err) {
      setError(errorText(err));
    }
  };

  const masked = desc?.secret && !props.reveal;
  let input;
  if (desc?.type === 'enum' && desc.labels) {
    input = (
      <select id={contentId} value={text} onChange={(e) => setText(e.target.value)}>
        <option value="">{t('config.editor.choose')}</option>
        {Object.entries(desc.labels).map(([n, label]) => (
          <option key={n} value={label}>
            {label} ({n})
          </option>
        ))}
      </select>
    );
  } else if (desc?.type === 'bool') {
    input = (
      <select id={contentId} value={text} onChange={(e) => setText(e.target.value)}>
        <option value="">{t('config.editor.choose')}</option>
        <option value="True">True</option>
        <option value="False">False</option>
      </select>
    );
  } else {
    input = (
      <input
        id={contentId}
        className={desc?.type === 'ascii' ? '' : 'mono'}
        type={masked ? 'password' : 'text'}
        autoComplete="off"
        spellCheck={false}
        size={40}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={masked && existing ? t('config.editor.secretPlaceholder') : ''}
      />
    );
  }

  return (
    <form
      className="panel cfg-editor"
      aria-label={editing ? t('config.editor.editTitle', { id: editing }) : t('config.editor.addTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel();
      }}
    >
      <h3>{editing ? t('config.editor.editTitle', { id: editing }) : t('config.editor.addTitle')}</h3>
      {!editing && (
        <div className="row">
          <label>
            {t('config.editor.id')}{' '}
            <input className="mono" value={idText} list={listId} size={12} onChange={(e) => setIdText(e.target.value)} placeholder="0103/03" autoFocus spellCheck={false} />
          </label>
          <datalist id={listId}>
            {SUGGESTIONS.map((d) => (
              <option key={d.id} value={d.id}>
                {d.path}
              </option>
            ))}
          </datalist>
          {existing && <span className="muted">{t('config.editor.replaces')}</span>}
        </div>
      )}
      {desc && (
        <p className="cfg-desc">
          <strong>{desc.known ? desc.path : t('config.editor.unknownId')}</strong>
          {desc.secret && <span className="cfg-tag">{t('config.editor.secret')}</span>}
          <br />
          <span className="muted">{catalogueText(desc.description, i18n.language)}</span>
        </p>
      )}
      <div className="row">
        <label htmlFor={contentId}>{t('config.editor.content')}</label>
        {input}
        {desc && <span className="muted">{hint(desc, t)}</span>}
      </div>
      {desc && existing && !masked && desc.type !== 'bytes' && (
        <p className="muted">{t('config.editor.current', { value: formatValue(desc.id, fromHex(existing.hex), valueWords(t, i18n.language)) })}</p>
      )}
      <ErrorAlert message={error} />
      <div className="row">
        <button type="submit">{t('config.editor.apply')}</button>
        {editing && (
          <button type="button" onClick={remove}>
            {t('config.editor.delete')}
          </button>
        )}
        <button type="button" onClick={props.onCancel}>
          {t('config.editor.cancel')}
        </button>
      </div>
    </form>
  );
}

import { useId } from 'react';

/**
 * A masked field for a PIN, master PIN or key given as hex digits. Nothing here keeps the value:
 * the owner holds it in state and clears it after use.
 */
export function SecretInput(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  digits: number;
  required?: boolean;
  hint?: string;
  testId?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="password"
        className="mono"
        autoComplete="off"
        spellCheck={false}
        value={props.value}
        required={props.required}
        maxLength={props.digits + 16}
        size={Math.min(props.digits + 2, 68)}
        aria-describedby={props.hint ? hintId : undefined}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint && (
        <small id={hintId} className="muted">
          {props.hint}
        </small>
      )}
    </div>
  );
}

/** Whitespace removed; null unless exactly `digits` hex digits remain. */
export function cleanHex(value: string, digits: number): string | null {
  const clean = value.replace(/\s+/g, '');
  return new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(clean) ? clean : null;
}

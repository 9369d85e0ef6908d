import { useId } from 'react';

/** A labelled whole-number field within min and max, kept as the text typed so the form can say what is wrong with it. */
export function NumberField({ label, min, max, value, onChange, placeholder }: { label: string; min: number; max: number; value: string; onChange: (value: string) => void; placeholder?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" min={min} max={max} placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

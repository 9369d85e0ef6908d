import { useId } from 'react';

/** A labelled choice among the numbers 0 to count − 1 (a segment, a master PIN index). */
export function IndexSelect({ label, count, value, onChange }: { label: string; count: number; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {Array.from({ length: count }, (_, i) => (
          <option key={i} value={i}>
            {i}
          </option>
        ))}
      </select>
    </div>
  );
}

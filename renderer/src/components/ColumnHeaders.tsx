import type { ReactNode } from 'react';

/** A table's head: one column header a label, in order. */
export function ColumnHeaders({ labels }: { labels: readonly ReactNode[] }) {
  return (
    <thead>
      <tr>
        {labels.map((label, n) => (
          <th key={n} scope="col">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

import type { ReactNode } from 'react';

export interface Column {
  key: string;
  label: ReactNode;
  /** Hides the header text visually (e.g. an actions column) while keeping it for readers. */
  visuallyHidden?: boolean;
}

interface TableProps {
  caption: ReactNode;
  /** Keeps the caption for screen readers only, when a page heading already says the same. */
  captionHidden?: boolean;
  columns: ReadonlyArray<Column>;
  children: ReactNode;
}

/** A data table; wide tables scroll inside a focusable region so the page itself never does. */
export function Table({ caption, captionHidden = false, columns, children }: TableProps) {
  return (
    <div
      className="table-wrap"
      role="region"
      aria-label={typeof caption === 'string' ? caption : undefined}
      tabIndex={0}
    >
      <table className="table">
        <caption className={captionHidden ? 'visually-hidden' : 'table__caption'}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col">
                {column.visuallyHidden ? (
                  <span className="visually-hidden">{column.label}</span>
                ) : (
                  column.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

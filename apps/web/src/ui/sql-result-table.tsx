/** A result set as the SQL grader previews it: named, typed columns and text cells. */
export interface ResultTable {
  columns: { name: string; type?: string }[];
  rows: (string | null)[][];
  totalRows?: number;
}

export function asResultTable(value: unknown): ResultTable | null {
  if (typeof value !== 'object' || value === null) return null;
  const { columns, rows, totalRows } = value as Record<string, unknown>;
  if (!Array.isArray(columns) || !Array.isArray(rows)) return null;
  const named = columns.map((column: unknown) =>
    typeof column === 'string'
      ? { name: column }
      : typeof column === 'object' && column !== null && typeof (column as { name?: unknown }).name === 'string'
        ? { name: (column as { name: string }).name, type: (column as { type?: unknown }).type as string | undefined }
        : null,
  );
  if (named.some((column) => column === null)) return null;
  const cells = rows
    .filter(Array.isArray)
    .map((row: unknown[]) =>
      row.map((cell) =>
        cell === null || cell === undefined ? null : typeof cell === 'string' ? cell : JSON.stringify(cell),
      ),
    );
  return {
    columns: named as { name: string; type?: string }[],
    rows: cells,
    totalRows: typeof totalRows === 'number' ? totalRows : undefined,
  };
}

export function SqlResultTable({ table, caption }: { table: ResultTable; caption: string }) {
  const hidden = (table.totalRows ?? table.rows.length) - table.rows.length;
  return (
    <div className="table-wrap sql-result">
      <table className="data-table compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column, index) => (
              <th key={`${column.name}-${index}`} scope="col">
                {column.name}
                {column.type && column.type !== 'expected' ? <span className="muted small"> {column.type}</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={Math.max(1, table.columns.length)} className="muted">
                No rows
              </td>
            </tr>
          ) : (
            table.rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {row.map((cell, cellIndex) => (
                  <td key={cellIndex} className={cell === null ? 'null-cell' : undefined}>
                    {cell ?? 'NULL'}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {hidden > 0 ? <p className="muted small">… and {hidden} more rows</p> : null}
    </div>
  );
}

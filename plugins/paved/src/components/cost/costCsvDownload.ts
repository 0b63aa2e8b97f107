import { costTableCsv, CostTable } from '@paved/plugin-paved-common';

/** A file name that says whose cost, which window and view: `cost-shop-last-7-days-daily.csv`. */
export function costCsvFileName(
  entityName: string,
  windowSlug: string,
  view: CostTable['view'],
): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `cost-${safe(entityName)}-${safe(windowSlug)}-${view}.csv`;
}

/**
 * Saves the card's table as CSV. A byte order mark first, so spreadsheet
 * programs read the file as UTF-8.
 */
export function downloadCostCsv(table: CostTable, fileName: string): void {
  const blob = new Blob([`\uFEFF${costTableCsv(table)}`], {
    type: 'text/csv;charset=utf-8',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // After the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * User text (run labels, panel names) as data. ApexCharts writes a series name into the legend and
 * the tooltip with innerHTML, so a label such as `<img src=x onerror=…>` would become markup and run
 * its script on the app's own origin; escaped, the browser shows it character for character.
 */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"'`]/g, (c) => HTML_ENTITIES[c]);
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * One CSV cell of text, the rule of the server's CSV exports (CsvCells.text): a cell starting with
 * = + - @, a tab or a carriage return is prefixed with ' so a spreadsheet shows it instead of
 * running it as a formula; then RFC 4180 quoting.
 */
export function csvText(text: string): string {
  const t = text.length > 0 && '=+-@\t\r'.includes(text[0]) ? `'${text}` : text;
  return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

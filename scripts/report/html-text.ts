/** Text into HTML: every value the report shows comes from data files and the course, so all of it is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

/** A share as a percentage, or a dash when there is none. */
export const pct = (share: number | null): string => (share === null ? '–' : `${Math.round(share * 100)}%`);

/** A correlation or index with two decimals, or a dash. */
export const num2 = (value: number | null): string => (value === null ? '–' : value.toFixed(2));

/** Milliseconds as "1 min 5 s" / "12 s", or a dash. */
export function duration(ms: number | null): string {
  if (ms === null) return '–';
  const seconds = Math.round(ms / 1000);
  return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds} s`;
}

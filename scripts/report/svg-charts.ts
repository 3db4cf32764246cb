/**
 * Inline SVG charts for the HTML report. Each is an image with a title and a description that says
 * what it shows (WCAG 2.2 SC 1.1.1); the page puts the table of the same figures right after it, so
 * nobody depends on seeing the chart. No script, no external resource.
 */
import { escapeHtml } from './html-text.js';

export interface Bar {
  readonly label: string;
  /** 0..1 of the scale. */
  readonly value: number;
  /** The value as the bar's end says it ("85%", "12"). */
  readonly text: string;
}

export interface ChartText {
  /** Unique in the page: the title and description get ids from it. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

const WIDTH = 720;
const LABEL_WIDTH = 260;
const ROW = 26;
const MAX_LABEL = 38;

const shorten = (text: string): string => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);

function frame(chart: ChartText, height: number, body: string): string {
  return `<svg class="chart" role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title id="${chart.id}-title">${escapeHtml(chart.title)}</title><desc id="${chart.id}-desc">${escapeHtml(chart.description)}</desc>${body}</svg>`;
}

/** Horizontal bars, one per row, labelled on the left, the value at the bar's end; `marks` are dashed lines (thresholds). */
export function barChart(chart: ChartText, bars: readonly Bar[], marks: readonly number[] = []): string {
  const plot = WIDTH - LABEL_WIDTH - 70;
  const height = bars.length * ROW + 10;
  const rows = bars
    .map((bar, i) => {
      const y = i * ROW + 5;
      const width = Math.max(0, Math.min(1, bar.value)) * plot;
      return `<text x="${LABEL_WIDTH - 8}" y="${y + 17}" text-anchor="end" class="label">${escapeHtml(shorten(bar.label))}</text><rect x="${LABEL_WIDTH}" y="${y + 3}" width="${width.toFixed(1)}" height="${ROW - 8}" class="bar"/><text x="${(LABEL_WIDTH + width + 6).toFixed(1)}" y="${y + 17}" class="value">${escapeHtml(bar.text)}</text>`;
    })
    .join('');
  const lines = marks.map((mark) => `<line x1="${(LABEL_WIDTH + mark * plot).toFixed(1)}" x2="${(LABEL_WIDTH + mark * plot).toFixed(1)}" y1="0" y2="${height}" class="mark"/>`).join('');
  return frame(chart, height, `${rows}${lines}`);
}

/** Vertical columns over equal bins, labelled under each column. */
export function columnChart(chart: ChartText, columns: readonly { readonly label: string; readonly count: number }[]): string {
  const height = 220;
  const base = height - 30;
  const most = Math.max(1, ...columns.map((column) => column.count));
  const step = (WIDTH - 40) / Math.max(1, columns.length);
  const body = columns
    .map((column, i) => {
      const h = (column.count / most) * (base - 25);
      const x = 20 + i * step;
      return `<rect x="${(x + 4).toFixed(1)}" y="${(base - h).toFixed(1)}" width="${(step - 8).toFixed(1)}" height="${h.toFixed(1)}" class="bar"/><text x="${(x + step / 2).toFixed(1)}" y="${(base - h - 5).toFixed(1)}" text-anchor="middle" class="value">${column.count}</text><text x="${(x + step / 2).toFixed(1)}" y="${base + 18}" text-anchor="middle" class="label">${escapeHtml(column.label)}</text>`;
    })
    .join('');
  return frame(chart, height, `${body}<line x1="20" x2="${WIDTH - 20}" y1="${base}" y2="${base}" class="axis"/>`);
}

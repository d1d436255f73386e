/** Small SVG charts for the printed report: no script, so they print and render anywhere. */

import { escapeHtml } from '../../kernel/index.js';

export { escapeHtml };

/**
 * Two bars in one table cell (comparison day above, as-of day below), for shares from 0 to 1.
 * Inside the row they describe, so bars and figures always line up; `rtl` grows them leftwards.
 */
export function pairedBarSvg(before: number, after: number, rtl: boolean): string {
  const width = 200;
  const x = (share: number) => (rtl ? width - share * width : 0);
  return (
    `<svg viewBox="0 0 ${width} 22" class="bar" aria-hidden="true">` +
    `<rect x="0" y="0" width="${width}" height="22" fill="#f6f8fa"/>` +
    `<rect x="${x(before).toFixed(1)}" y="2" width="${(before * width).toFixed(1)}" height="8" fill="#9cb4cc"/>` +
    `<rect x="${x(after).toFixed(1)}" y="11" width="${(after * width).toFixed(1)}" height="9" fill="#1f6fb2"/></svg>`
  );
}

/** A line of shares (0 to 1) over dates, with the first and last values written at the ends. */
export function seriesSvg(
  points: readonly { date: string; share: number }[],
  title: string,
  format: (share: number) => string,
): string {
  const width = 640;
  const height = 200;
  const pad = 36;
  if (points.length === 0) return '';
  const step = points.length > 1 ? (width - 2 * pad) / (points.length - 1) : 0;
  const y = (share: number) => height - pad - share * (height - 2 * pad);
  const coords = points
    .map((p, i) => `${(pad + i * step).toFixed(1)},${y(p.share).toFixed(1)}`)
    .join(' ');
  const ticks = points
    .filter((_, i) => i === 0 || i === points.length - 1 || i % 4 === 0)
    .map((p) => {
      const i = points.indexOf(p);
      return `<text x="${(pad + i * step).toFixed(1)}" y="${height - 12}" text-anchor="middle" font-size="11">${p.date.slice(0, 4)}</text>`;
    })
    .join('');
  const first = points[0]!;
  const last = points.at(-1)!;
  return (
    `<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}" class="series" direction="ltr">` +
    `<line x1="${pad}" x2="${width - pad}" y1="${y(0)}" y2="${y(0)}" stroke="#8c959f"/>` +
    `<line x1="${pad}" x2="${width - pad}" y1="${y(0.5)}" y2="${y(0.5)}" stroke="#d0d7de" stroke-dasharray="2 3"/>` +
    `<polyline points="${coords}" fill="none" stroke="#1f6fb2" stroke-width="2.5"/>` +
    `<text x="${pad}" y="${y(first.share) - 8}" font-size="11">${format(first.share)}</text>` +
    `<text x="${width - pad}" y="${y(last.share) - 8}" font-size="11" text-anchor="end">${format(last.share)}</text>` +
    ticks +
    `</svg>`
  );
}

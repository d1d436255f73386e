import type { Locale } from '../accounts/index.js';
import { escapeHtml as e } from '../../kernel/index.js';

/**
 * A toolkit document (assessment, roadmap) as blocks, rendered once to printable HTML (for the
 * browser and the PDF) and once to Markdown, so the two formats always say the same thing.
 */
export type Block =
  | { type: 'h2'; text: string }
  | { type: 'p'; text: string }
  | { type: 'facts'; items: Array<[string, string]> }
  | { type: 'table'; head: string[]; rows: string[][]; numeric?: number[] }
  | { type: 'figure'; svg: string; caption: string };

export interface Doc {
  lang: Locale;
  title: string;
  subtitle: string;
  footer: string;
  blocks: Block[];
}

const css = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", system-ui, sans-serif; color: #1f2328; margin: 0 auto; max-width: 980px; padding: 24px; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 4px; color: #0b2a4a; }
h2 { font-size: 1.15rem; margin: 26px 0 8px; color: #0b2a4a; border-block-end: 2px solid #d0d7de; padding-block-end: 4px; break-after: avoid; }
.sub { color: #57606a; margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.88rem; }
tr { break-inside: avoid; }
th, td { text-align: start; padding: 5px 8px; border-block-end: 1px solid #d8dee4; vertical-align: top; }
th { background: #f6f8fa; }
td.n { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dt { font-weight: 600; color: #57606a; }
dd { margin: 0; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; }
figure { margin: 0; break-inside: avoid; }
figcaption { text-align: center; font-weight: 600; font-size: 0.9rem; }
footer { margin-top: 32px; color: #57606a; font-size: 0.8rem; }
`;

export function docHtml(doc: Doc): string {
  const dir = doc.lang === 'ar' ? 'rtl' : 'ltr';
  const parts: string[] = [];
  let figures: string[] = [];
  const flush = () => {
    if (figures.length) parts.push(`<div class="figures">${figures.join('')}</div>`);
    figures = [];
  };
  for (const block of doc.blocks) {
    if (block.type === 'figure') {
      figures.push(`<figure>${block.svg}<figcaption>${e(block.caption)}</figcaption></figure>`);
      continue;
    }
    flush();
    if (block.type === 'h2') parts.push(`<h2>${e(block.text)}</h2>`);
    else if (block.type === 'p') parts.push(`<p>${e(block.text)}</p>`);
    else if (block.type === 'facts')
      parts.push(
        `<dl>${block.items.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>`,
      );
    else {
      const numeric = new Set(block.numeric ?? []);
      parts.push(
        `<table><thead><tr>${block.head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>${block.rows
          .map(
            (row) =>
              `<tr>${row.map((c, i) => `<td${numeric.has(i) ? ' class="n"' : ''}>${e(c)}</td>`).join('')}</tr>`,
          )
          .join('')}</tbody></table>`,
      );
    }
  }
  flush();
  return `<!doctype html>
<html lang="${doc.lang}" dir="${dir}">
<head><meta charset="utf-8"><title>${e(doc.title)}</title><style>${css}</style></head>
<body>
<h1>${e(doc.title)}</h1>
<p class="sub">${e(doc.subtitle)}</p>
${parts.join('\n')}
<footer>${e(doc.footer)}</footer>
</body>
</html>
`;
}

/** Markdown-safe text: table pipes and line breaks would break the layout. */
const md = (text: string) =>
  text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function docMarkdown(doc: Doc): string {
  const out = [`# ${md(doc.title)}`, '', md(doc.subtitle), ''];
  for (const block of doc.blocks) {
    if (block.type === 'h2') out.push(`## ${md(block.text)}`, '');
    else if (block.type === 'p') out.push(md(block.text), '');
    else if (block.type === 'facts')
      out.push(...block.items.map(([k, v]) => `- **${md(k)}:** ${md(v)}`), '');
    else if (block.type === 'table') {
      const numeric = new Set(block.numeric ?? []);
      out.push(
        `| ${block.head.map(md).join(' | ')} |`,
        `| ${block.head.map((_, i) => (numeric.has(i) ? '---:' : '---')).join(' | ')} |`,
        ...block.rows.map((row) => `| ${row.map(md).join(' | ')} |`),
        '',
      );
    }
    // Figures are drawings of the tables next to them; Markdown keeps the tables.
  }
  out.push('---', '', md(doc.footer), '');
  return out.join('\n');
}

/**
 * A radar chart of levels 0..max, one axis per item, as self-contained SVG. Axes without a
 * value are drawn at 0 with a hollow dot, so a missing answer is visible, not hidden.
 */
export function radarSvg(
  axes: Array<{ label: string; value: number | null }>,
  options: { max?: number; size?: number; title: string },
): string {
  const max = options.max ?? 4;
  const size = options.size ?? 260;
  const c = size / 2;
  const r = c - 34;
  const n = axes.length;
  const point = (i: number, v: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [c + Math.cos(angle) * r * (v / max), c + Math.sin(angle) * r * (v / max)] as const;
  };
  const rings = Array.from({ length: max }, (_, k) => {
    const pts = axes
      .map((_, i) =>
        point(i, k + 1)
          .map((x) => x.toFixed(1))
          .join(','),
      )
      .join(' ');
    return `<polygon points="${pts}" fill="none" stroke="#d0d7de" stroke-width="1"/>`;
  }).join('');
  const spokes = axes
    .map((a, i) => {
      const [x, y] = point(i, max);
      const [lx, ly] = point(i, max + 0.55);
      return `<line x1="${c}" y1="${c}" x2="${x.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#d0d7de"/><text x="${lx.toFixed(1)}" y="${ly.toFixed(1)}" font-size="10" text-anchor="middle" dominant-baseline="middle" fill="#57606a">${e(a.label)}</text>`;
    })
    .join('');
  const shape = axes
    .map((a, i) =>
      point(i, a.value ?? 0)
        .map((x) => x.toFixed(1))
        .join(','),
    )
    .join(' ');
  const dots = axes
    .map((a, i) => {
      const [x, y] = point(i, a.value ?? 0);
      return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3" fill="${a.value === null ? '#fff' : '#0b5cad'}" stroke="#0b5cad"/>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" role="img" aria-label="${e(options.title)}">${rings}${spokes}<polygon points="${shape}" fill="rgba(11,92,173,0.25)" stroke="#0b5cad" stroke-width="2"/>${dots}</svg>`;
}

import type { Locale } from '../accounts/index.js';
import { escapeHtml as e } from '../../kernel/index.js';
import { registryReportStrings as registryStrings } from '../registry/index.js';
import { formatters, legendHtml, page, stateStyles } from './report-html.js';
import type { MatrixReport, Selection } from './report.service.js';
import { fill, lawReportStrings, stateName, type LawReportStrings } from './report-strings.js';

/**
 * The matrix of provisions by countries as a heat map: a cell per country coloured by state,
 * with the state's symbol printed in it and its name for screen readers; the share of each
 * provision coloured by value with the figure written. Landscape on paper, the header row
 * repeated on every page; on screen the header row and the provision column stay in view.
 */

const css = `
@page { size: A4 landscape; margin: 10mm; }
.scroll { overflow: auto; max-height: 85vh; border: 1px solid #d0d7de; }
table.heat { width: auto; font-size: 0.8rem; }
.heat th, .heat td { border: 1px solid #d0d7de; padding: 2px 5px; }
.heat thead th { position: sticky; top: 0; z-index: 2; background: #f6f8fa; text-align: center; }
.heat thead th:first-child { z-index: 3; inset-inline-start: 0; }
.heat tbody th[scope="row"], .heat tfoot th { position: sticky; inset-inline-start: 0; z-index: 1; background: #ffffff; min-width: 16em; max-width: 26em; font-weight: normal; }
.heat .pid { font-weight: 600; font-variant-numeric: tabular-nums; margin-inline-end: 4px; }
.heat tr.cat th { background: #eef2f6; font-weight: 600; position: static; }
.heat td.s, .heat td.share { text-align: center; min-width: 3.2em; font-variant-numeric: tabular-nums; }
.heat tfoot td { text-align: center; font-weight: 600; }
@media print {
  .scroll { overflow: visible; max-height: none; border: 0; }
  .heat thead th, .heat tbody th[scope="row"], .heat tfoot th { position: static; }
  .heat { font-size: 7pt; width: 100%; }
  .heat th, .heat td { padding: 1px 2px; }
  .heat td.s, .heat td.share { min-width: 0; width: 1%; }
  .heat tbody th[scope="row"], .heat tfoot th { min-width: 12em; max-width: none; }
  .heat tfoot { display: none; }
  .heat thead th.c span[aria-hidden] { writing-mode: vertical-rl; transform: rotate(180deg); }
  thead { display: table-header-group; }
}
`;

/** Five steps from pale to dark blue; dark steps take white figures (contrast ≥ 4.5:1). */
const shareSteps = [
  { bg: '#eff3ff', fg: '#1f2328' },
  { bg: '#c6dbef', fg: '#1f2328' },
  { bg: '#6baed6', fg: '#1f2328' },
  { bg: '#2171b5', fg: '#ffffff' },
  { bg: '#08306b', fg: '#ffffff' },
];
export function shareStyle(share: number | null): string {
  if (share === null) return 'background:#ffffff;color:#57606a';
  const step = shareSteps[Math.min(4, Math.floor(share / 20))]!;
  return `background:${step.bg};color:${step.fg}`;
}

/** "ITU region: Africa", "Group: Small island developing states (SIDS)" in `lang`. */
export function selectionLabel(s: LawReportStrings, selection: Selection, lang: Locale): string {
  const names = registryStrings[lang] as unknown as Record<string, string>;
  return fill(s[selection.kind], { name: names[selection.id] ?? selection.id });
}

export function matrixHtml(report: MatrixReport): string {
  const s = lawReportStrings[report.lang];
  const { pct, date } = formatters(report.lang, s);
  const title = fill(s.matrixTitle, {
    selection: selectionLabel(s, report.selection, report.lang),
  });
  const columns = report.countries.length + 2;
  const head = report.countries
    .map(
      (c) =>
        `<th scope="col" class="c" title="${e(c.name)}"><span aria-hidden="true">${e(c.iso3)}</span><span class="sr">${e(c.name)}</span></th>`,
    )
    .join('');
  const body = report.categories
    .map((cat) => {
      const rows = report.rows.filter((r) => r.category === cat.id);
      if (rows.length === 0) return '';
      const lines = rows
        .map((r) => {
          const cells = r.states
            .map((state) => {
              const st = stateStyles[state];
              return `<td class="s" style="background:${st.bg};color:${st.fg}"><span aria-hidden="true">${st.symbol}</span><span class="sr">${e(stateName(s, state))}</span></td>`;
            })
            .join('');
          return (
            `<tr><th scope="row"><span class="pid">${e(r.provision)}</span>${e(r.title)}</th>${cells}` +
            `<td class="share" style="${shareStyle(r.share)}">${e(pct(r.share))}</td></tr>`
          );
        })
        .join('');
      return `<tr class="cat"><th colspan="${columns}" scope="colgroup">${e(cat.title)}</th></tr>${lines}`;
    })
    .join('');
  const foot = report.countries.map((c) => `<td>${e(pct(c.percent))}</td>`).join('');
  const key = report.countries
    .map(
      (c) =>
        `<tr><td>${e(c.iso3)}</td><th scope="row">${e(c.name)}</th><td class="n">${e(pct(c.percent))}</td><td class="n">${c.assessed}</td></tr>`,
    )
    .join('');
  const heat =
    report.countries.length === 0
      ? `<p>${e(s.noCountries)}</p>`
      : `<div class="scroll"><table class="heat"><thead><tr><th scope="col">${e(s.provision)}</th>${head}<th scope="col">${e(s.share)}</th></tr></thead>` +
        `<tbody>${body}</tbody><tfoot><tr><th scope="row">${e(s.coverage)}</th>${foot}<td></td></tr></tfoot></table></div>` +
        `<h2>${e(s.countryCoverage)}</h2><table><thead><tr><th scope="col">ISO</th><th scope="col">${e(s.country)}</th>` +
        `<th scope="col" class="n">${e(s.coverage)}</th><th scope="col" class="n">${e(s.assessed)}</th></tr></thead><tbody>${key}</tbody></table>`;

  return page(
    report.lang,
    title,
    css,
    `<h1>${e(title)}</h1>
<p class="sub">${e(fill(s.catalogueLine, { catalogue: report.catalogue.title, version: report.catalogue.version }))} · ${e(fill(s.situation, { date: date(report.date) }))}</p>
${legendHtml(s)}
${heat}
<p class="method">${e(s.method)}</p>
<footer>${e(fill(s.generatedBy, { user: report.generatedBy, at: report.generatedAt }))}</footer>`,
  );
}

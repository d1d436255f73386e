import type { Locale } from '../accounts/index.js';
import { escapeHtml as e } from '../../kernel/index.js';
import { provisionStates, type CoverageCounts, type ProvisionState } from './coverage.js';
import type { CountryReport, InstrumentSummary } from './report.service.js';
import {
  fill,
  lawReportStrings,
  ratificationName,
  stateName,
  type LawReportStrings,
} from './report-strings.js';

/**
 * The harmonisation reports as self-contained HTML documents (no script, inline SVG, inline
 * style), for the browser, for printing and for PDF through headless Chromium. Every colour
 * has its state written beside it (a symbol on paper, the state's name for screen readers),
 * so nothing is said by colour alone.
 */

/** Colours of the states, chosen so the symbol on each keeps a contrast of at least 4.5:1. */
export const stateStyles: Record<ProvisionState, { bg: string; fg: string; symbol: string }> = {
  enacted: { bg: '#1b7837', fg: '#ffffff', symbol: '●' },
  partially: { bg: '#a6dba0', fg: '#1f2328', symbol: '◐' },
  draft: { bg: '#fee08b', fg: '#1f2328', symbol: '◔' },
  absent: { bg: '#c62828', fg: '#ffffff', symbol: '○' },
  'not-assessed': { bg: '#e5e7eb', fg: '#1f2328', symbol: '?' },
  'not-applicable': { bg: '#ffffff', fg: '#57606a', symbol: '–' },
};

export const baseCss = `
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", "DejaVu Sans", system-ui, sans-serif; color: #1f2328; margin: 0 auto; padding: 24px; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 4px; color: #0b2a4a; }
h2 { font-size: 1.15rem; margin: 28px 0 8px; color: #0b2a4a; border-block-end: 2px solid #d0d7de; padding-block-end: 4px; break-after: avoid; }
h3 { font-size: 1rem; margin: 18px 0 6px; color: #0b2a4a; break-after: avoid; }
.sub, .method, footer { color: #57606a; }
.sub { margin: 0; }
.method, footer { font-size: 0.8rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: start; padding: 4px 8px; border-block-end: 1px solid #d8dee4; vertical-align: top; }
thead th { background: #f6f8fa; }
td.n, th.n { text-align: end; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 0.85rem; margin: 6px 0; padding: 0; list-style: none; }
.swatch { display: inline-block; min-width: 1.4em; text-align: center; border: 1px solid #8c959f; margin-inline-end: 5px; border-radius: 3px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print { body { padding: 0; } a { color: inherit; text-decoration: none; } }
`;

const css = `
@page { size: A4; margin: 16mm 14mm; }
body { max-width: 980px; }
.cards { display: flex; gap: 10px; flex-wrap: wrap; }
.card { border: 1px solid #d0d7de; border-radius: 8px; padding: 10px 12px; min-width: 180px; }
.card b { display: block; font-size: 1.6rem; color: #0b2a4a; }
td.bar { width: 210px; }
td.bar svg { width: 200px; height: 16px; display: block; }
ol.gaps { list-style: none; padding: 0; margin: 0; }
li.gap { border-block-start: 1px solid #d0d7de; padding-block: 4px 10px; }
li.gap h3 { margin-block-start: 10px; }
.state { display: inline-block; padding: 0 6px; border-radius: 3px; border: 1px solid #8c959f; }
li.gap p, div.asked { margin: 4px 0; }
ul.refs { display: inline; margin: 0; padding: 0; list-style: none; }
ul.refs li { display: inline; }
ul.refs li + li::before { content: " · "; }
td.nowrap { white-space: nowrap; }
.unverified { font-size: 0.75rem; border: 1px dashed #9a6700; color: #7d4e00; border-radius: 3px; padding: 0 4px; margin-inline-start: 4px; }
.optional { font-style: italic; color: #57606a; }
table.check { font-size: 0.85rem; }
@media print { li.gap { break-inside: avoid-page; } h2 { margin-block-start: 18px; } }
`;

/** Numbers, percentages and dates in the report's language. */
export function formatters(lang: Locale, s: LawReportStrings) {
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  return {
    pct: (value: number | null) => (value === null ? s.notCounted : percent.format(value / 100)),
    date: (day: string) =>
      new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${day.slice(0, 10)}T00:00:00Z`),
      ),
  };
}

/** "Budapest Art. 2" in the report's language. */
export function citationText(
  s: LawReportStrings,
  instrument: InstrumentSummary | undefined,
  citation: string,
): string {
  if (!instrument) return citation;
  return `${instrument.shortName} ${fill(s[instrument.unit], { n: citation })}`;
}

/** A state as a coloured badge: symbol for the eye and for print, name for everyone. */
export function stateBadge(s: LawReportStrings, state: ProvisionState): string {
  const st = stateStyles[state];
  return `<span class="state" style="background:${st.bg};color:${st.fg}"><span aria-hidden="true">${st.symbol}</span> ${e(stateName(s, state))}</span>`;
}

export function legendHtml(s: LawReportStrings): string {
  const items = provisionStates
    .map((state) => {
      const st = stateStyles[state];
      return `<li><span class="swatch" style="background:${st.bg};color:${st.fg}" aria-hidden="true">${st.symbol}</span>${e(stateName(s, state))}</li>`;
    })
    .join('');
  return `<ul class="legend" aria-label="${e(s.legend)}">${items}</ul>`;
}

export function page(lang: Locale, title: string, styles: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${e(title)}</title><style>${baseCss}${styles}</style></head>
<body>
${body}
</body></html>
`;
}

/**
 * One provision count as a stacked bar, a segment per state in legend order. It carries its
 * own title and description, so the bar alone says what the figures beside it say.
 */
export function stackedBarSvg(
  counts: CoverageCounts,
  title: string,
  desc: string,
  rtl: boolean,
  id: string,
): string {
  const width = 200;
  let at = 0;
  const segments = provisionStates
    .filter((state) => counts[state] > 0)
    .map((state) => {
      const w = counts.total === 0 ? 0 : (counts[state] / counts.total) * width;
      const x = rtl ? width - at - w : at;
      at += w;
      return `<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="16" fill="${stateStyles[state].bg}" stroke="#8c959f" stroke-width="0.5"/>`;
    })
    .join('');
  return (
    `<svg viewBox="0 0 ${width} 16" role="img" aria-labelledby="${id}-t ${id}-d">` +
    `<title id="${id}-t">${e(title)}</title><desc id="${id}-d">${e(desc)}</desc>` +
    `<rect x="0" y="0" width="${width}" height="16" fill="#f6f8fa"/>${segments}</svg>`
  );
}

function coverageTable(
  s: LawReportStrings,
  pct: (v: number | null) => string,
  head: string,
  rows: ReadonlyArray<{ key: string; label: string; counts: CoverageCounts }>,
  rtl: boolean,
): string {
  const th = provisionStates
    .map((st) => `<th class="n" scope="col">${e(stateName(s, st))}</th>`)
    .join('');
  const body = rows
    .map(({ key, label, counts }) => {
      const desc = provisionStates
        .filter((st) => counts[st] > 0)
        .map((st) => `${stateName(s, st)} ${counts[st]}`)
        .join(', ');
      const title = fill(s.barTitle, { label, percent: pct(counts.percent) });
      const cells = provisionStates.map((st) => `<td class="n">${counts[st]}</td>`).join('');
      return (
        `<tr><th scope="row">${e(label)}</th><td class="n">${e(pct(counts.percent))}</td>` +
        `<td class="bar">${stackedBarSvg(counts, title, desc, rtl, `bar-${key}`)}</td>${cells}</tr>`
      );
    })
    .join('');
  return (
    `<table><thead><tr><th scope="col">${e(head)}</th><th class="n" scope="col">${e(s.coverage)}</th>` +
    `<th scope="col"><span class="sr">${e(s.legend)}</span></th>${th}</tr></thead><tbody>${body}</tbody></table>`
  );
}

export function countryReportHtml(report: CountryReport): string {
  const s = lawReportStrings[report.lang];
  const rtl = report.lang === 'ar';
  const { pct, date } = formatters(report.lang, s);
  const categories = new Map(report.categories.map((c) => [c.id, c.title]));
  const instruments = new Map(report.instruments.map((i) => [i.id, i]));
  const cov = report.coverage;
  const title = fill(s.countryTitle, { country: report.country.name });

  const byCategory = coverageTable(
    s,
    pct,
    s.category,
    [
      { key: 'overall', label: s.overall, counts: cov.overall },
      ...cov.byCategory.map((c) => ({
        key: `c-${c.category}`,
        label: categories.get(c.category) ?? c.category,
        counts: c,
      })),
    ],
    rtl,
  );
  const byInstrument = coverageTable(
    s,
    pct,
    s.instrument,
    cov.byInstrument.map((i) => ({
      key: `i-${i.instrument}`,
      label: instruments.get(i.instrument)?.shortName ?? i.instrument,
      counts: i,
    })),
    rtl,
  );
  const ratifications = report.ratifications
    .map((r) => {
      const inst = instruments.get(r.instrument);
      const source = r.sourceUrl
        ? `<a href="${e(r.sourceUrl)}">${e(r.source ?? r.sourceUrl)}</a>`
        : e(r.source ?? '');
      return (
        `<tr><th scope="row">${e(inst?.title ?? r.instrument)}</th><td class="nowrap">${e(ratificationName(s, r.status))}</td>` +
        `<td class="nowrap">${r.date ? e(date(r.date)) : ''}</td><td>${source}</td></tr>`
      );
    })
    .join('');

  const gapItems = report.gaps
    .map((g) => {
      const refs = g.references
        .map(
          (r) =>
            `<li>${e(citationText(s, instruments.get(r.instrument), r.citation))}` +
            (r.verified ? '' : `<span class="unverified">${e(s.unverified)}</span>`) +
            '</li>',
        )
        .join('');
      const checklist = g.checklist
        .map(
          (c) =>
            `<tr><td>${e(c.text)}</td><td${c.optional ? ' class="optional"' : ''}>${e(c.optional ? s.optional : s.required)}</td>` +
            `<td>${e(c.instruments.map((id) => instruments.get(id)?.shortName ?? id).join(', '))}</td></tr>`,
        )
        .join('');
      return (
        `<li class="gap" id="gap-${e(g.provision)}"><h3>${g.rank}. ${e(g.provision)} ${e(g.title)}</h3>` +
        `<p>${e(s.category)}: ${e(categories.get(g.category) ?? g.category)} · ${e(s.state)}: ${stateBadge(s, g.state)}</p>` +
        (refs ? `<div class="asked">${e(s.askedBy)}: <ul class="refs">${refs}</ul></div>` : '') +
        `<p>${e(s.checklist)}:</p><table class="check"><thead><tr><th scope="col">${e(s.element)}</th>` +
        `<th scope="col"><span class="sr">${e(s.optional)}</span></th><th scope="col">${e(s.instruments)}</th></tr></thead>` +
        `<tbody>${checklist}</tbody></table></li>`
      );
    })
    .join('');
  const order = report.priority.map((c) => categories.get(c) ?? c).join(' › ');

  return page(
    report.lang,
    title,
    css,
    `<h1>${e(title)}</h1>
<p class="sub">${e(fill(s.catalogueLine, { catalogue: report.catalogue.title, version: report.catalogue.version }))} · ${e(fill(s.situation, { date: date(report.date) }))}</p>
<h2>${e(s.coverage)}</h2>
<div class="cards"><div class="card">${e(s.overall)}<b>${e(pct(cov.overall.percent))}</b></div>
<div class="card">${e(s.provisions)}<b>${cov.overall.total}</b></div></div>
${legendHtml(s)}
<h3>${e(s.byCategory)}</h3>
${byCategory}
<h3>${e(s.byInstrument)}</h3>
${byInstrument}
<h2>${e(s.ratifications)}</h2>
<table><thead><tr><th scope="col">${e(s.instrument)}</th><th scope="col">${e(s.status)}</th><th scope="col">${e(s.date)}</th><th scope="col">${e(s.source)}</th></tr></thead><tbody>${ratifications}</tbody></table>
<h2>${e(s.gaps)}</h2>
<p>${e(fill(s.priorityLine, { order }))}</p>
${report.gaps.length === 0 ? `<p>${e(s.noGaps)}</p>` : `<ol class="gaps">${gapItems}</ol>`}
<p class="method">${e(s.method)}</p>
<p class="method">${e(s.unverifiedNote)}</p>
<footer>${e(fill(s.generatedBy, { user: report.generatedBy, at: report.generatedAt }))}</footer>`,
  );
}

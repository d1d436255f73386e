import type { Locale } from '../accounts/index.js';
import type { Breakdown, ProgressReport } from './indicators.js';
import { escapeHtml as e, pairedBarSvg, seriesSvg } from './report-charts.js';
import { mapSvg, statusColours } from './report-map.js';
import { fill, reportStrings, type ReportStrings } from './report-strings.js';
import type { CountryStatus } from './registry.schema.js';

export interface ReportView {
  report: ProgressReport;
  lang: Locale;
  /** ISO numeric code → status on the as-of day, for the map. */
  mapStatuses: ReadonlyMap<number, CountryStatus>;
  /** ISO alpha-3 → name in `lang`, for the list of new CIRTs. */
  names: ReadonlyMap<string, string>;
  /** The only thing that varies between two renderings of the same inputs. */
  generatedAt: string;
}

const css = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", system-ui, sans-serif; color: #1f2328; margin: 0 auto; max-width: 980px; padding: 24px; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 4px; color: #0b2a4a; }
h2 { font-size: 1.15rem; margin: 28px 0 8px; color: #0b2a4a; border-block-end: 2px solid #d0d7de; padding-block-end: 4px; break-after: avoid; }
.sub { color: #57606a; margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; break-inside: avoid; }
th, td { text-align: start; padding: 5px 8px; border-block-end: 1px solid #d8dee4; }
th { background: #f6f8fa; }
td.n { text-align: end; font-variant-numeric: tabular-nums; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 10px; }
.card { border: 1px solid #d0d7de; border-radius: 8px; padding: 10px 12px; }
.card b { display: block; font-size: 1.6rem; color: #0b2a4a; }
td.bar, th.bar { width: 210px; }
.bar svg { width: 200px; height: 22px; display: block; }
.legend { display: flex; flex-wrap: wrap; gap: 14px; font-size: 0.85rem; margin: 6px 0; }
.swatch { display: inline-block; width: 12px; height: 12px; border: 1px solid #8c959f; margin-inline-end: 5px; vertical-align: -1px; }
svg { width: 100%; height: auto; }
.map { border: 1px solid #d0d7de; border-radius: 6px; background: #fbfdff; }
.key { font-size: 0.8rem; color: #57606a; }
.method, footer { font-size: 0.8rem; color: #57606a; }
@media print { body { padding: 0; } h2 { margin-top: 18px; } }
`;

function breakdownTable(
  s: ReportStrings,
  rows: readonly Breakdown[],
  label: (key: string) => string,
  pct: (x: number) => string,
  report: ProgressReport,
  date: (d: string) => string,
  rtl: boolean,
): string {
  const head =
    `<tr><th>${e(s.group)}</th><th class="n">${e(s.countries)}</th>` +
    `<th class="n">${e(s.withNational)} · ${e(date(report.compareTo))}</th>` +
    `<th class="n">${e(s.withNational)} · ${e(date(report.asOf))}</th><th class="bar">${e(s.share)}</th></tr>`;
  const body = rows
    .map(
      (b) =>
        `<tr><td>${e(label(b.key))}</td><td class="n">${b.asOf.total}</td>` +
        `<td class="n">${b.compareTo.national} (${pct(b.compareTo.share)})</td>` +
        `<td class="n">${b.asOf.national} (${pct(b.asOf.share)})</td>` +
        `<td class="bar">${pairedBarSvg(b.compareTo.share, b.asOf.share, rtl)}</td></tr>`,
    )
    .join('');
  return `<table>${head}${body}</table>`;
}

/**
 * The progress report as one self-contained HTML document (no script, inline SVG charts), for
 * the browser, for printing and for PDF through headless Chromium. Deterministic but for
 * `generatedAt`.
 */
export function reportHtml(view: ReportView): string {
  const { report, lang } = view;
  const s = reportStrings[lang];
  const rtl = lang === 'ar';
  const pct = (x: number) =>
    new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(x);
  const num = (x: number) => new Intl.NumberFormat(lang, { signDisplay: 'exceptZero' }).format(x);
  const date = (d: string) =>
    new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${d}T00:00:00Z`),
    );
  const dates = { asOf: date(report.asOf), compareTo: date(report.compareTo) };
  const o = report.overall;
  const key = (k: string) => (k in s ? s[k as keyof ReportStrings] : k);
  const legend = (['national', 'government_or_sectoral', 'none', 'unknown'] as const)
    .map((status) => {
      const text = {
        national: s.withNational,
        government_or_sectoral: s.governmentOnly,
        none: s.none,
        unknown: s.unknown,
      }[status];
      const style =
        status === 'unknown'
          ? 'background: repeating-linear-gradient(45deg,#e6e6e6 0 2px,#9a9a9a 2px 3px)'
          : `background:${statusColours[status]}`;
      return `<span><span class="swatch" style="${style}"></span>${e(text)} (${o.asOf[({ national: 'national', government_or_sectoral: 'governmentOrSectoral', none: 'none', unknown: 'unknown' } as const)[status]]})</span>`;
    })
    .join('');
  const section = (title: string, rows: readonly Breakdown[]) =>
    `<h2>${e(title)}</h2>${breakdownTable(s, rows, key, pct, report, date, rtl)}`;
  const registryLabel = {
    national: s.withNational,
    government_or_sectoral: s.governmentOnly,
    none: s.none,
    unknown: s.unknown,
  } as const;
  const reportedLabel = (r: ProgressReport['selfReported'][number]) =>
    `${s[`tt_${r.teamType}`]}, ${s[`st_${r.status}`]}${r.maturity ? ` (SIM3: ${s[r.maturity.tier]}, ${r.maturity.assessedOn})` : ''}`;
  const selfReported =
    report.selfReported.length === 0
      ? ''
      : `<h2>${e(s.selfReported)}</h2><p class="method">${e(s.selfReportedIntro)}</p><table><tr><th>${e(s.country)}</th><th>${e(s.team)}</th><th>${e(s.reported)}</th><th>${e(s.registryColumn)}</th><th>${e(s.receivedFrom)}</th></tr>${report.selfReported
          .map(
            (r) =>
              `<tr><td>${e(view.names.get(r.iso3) ?? r.iso3)}</td><td>${e(r.team)}</td><td>${e(reportedLabel(r))}</td><td>${e(registryLabel[r.registryStatus])} — ${e(r.agrees ? s.agreesText : s.differs)}</td><td>${e(r.receivedFrom)}, ${e(r.receivedAt.slice(0, 10))}</td></tr>`,
          )
          .join('')}</table>`;
  const newCirts =
    report.newCirts.length === 0
      ? `<p>${e(s.noNewCirts)}</p>`
      : `<table><tr><th>${e(s.country)}</th><th>${e(s.team)}</th><th>${e(s.established)}</th></tr>${report.newCirts.map((c) => `<tr><td>${e(view.names.get(c.iso3) ?? c.iso3)}</td><td>${e(c.name)}</td><td>${e(c.established)}</td></tr>`).join('')}</table>`;
  return `<!DOCTYPE html>
<html lang="${lang}" dir="${rtl ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${e(s.title)}</title><style>${css}</style></head>
<body>
<h1>${e(s.title)}</h1>
<p class="sub">${e(fill(s.subtitle, dates))}</p>
<h2>${e(s.summary)}</h2>
<div class="cards">
<div class="card">${e(s.memberStates)}<b>${o.asOf.total}</b></div>
<div class="card">${e(s.withNational)}<b>${o.asOf.national} · ${pct(o.asOf.share)}</b></div>
<div class="card">${e(fill(s.change, dates))}<b>${num(o.change.national)} · ${num(Math.round(o.change.share * 1000) / 10)} pp</b></div>
</div>
<h2>${e(fill(s.map, dates))}</h2>
<div class="legend">${legend}</div>
${mapSvg(view.mapStatuses, fill(s.map, dates))}
<p class="key"><span class="swatch" style="background:#9cb4cc"></span>${e(dates.compareTo)} <span class="swatch" style="background:#1f6fb2"></span>${e(dates.asOf)}</p>
${section(s.byRegion, report.byRegion)}
${section(s.byOrganisation, report.byOrganisation)}
${section(s.byGroup, report.byGroup)}
<h2>${e(s.series)}</h2>
${seriesSvg(report.series, s.series, pct)}
<h2>${e(s.maturity)}</h2>
<table><tr><th>${e(s.basic)}</th><th>${e(s.intermediate)}</th><th>${e(s.advanced)}</th><th>${e(s.maturityUnknown)}</th></tr>
<tr><td class="n">${report.maturity.basic}</td><td class="n">${report.maturity.intermediate}</td><td class="n">${report.maturity.advanced}</td><td class="n">${report.maturity.unknown}</td></tr></table>
<h2>${e(s.assessments)}</h2>
<table><tr><th>${e(fill(s.assessmentsTotal, dates))}</th><th>${e(s.assessmentsPeriod)}</th><th>${e(s.assessmentsUndated)}</th></tr>
<tr><td class="n">${report.assessments.total}</td><td class="n">${report.assessments.inPeriod}</td><td class="n">${report.assessments.undated}</td></tr></table>
<h2>${e(s.newCirts)}</h2>
${newCirts}
${report.unknownToNational.length > 0 ? `<p class="method">${e(fill(s.unknownToNational, { count: String(report.unknownToNational.length), compareTo: dates.compareTo }))}</p>` : ''}
${selfReported}
<p class="method">${e(s.method)}</p>
<footer>${e(fill(s.generated, { at: view.generatedAt }))}</footer>
</body></html>
`;
}

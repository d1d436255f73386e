import type { Locale } from '../accounts/index.js';
import { byId } from './bcm.js';
import type { BcmIssue, BcmPlan, Cell, ChannelType, Contact } from './bcm.schema.js';
import { bcmStrings, fill, type BcmStrings } from './bcm-strings.js';
import { contactTreeOf, type TreeNode } from './bcm-tree.js';

export interface BcmView {
  plan: BcmPlan;
  projectName: string;
  lang: Locale;
  revision: number;
  updatedAt: string | null;
  updatedBy: string | null;
  issues: BcmIssue[];
  /** The only thing that varies between two renderings of the same inputs. */
  generatedAt: string;
}

/** What both documents say, worked out once: words in the view's language, names for ids. */
function prepare(view: BcmView) {
  const { plan, lang } = view;
  const s = bcmStrings[lang];
  const contacts = byId(plan.contacts);
  const audiences = byId(plan.audiences);
  const levels = byId(plan.levels);
  const when = (iso: string) =>
    `${new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso))} UTC`;
  const person = (id: string | null) =>
    id === null ? s.unassigned : (contacts.get(id)?.name ?? id);
  const channel = (type: ChannelType | null) => (type === null ? '' : s.channel[type]);
  const cell = (c: Cell | undefined, audienceId: string): string | null => {
    if (!c?.informed) return null;
    const audience = audiences.get(audienceId);
    const people = (c.contacts.length > 0 ? c.contacts : (audience?.contacts ?? [])).map(person);
    if (audience?.target === 'affected-operators') people.push(s.affectedOperators);
    const head = [c.minutes === null ? null : `≤ ${c.minutes} min`, channel(c.channel)].filter(
      Boolean,
    );
    return [head.join(' · '), people.join(', ')].filter(Boolean).join(' — ');
  };
  const rule = (r: BcmPlan['rules'][number]) => {
    const level = levels.get(r.minLevel)?.name ?? r.minLevel;
    const scope =
      r.sectors.length > 0 ? fill(s.sectors, { sectors: r.sectors.join(', ') }) : s.anySector;
    const then =
      r.action === 'activate-checklist'
        ? r.minutes === 0
          ? s.activateNow
          : fill(s.activate, { minutes: r.minutes })
        : fill(s.notify, {
            audience:
              r.audience === null ? s.unassigned : (audiences.get(r.audience)?.name ?? r.audience),
            minutes: r.minutes,
            channel: channel(r.channel),
          });
    return { name: r.name || r.id, text: `${fill(s.ruleFrom, { level })} (${scope}): ${then}` };
  };
  const channels = (c: Contact) => c.channels.map((ch) => `${s.channel[ch.type]}: ${ch.value}`);
  const operatorName = (id: string) => plan.operators.find((o) => o.id === id)?.operator ?? id;
  const status =
    view.revision > 0 && view.updatedAt
      ? fill(s.revision, {
          revision: view.revision,
          at: when(view.updatedAt),
          by: view.updatedBy ?? '?',
        })
      : s.draft;
  return { s, person, cell, rule, channels, operatorName, status, when, tree: contactTreeOf(plan) };
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const css = `
@page { size: A4 landscape; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", system-ui, sans-serif; color: #1f2328; margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 4px; color: #0b2a4a; }
h2 { font-size: 1.15rem; margin: 26px 0 8px; color: #0b2a4a; border-block-end: 2px solid #d0d7de; padding-block-end: 4px; break-after: avoid; }
.sub { color: #57606a; margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
tr { break-inside: avoid; }
th, td { text-align: start; vertical-align: top; padding: 5px 7px; border: 1px solid #d8dee4; }
th { background: #f6f8fa; }
td.n { text-align: end; font-variant-numeric: tabular-nums; }
td.off { color: #8c959f; text-align: center; }
.swatch { display: inline-block; width: 14px; height: 14px; border: 1px solid #57606a; margin-inline-end: 6px; vertical-align: -2px; }
.issues { border: 1px solid #cf222e; background: #fff5f5; border-radius: 6px; padding: 8px 14px; }
.ok { border: 1px solid #1a7f37; background: #f0fff4; border-radius: 6px; padding: 8px 14px; }
.issues code { font-size: 0.8rem; color: #57606a; }
ol.steps li, ul.tree li { margin-block: 3px; }
ul.tree, ul.tree ul { list-style: none; padding-inline-start: 18px; border-inline-start: 2px solid #d0d7de; }
.muted, footer { color: #57606a; font-size: 0.8rem; }
@media print { body { padding: 0; } }
`;

function treeHtml(node: TreeNode, name: (id: string) => string): string {
  const children = node.children.map((c) => treeHtml(c, name)).join('');
  return `<li>${escapeHtml(name(node.contactId))}${children ? `<ul>${children}</ul>` : ''}</li>`;
}

/**
 * The plan as one self-contained, printable HTML document (no script, no outside request):
 * for the browser, for printing and for PDF through headless Chromium.
 */
export function bcmHtml(view: BcmView): string {
  const { plan, lang } = view;
  const p = prepare(view);
  const { s } = p;
  const e = escapeHtml;
  const table = (head: string[], rows: string[][], empty: string) =>
    rows.length === 0
      ? `<p class="muted">${e(empty)}</p>`
      : `<table><thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
          .map((r) => `<tr>${r.join('')}</tr>`)
          .join('')}</tbody></table>`;
  // People's words may be in another script than the document's: each cell finds its direction.
  const td = (text: string, cls = '') =>
    `<td${cls ? ` class="${cls}"` : ' dir="auto"'}>${e(text)}</td>`;
  const issues =
    view.issues.length === 0
      ? `<p class="ok">${e(s.valid)}</p>`
      : `<div class="issues"><h2>${e(fill(s.issues, { count: view.issues.length }))}</h2><p>${e(s.issuesIntro)}</p><ul lang="en">${view.issues
          .map((i) => `<li>${e(i.message)} <code>${e(i.field)}</code></li>`)
          .join('')}</ul></div>`;
  const ladder = table(
    [s.rank, s.level, s.description, s.owner],
    plan.levels.map((l) => [
      td(String(l.rank), 'n'),
      `<td><span class="swatch" style="background:${e(l.colour)}"></span>${e(l.name)}</td>`,
      td(l.description),
      td(p.person(plan.matrix[l.id]?.owner ?? null)),
    ]),
    '',
  );
  const matrix = table(
    [s.level, ...plan.audiences.map((a) => a.name)],
    plan.levels.map((l) => [
      `<th scope="row"><span class="swatch" style="background:${e(l.colour)}"></span>${e(l.name)}</th>`,
      ...plan.audiences.map((a) => {
        const text = p.cell(plan.matrix[l.id]?.audiences[a.id], a.id);
        return text === null ? td('—', 'off') : td(text);
      }),
    ]),
    '',
  );
  const rules =
    plan.rules.length === 0
      ? `<p class="muted">${e(s.noRules)}</p>`
      : `<ul>${plan.rules
          .map((r) => p.rule(r))
          .map((r) => `<li><strong>${e(r.name)}</strong>: ${e(r.text)}</li>`)
          .join('')}</ul>`;
  const checklist = table(
    [s.when, s.action, s.who, s.done],
    plan.checklist.map((step) => [
      td(fill(s.atMinutes, { minutes: step.atMinutes })),
      td(step.action),
      td(step.who === null ? `${s.crisisLead} (${p.person(plan.crisisLead)})` : p.person(step.who)),
      td(step.done),
    ]),
    '',
  );
  const tree =
    p.tree && p.tree.children.length > 0
      ? `<p>${e(s.treeIntro)}</p><ul class="tree">${treeHtml(p.tree, p.person)}</ul>`
      : `<p class="muted">${e(s.noTree)}</p>`;
  const contacts = table(
    [s.name, s.role, s.organisation, s.channels, s.backup],
    plan.contacts.map((c) => [
      td(c.name),
      td(c.role),
      td(c.organisation),
      td(p.channels(c).join('; ')),
      td(c.backup === null ? '' : p.person(c.backup)),
    ]),
    s.noContacts,
  );
  const operators = table(
    [s.operator, s.sector, s.service, s.rto, s.rpo, s.mtpd, s.dependencies, s.bcmContact],
    plan.operators.map((o) => [
      td(o.operator),
      td(o.sector),
      td(o.service),
      td(String(o.rtoHours), 'n'),
      td(String(o.rpoHours), 'n'),
      td(String(o.mtpdHours), 'n'),
      td([...o.dependsOn.map(p.operatorName), o.dependencies].filter(Boolean).join('; ')),
      td(p.person(o.bcmContact)),
    ]),
    s.noOperators,
  );
  return `<!doctype html>
<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">
<title>${e(`${s.title} · ${view.projectName}`)}</title><style>${css}</style></head><body>
<h1>${e(s.title)}</h1>
<p class="sub">${e(view.projectName)} · ${e(p.status)}</p>
${issues}
<h2>1. ${e(s.purpose)}</h2><p>${e(s.purposeText)}</p>
<h2>2. ${e(s.ladder)}</h2>${ladder}
<h2>3. ${e(s.matrix)}</h2><p>${e(s.matrixIntro)}</p>${matrix}
<h2>4. ${e(s.rules)}</h2>${rules}
<h2>5. ${e(s.checklist)}</h2><p>${e(s.crisisLead)}: ${e(p.person(plan.crisisLead))}</p>${checklist}
<h2>6. ${e(s.tree)}</h2>${tree}
<h2>7. ${e(s.contacts)}</h2>${contacts}
<h2>8. ${e(s.operators)}</h2>${operators}
<h2>9. ${e(s.notes)}</h2><p>${e(s.notesText)}</p>
<footer><p>${e(fill(s.generated, { at: p.when(view.generatedAt) }))}</p></footer>
</body></html>
`;
}

/** Markdown text: no markup from the plan's words gets through, and no line break in a cell. */
const md = (text: string) =>
  text
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/^([#+-])/, '\\$1')
    .replace(/^(\d+)\./, '$1\\.');

function mdTable(head: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `_${md(empty)}_\n`;
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return (
    [line(head.map(md)), line(head.map(() => '---')), ...rows.map((r) => line(r.map(md)))].join(
      '\n',
    ) + '\n'
  );
}

function treeMd(node: TreeNode, name: (id: string) => string, depth = 0): string {
  return [
    `${'  '.repeat(depth)}- ${md(name(node.contactId))}`,
    ...node.children.map((c) => treeMd(c, name, depth + 1)),
  ].join('\n');
}

/** The same plan as Markdown, for wikis and version control. */
export function bcmMarkdown(view: BcmView): string {
  const { plan } = view;
  const p = prepare(view);
  const s: BcmStrings = p.s;
  const out: string[] = [`# ${md(s.title)}`, '', `${md(view.projectName)} · ${md(p.status)}`, ''];
  if (view.issues.length === 0) out.push(`> ${md(s.valid)}`, '');
  else
    out.push(
      `## ${md(fill(s.issues, { count: view.issues.length }))}`,
      '',
      md(s.issuesIntro),
      '',
      ...view.issues.map((i) => `- ${md(i.message)} (\`${i.field}\`)`),
      '',
    );
  out.push(`## 1. ${md(s.purpose)}`, '', md(s.purposeText), '');
  out.push(
    `## 2. ${md(s.ladder)}`,
    '',
    mdTable(
      [s.rank, s.level, s.description, s.owner],
      plan.levels.map((l) => [
        String(l.rank),
        `${l.name} (${l.colour})`,
        l.description,
        p.person(plan.matrix[l.id]?.owner ?? null),
      ]),
      '',
    ),
  );
  out.push(
    `## 3. ${md(s.matrix)}`,
    '',
    md(s.matrixIntro),
    '',
    mdTable(
      [s.level, ...plan.audiences.map((a) => a.name)],
      plan.levels.map((l) => [
        l.name,
        ...plan.audiences.map((a) => p.cell(plan.matrix[l.id]?.audiences[a.id], a.id) ?? '—'),
      ]),
      '',
    ),
  );
  out.push(`## 4. ${md(s.rules)}`, '');
  out.push(
    plan.rules.length === 0
      ? `_${md(s.noRules)}_`
      : plan.rules
          .map((r) => p.rule(r))
          .map((r) => `- **${md(r.name)}**: ${md(r.text)}`)
          .join('\n'),
    '',
  );
  out.push(
    `## 5. ${md(s.checklist)}`,
    '',
    `${md(s.crisisLead)}: ${md(p.person(plan.crisisLead))}`,
    '',
    mdTable(
      [s.when, s.action, s.who, s.done],
      plan.checklist.map((step) => [
        fill(s.atMinutes, { minutes: step.atMinutes }),
        step.action,
        step.who === null ? `${s.crisisLead} (${p.person(plan.crisisLead)})` : p.person(step.who),
        step.done,
      ]),
      '',
    ),
  );
  out.push(
    `## 6. ${md(s.tree)}`,
    '',
    p.tree && p.tree.children.length > 0
      ? `${md(s.treeIntro)}\n\n${treeMd(p.tree, p.person)}`
      : `_${md(s.noTree)}_`,
    '',
  );
  out.push(
    `## 7. ${md(s.contacts)}`,
    '',
    mdTable(
      [s.name, s.role, s.organisation, s.channels, s.backup],
      plan.contacts.map((c) => [
        c.name,
        c.role,
        c.organisation,
        p.channels(c).join('; '),
        c.backup === null ? '' : p.person(c.backup),
      ]),
      s.noContacts,
    ),
  );
  out.push(
    `## 8. ${md(s.operators)}`,
    '',
    mdTable(
      [s.operator, s.sector, s.service, s.rto, s.rpo, s.mtpd, s.dependencies, s.bcmContact],
      plan.operators.map((o) => [
        o.operator,
        o.sector,
        o.service,
        String(o.rtoHours),
        String(o.rpoHours),
        String(o.mtpdHours),
        [...o.dependsOn.map(p.operatorName), o.dependencies].filter(Boolean).join('; '),
        p.person(o.bcmContact),
      ]),
      s.noOperators,
    ),
  );
  out.push(
    `## 9. ${md(s.notes)}`,
    '',
    md(s.notesText),
    '',
    `_${md(fill(s.generated, { at: p.when(view.generatedAt) }))}_`,
    '',
  );
  return out.join('\n');
}

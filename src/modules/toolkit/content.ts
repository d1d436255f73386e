import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import {
  contentSchemas,
  type ContentKind,
  type ContentTranslation,
  type Guidance,
  type Questionnaire,
  type ServicesCatalogue,
  type Sim3Model,
  type Tiers,
} from './content.schema.js';

export const defaultContentDir = fileURLToPath(new URL('../../../data/toolkit', import.meta.url));

/** Every version of every content file, so an old assessment is always read with its own. */
export interface ToolkitContent {
  questionnaires: Questionnaire[];
  sim3Models: Sim3Model[];
  tiers: Tiers[];
  services: ServicesCatalogue[];
  guidance: Guidance[];
  translations: ContentTranslation[];
}

/** A content file that does not hold: names the file and the place in it. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'ContentError';
  }
}

const folders: Record<ContentKind, string> = {
  'readiness-questionnaire': 'readiness',
  'sim3-model': 'sim3',
  'sim3-tiers': 'tiers',
  'services-catalogue': 'services',
  'guidance-library': 'guidance',
  'content-translation': 'i18n',
};

function readKind<K extends ContentKind>(
  dir: string,
  kind: K,
): Array<{ file: string; value: z.infer<(typeof contentSchemas)[K]> }> {
  const folder = join(dir, folders[kind]);
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith('.json'));
  } catch {
    throw new ContentError(folder, ['the folder is missing']);
  }
  return names.sort().map((name) => {
    const file = join(folders[kind], name);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(folder, name), 'utf8'));
    } catch (error) {
      throw new ContentError(file, [`not JSON: ${(error as Error).message}`]);
    }
    const parsed = contentSchemas[kind].safeParse(raw);
    if (!parsed.success)
      throw new ContentError(
        file,
        parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`),
      );
    return { file, value: parsed.data as z.infer<(typeof contentSchemas)[K]> };
  });
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(values.filter((v) => (seen.has(v) ? true : (seen.add(v), false))))];
}

/** Compares dotted versions numerically: "1.10" comes after "1.9". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Checks what a schema cannot: unique ids, references between files, ordered thresholds. */
export function checkContent(content: ToolkitContent, files = new Map<object, string>()): void {
  const fail = (value: object, problems: string[]) => {
    if (problems.length) throw new ContentError(files.get(value) ?? '(content)', problems);
  };
  const sim3Ids = new Set(
    content.sim3Models.flatMap((m) => m.quadrants.flatMap((q) => q.parameters.map((p) => p.id))),
  );
  const versionsUnique = (list: Array<{ id: string; version: string }>, what: string) => {
    const dup = duplicates(list.map((c) => `${c.id}@${c.version}`));
    if (dup.length) throw new ContentError('(content)', [`${what} ${dup.join(', ')} given twice`]);
  };
  versionsUnique(content.questionnaires, 'questionnaire');
  versionsUnique(content.sim3Models, 'SIM3 model');
  versionsUnique(content.tiers, 'tier table');
  versionsUnique(content.services, 'services catalogue');
  versionsUnique(content.guidance, 'guidance library');
  if (!content.questionnaires.length) throw new ContentError('readiness', ['no questionnaire']);
  if (!content.sim3Models.length) throw new ContentError('sim3', ['no SIM3 model']);
  if (!content.tiers.length) throw new ContentError('tiers', ['no tier table']);
  if (!content.services.length) throw new ContentError('services', ['no services catalogue']);

  for (const q of content.questionnaires) {
    const problems: string[] = [];
    const questions = q.areas.flatMap((a) => a.questions);
    for (const d of duplicates(q.areas.map((a) => a.id))) problems.push(`area ${d} given twice`);
    for (const d of duplicates(questions.map((x) => x.id)))
      problems.push(`question ${d} given twice`);
    for (const question of questions) {
      for (const d of duplicates(question.options.map((o) => o.id)))
        problems.push(`question ${question.id}: option ${d} given twice`);
      if (!question.options.some((o) => o.score === 1))
        problems.push(`question ${question.id}: no option scores 1 (fully met)`);
      for (const s of question.sim3)
        if (!sim3Ids.has(s)) problems.push(`question ${question.id}: unknown SIM3 parameter ${s}`);
    }
    if (q.levels[0]?.min !== 0) problems.push('levels: the first level must start at 0');
    q.levels.forEach((level, i) => {
      if (i > 0 && level.min <= q.levels[i - 1]!.min)
        problems.push(`levels: ${level.id} must start above ${q.levels[i - 1]!.id}`);
    });
    fail(q, problems);
  }

  for (const m of content.sim3Models) {
    const problems: string[] = [];
    const ids = m.quadrants.flatMap((q) => q.parameters.map((p) => p.id));
    for (const d of duplicates(ids)) problems.push(`parameter ${d} given twice`);
    for (const q of m.quadrants)
      for (const p of q.parameters)
        if (!p.id.startsWith(`${q.id}-`))
          problems.push(`parameter ${p.id} is not in quadrant ${q.id}`);
    m.scale.forEach((s, i) => {
      if (s.level !== i) problems.push(`scale: level ${i} expected at position ${i}`);
    });
    fail(m, problems);
  }

  for (const t of content.tiers) {
    const problems: string[] = [];
    const model = content.sim3Models.find(
      (m) => m.id === t.model.id && m.version === t.model.version,
    );
    if (!model) problems.push(`model ${t.model.id}@${t.model.version} is not shipped`);
    const modelIds = new Set(model?.quadrants.flatMap((q) => q.parameters.map((p) => p.id)) ?? []);
    for (const d of duplicates(t.tiers.map((x) => x.id))) problems.push(`tier ${d} given twice`);
    t.tiers.forEach((tier, i) => {
      for (const id of Object.keys(tier.minimums))
        if (model && !modelIds.has(id))
          problems.push(`tier ${tier.id}: ${id} is not a parameter of the model`);
      const lower = t.tiers[i - 1];
      if (lower)
        for (const [id, min] of Object.entries(lower.minimums))
          if ((tier.minimums[id] ?? 0) < min)
            problems.push(`tier ${tier.id} asks less of ${id} than ${lower.id}`);
    });
    fail(t, problems);
  }

  for (const c of content.services) {
    const problems: string[] = [];
    const services = c.areas.flatMap((a) => a.services);
    for (const d of duplicates(c.areas.map((a) => a.id))) problems.push(`area ${d} given twice`);
    for (const d of duplicates(services.map((s) => s.id)))
      problems.push(`service ${d} given twice`);
    for (const area of c.areas)
      for (const s of area.services) {
        if (!s.id.startsWith(`${area.id}-`))
          problems.push(`service ${s.id} is not in area ${area.id}`);
        for (const f of s.functions)
          if (!f.id.startsWith(`${s.id}.`))
            problems.push(`function ${f.id} is not in service ${s.id}`);
        for (const r of s.requires.sim3)
          if (!sim3Ids.has(r.parameter))
            problems.push(`service ${s.id}: unknown SIM3 parameter ${r.parameter}`);
      }
    for (const d of duplicates(services.flatMap((s) => s.functions.map((f) => f.id))))
      problems.push(`function ${d} given twice`);
    fail(c, problems);
  }

  const known = {
    'readiness-area': new Set(content.questionnaires.flatMap((q) => q.areas.map((a) => a.id))),
    'readiness-question': new Set(
      content.questionnaires.flatMap((q) => q.areas.flatMap((a) => a.questions.map((x) => x.id))),
    ),
    'sim3-parameter': sim3Ids,
    service: new Set(
      content.services.flatMap((c) => c.areas.flatMap((a) => a.services.map((s) => s.id))),
    ),
    bcm: null,
  } as const;
  for (const g of content.guidance) {
    const problems: string[] = [];
    const sources = new Set(g.sources.map((s) => s.id));
    for (const d of duplicates(g.sources.map((s) => s.id)))
      problems.push(`source ${d} given twice`);
    for (const d of duplicates(g.entries.map((e) => e.id))) problems.push(`entry ${d} given twice`);
    for (const entry of g.entries) {
      for (const target of entry.targets) {
        const set = known[target.type];
        if (set && !set.has(target.id))
          problems.push(`entry ${entry.id}: no ${target.type} ${target.id}`);
      }
      for (const c of entry.citations)
        if (!sources.has(c.source)) problems.push(`entry ${entry.id}: unknown source ${c.source}`);
    }
    fail(g, problems);
  }
}

/**
 * Reads every content file under `dir`, validates each against its schema and all of them
 * against each other. Throws ContentError naming the file and the places that are wrong.
 */
export function loadToolkitContent(dir: string = defaultContentDir): ToolkitContent {
  const files = new Map<object, string>();
  const take = <K extends ContentKind>(kind: K) =>
    readKind(dir, kind).map(({ file, value }) => {
      files.set(value, file);
      return value;
    });
  const content: ToolkitContent = {
    questionnaires: take('readiness-questionnaire'),
    sim3Models: take('sim3-model'),
    tiers: take('sim3-tiers'),
    services: take('services-catalogue'),
    guidance: take('guidance-library'),
    translations: take('content-translation'),
  };
  checkContent(content, files);
  return content;
}

/** The newest version of a content list, by id (or the only id there is). */
export function latest<T extends { id: string; version: string }>(list: T[], id?: string): T {
  const candidates = id ? list.filter((c) => c.id === id) : list;
  const best = [...candidates].sort((a, b) => compareVersions(b.version, a.version))[0];
  if (!best) throw new Error(`no content ${id ?? ''}`);
  return best;
}

export function findVersion<T extends { id: string; version: string }>(
  list: T[],
  id: string,
  version: string,
): T | undefined {
  return list.find((c) => c.id === id && c.version === version);
}

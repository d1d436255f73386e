import type {
  ContentTranslation,
  Guidance,
  Questionnaire,
  ServicesCatalogue,
  Sim3Model,
  Tiers,
} from './content.schema.js';
import type { ToolkitContent } from './content.js';

/**
 * Translatable content strings have stable keys, `<kind>:<content id>:<path>`, independent of
 * the content version, so a translation keeps working across versions that keep the text.
 * Each `*Texts` function lists the strings of one file and rebuilds it from a lookup, so the
 * list of keys and the localised copy can never disagree.
 */
type Lookup = (key: string, english: string) => string;

function questionnaireTexts(q: Questionnaire, t: Lookup): Questionnaire {
  const k = (path: string, english: string) => t(`readiness:${q.id}:${path}`, english);
  return {
    ...q,
    title: k('title', q.title),
    description: k('description', q.description),
    levels: q.levels.map((l) => ({
      ...l,
      label: k(`level.${l.id}.label`, l.label),
      description: k(`level.${l.id}.description`, l.description),
    })),
    areas: q.areas.map((a) => ({
      ...a,
      title: k(`area.${a.id}.title`, a.title),
      description: k(`area.${a.id}.description`, a.description),
      questions: a.questions.map((x) => ({
        ...x,
        text: k(`q.${x.id}.text`, x.text),
        ...(x.help === undefined ? {} : { help: k(`q.${x.id}.help`, x.help) }),
        options: x.options.map((o) => ({ ...o, label: k(`q.${x.id}.option.${o.id}`, o.label) })),
        gap: { ...x.gap, title: k(`q.${x.id}.gap`, x.gap.title) },
      })),
    })),
  };
}

function sim3Texts(m: Sim3Model, t: Lookup): Sim3Model {
  const k = (path: string, english: string) => t(`sim3:${m.id}:${path}`, english);
  return {
    ...m,
    title: k('title', m.title),
    description: k('description', m.description),
    scale: m.scale.map((s) => ({
      ...s,
      label: k(`scale.${s.level}.label`, s.label),
      meaning: k(`scale.${s.level}.meaning`, s.meaning),
    })),
    quadrants: m.quadrants.map((q) => ({
      ...q,
      title: k(`quadrant.${q.id}.title`, q.title),
      description: k(`quadrant.${q.id}.description`, q.description),
      parameters: q.parameters.map((p) => ({
        ...p,
        name: k(`parameter.${p.id}.name`, p.name),
        description: k(`parameter.${p.id}.description`, p.description),
        gapTitle: k(`parameter.${p.id}.gap`, p.gapTitle),
        levelHints: p.levelHints.map((h) => ({
          ...h,
          hint: k(`parameter.${p.id}.hint.${h.level}`, h.hint),
        })),
      })),
    })),
  };
}

function tiersTexts(x: Tiers, t: Lookup): Tiers {
  const k = (path: string, english: string) => t(`tiers:${x.id}:${path}`, english);
  return {
    ...x,
    title: k('title', x.title),
    description: k('description', x.description),
    tiers: x.tiers.map((tier) => ({
      ...tier,
      label: k(`tier.${tier.id}.label`, tier.label),
      description: k(`tier.${tier.id}.description`, tier.description),
    })),
  };
}

function servicesTexts(c: ServicesCatalogue, t: Lookup): ServicesCatalogue {
  const k = (path: string, english: string) => t(`services:${c.id}:${path}`, english);
  const list = (path: string, items: string[]) => items.map((s, i) => k(`${path}.${i}`, s));
  return {
    ...c,
    title: k('title', c.title),
    description: k('description', c.description),
    areas: c.areas.map((a) => ({
      ...a,
      name: k(`area.${a.id}.name`, a.name),
      description: k(`area.${a.id}.description`, a.description),
      services: a.services.map((s) => ({
        ...s,
        name: k(`service.${s.id}.name`, s.name),
        description: k(`service.${s.id}.description`, s.description),
        functions: s.functions.map((f) => ({ ...f, name: k(`function.${f.id}.name`, f.name) })),
        requires: {
          ...s.requires,
          staff: list(`service.${s.id}.staff`, s.requires.staff),
          tools: list(`service.${s.id}.tools`, s.requires.tools),
          processes: list(`service.${s.id}.processes`, s.requires.processes),
        },
      })),
    })),
  };
}

function guidanceTexts(g: Guidance, t: Lookup): Guidance {
  const k = (path: string, english: string) => t(`guidance:${g.id}:${path}`, english);
  return {
    ...g,
    title: k('title', g.title),
    entries: g.entries.map((e) => ({
      ...e,
      title: k(`entry.${e.id}.title`, e.title),
      text: e.text.map((p, i) => k(`entry.${e.id}.text.${i}`, p)),
    })),
  };
}

type Translatable = Omit<ToolkitContent, 'translations'>;

function walk(content: Translatable, t: Lookup): Translatable {
  return {
    questionnaires: content.questionnaires.map((q) => questionnaireTexts(q, t)),
    sim3Models: content.sim3Models.map((m) => sim3Texts(m, t)),
    tiers: content.tiers.map((x) => tiersTexts(x, t)),
    services: content.services.map((c) => servicesTexts(c, t)),
    guidance: content.guidance.map((g) => guidanceTexts(g, t)),
  };
}

/** Every translatable string: key → English text. */
export function contentKeys(content: Translatable): Map<string, string> {
  const keys = new Map<string, string>();
  walk(content, (key, english) => {
    keys.set(key, english);
    return english;
  });
  return keys;
}

/** The content in one language; strings without a translation stay in English. */
export function localiseContent(content: ToolkitContent, lang: string): ToolkitContent {
  if (lang === 'en') return content;
  // A language may be split over several files (one per part of the content).
  const strings: Record<string, string> = {};
  for (const t of content.translations) if (t.lang === lang) Object.assign(strings, t.strings);
  return {
    ...walk(content, (key, english) => strings[key] ?? english),
    translations: content.translations,
  };
}

/** Keys a translation file gives that no content has: a typo or a removed string. */
export function unknownTranslationKeys(
  content: Translatable,
  translation: ContentTranslation,
): string[] {
  const keys = contentKeys(content);
  return Object.keys(translation.strings).filter((k) => !keys.has(k));
}

import { memoByKey, type Clock } from '../../kernel/index.js';
import type { Db } from '../../storage/index.js';
import type { RegistryDeps } from '../registry/index.js';
import { localiseCatalogue } from './catalogue-i18n.js';
import type { Catalogue } from './catalogue.schema.js';
import type { LawContent } from './catalogue.js';

export interface LawDeps {
  db: Db;
  clock: Clock;
  /** Every catalogue version and the translations, loaded once at start. */
  content: LawContent;
  /** Countries, their regions, organisations and groups. */
  registry: RegistryDeps;
  /** The latest catalogue in one language, built once per language. */
  localised: (lang: string) => Catalogue;
}

export function lawDeps(
  db: Db,
  clock: Clock,
  content: LawContent,
  registry: RegistryDeps,
): LawDeps {
  return {
    db,
    clock,
    content,
    registry,
    localised: memoByKey((lang) => localiseCatalogue(content.latest, content.translations, lang)),
  };
}

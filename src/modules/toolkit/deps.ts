import { memoByKey, type Clock } from '../../kernel/index.js';
import type { Db } from '../../storage/index.js';
import type { RegistryDeps } from '../registry/index.js';
import { localiseContent } from './content-i18n.js';
import type { ToolkitContent } from './content.js';

export interface ToolkitDeps {
  db: Db;
  clock: Clock;
  content: ToolkitContent;
  /** The registry the toolkit reports to (maturity tier, readiness assessment done). */
  registry: RegistryDeps;
  /** The content in one language, built once per language. */
  localised: (lang: string) => ToolkitContent;
}

export function toolkitDeps(
  db: Db,
  clock: Clock,
  content: ToolkitContent,
  registry: RegistryDeps,
): ToolkitDeps {
  return {
    db,
    clock,
    content,
    registry,
    localised: memoByKey((lang) => localiseContent(content, lang)),
  };
}

import { api, withQuery } from '../../app/api';
import type { Locale } from '../../app/types';

/**
 * The toolkit's content as the API serves it (localised). Shapes mirror the zod schemas of
 * src/modules/toolkit/content.schema.ts.
 */
export type GuidanceTargetType =
  'readiness-area' | 'readiness-question' | 'sim3-parameter' | 'service' | 'bcm';

export interface GuidanceSource {
  id: string;
  title: string;
  publisher: string;
  year: number;
  url: string;
}

export interface GuidanceEntry {
  id: string;
  library: string;
  targets: Array<{ type: GuidanceTargetType; id: string }>;
  title: string;
  text: string[];
  citations: Array<{ source: string; locator?: string }>;
}

export interface GuidanceAnswer {
  sources: GuidanceSource[];
  entries: GuidanceEntry[];
}

export const getGuidance = (lang: Locale, target?: string) =>
  api.get<GuidanceAnswer>(withQuery('/api/toolkit/content/guidance', { lang, target }));

export type Phase = 'assessment' | 'design' | 'establishment' | 'enhancement';

export interface Questionnaire {
  id: string;
  version: string;
  title: string;
  description: string;
  levels: Array<{ id: string; label: string; description: string; min: number }>;
  areas: Array<{
    id: string;
    title: string;
    description: string;
    questions: Array<{
      id: string;
      phase: Phase;
      text: string;
      help?: string;
      weight: number;
      options: Array<{ id: string; label: string; score: number }>;
      gap: { title: string; phase: Phase };
      sim3: string[];
    }>;
  }>;
}

export interface Sim3Model {
  id: string;
  version: string;
  title: string;
  description: string;
  scale: Array<{ level: number; label: string; meaning: string }>;
  quadrants: Array<{
    id: 'O' | 'H' | 'T' | 'P';
    title: string;
    description: string;
    parameters: Array<{
      id: string;
      name: string;
      description: string;
      levelHints: Array<{ level: number; hint: string }>;
      gapTitle: string;
    }>;
  }>;
}

export interface Tiers {
  id: string;
  version: string;
  title: string;
  description: string;
  tiers: Array<{
    id: 'basic' | 'intermediate' | 'advanced';
    label: string;
    description: string;
    minimums: Record<string, number>;
  }>;
}

export interface ServicesCatalogue {
  id: string;
  version: string;
  title: string;
  description: string;
  source: { title: string; url: string };
  areas: Array<{
    id: string;
    name: string;
    description: string;
    services: Array<{
      id: string;
      name: string;
      description: string;
      functions: Array<{ id: string; name: string }>;
      requires: {
        staff: string[];
        tools: string[];
        processes: string[];
        sim3: Array<{ parameter: string; level: number }>;
      };
    }>;
  }>;
}

export const getQuestionnaire = (lang: Locale, version?: string) =>
  api.get<Questionnaire>(withQuery('/api/toolkit/content/readiness', { lang, version }));

export const getSim3Content = (lang: Locale, version?: string) =>
  api.get<{ model: Sim3Model; tiers: Tiers }>(
    withQuery('/api/toolkit/content/sim3', { lang, version }),
  );

export const getServicesCatalogue = (lang: Locale) =>
  api.get<ServicesCatalogue>(withQuery('/api/toolkit/content/services', { lang }));

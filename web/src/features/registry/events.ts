import type { TFunction } from 'i18next';
import type { accreditationBodies, Citation, EventValue, Source } from './types';

/** Proper names of the accreditation bodies, the same in every language. */
export const accreditationBodyNames: Record<(typeof accreditationBodies)[number], string> = {
  FIRST: 'FIRST',
  TI: 'Trusted Introducer',
};

/** What a fact says, in the reader's language ("Renamed to KE-CIRT/CC"). */
export function describeEvent(t: TFunction, value: EventValue): string {
  switch (value.kind) {
    case 'renamed':
      return t('registry.event.renamed', { name: value.name });
    case 'type':
      return t('registry.event.type', { type: t(`registry.teamType.${value.type}`) });
    case 'maturity':
      return t('registry.event.maturity', { tier: t(`registry.maturity.${value.tier}`) });
    case 'accreditation':
      return t('registry.event.accreditation', {
        body: accreditationBodyNames[value.body],
        status: t(`registry.accreditationStatus.${value.status}`),
      });
    default:
      return t(`registry.event.${value.kind}`);
  }
}

export interface CitationLink {
  title: string;
  url: string;
}

/** The sources a fact cites: shipped sources by id, or the title and address a user gave. */
export function citationLinks(citation: Citation, sources: Source[]): CitationLink[] {
  const links: CitationLink[] = [];
  for (const id of (citation.sourceId ?? '').split(';').filter(Boolean)) {
    const source = sources.find((s) => s.id === id);
    links.push(source ? { title: source.title, url: source.url } : { title: id, url: '' });
  }
  if (citation.title || citation.url) {
    links.push({ title: citation.title || citation.url || '', url: citation.url ?? '' });
  }
  return links;
}

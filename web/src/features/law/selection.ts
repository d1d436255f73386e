import { groups, ituRegions, organisations } from '../registry/types.js';
import { selectionKinds, type SelectionKind } from './types.js';

/**
 * The matrix's countries: one ITU region, regional organisation or footnote-1 group, kept in
 * the address as `?region=africa`, `?organisation=ATU` or `?group=LDC` (as the API takes it).
 */
export const selectionValues: Record<SelectionKind, readonly string[]> = {
  region: ituRegions,
  organisation: organisations,
  group: groups,
};

export interface Selection {
  kind: SelectionKind;
  id: string;
}

/** The first known selection in the address, or null when none is given. */
export function readSelection(params: URLSearchParams): Selection | null {
  for (const kind of selectionKinds) {
    const id = params.get(kind);
    if (id && selectionValues[kind].includes(id)) return { kind, id };
  }
  return null;
}

/** The kind chosen in the form, even before a value is: `?kind=group` while none is picked. */
export function readKind(params: URLSearchParams): SelectionKind {
  const selection = readSelection(params);
  if (selection) return selection.kind;
  const kind = params.get('kind');
  return (selectionKinds as readonly string[]).includes(kind ?? '')
    ? (kind as SelectionKind)
    : 'region';
}

export const selectionParams = (selection: Selection): Record<string, string> => ({
  [selection.kind]: selection.id,
});

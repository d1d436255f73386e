/**
 * Fixed identifiers of the marking definitions every instance shares.
 *
 * - TLP 2.0: the five marking-definition objects published by OASIS with the extension
 *   extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d (created 2022-10-01).
 * - TLP 1.0: the four marking definitions of STIX 2.1 section 7.2.1.4 (created 2017-01-20),
 *   accepted on import and read as TLP 2.0 (WHITE as CLEAR).
 * - PAP: no OASIS object exists, so cirtkit publishes its own extension definition and four
 *   marking definitions; their UUIDv4s were drawn once (2026-11-23) and never change, so that
 *   every cirtkit instance names PAP the same way (docs/decisions.md, "STIX objects").
 */

/** TLP 2.0 levels, least restrictive first (FIRST TLP 2.0, lower case as in the extension). */
export const tlpLevels = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type Tlp = (typeof tlpLevels)[number];

/** PAP levels, least restrictive first (PAP:WHITE is the older name of PAP:CLEAR). */
export const papLevels = ['clear', 'green', 'amber', 'red'] as const;
export type Pap = (typeof papLevels)[number];

export const tlp2ExtensionId = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
export const tlp2Created = '2022-10-01T00:00:00.000Z';

type MarkingId = `marking-definition--${string}`;

export const tlp2MarkingIds: Readonly<Record<Tlp, MarkingId>> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

export const tlp1Colours = ['white', 'green', 'amber', 'red'] as const;
export type Tlp1Colour = (typeof tlp1Colours)[number];
export const tlp1Created = '2017-01-20T00:00:00.000Z';

export const tlp1MarkingIds: Readonly<Record<Tlp1Colour, MarkingId>> = {
  white: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
  green: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
  amber: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  red: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
};

/** TLP 1.0 read as TLP 2.0: WHITE became CLEAR, the others kept their names. */
export const tlp1To2: Readonly<Record<Tlp1Colour, Tlp>> = {
  white: 'clear',
  green: 'green',
  amber: 'amber',
  red: 'red',
};

/** The identity that creates cirtkit's own extension definitions. */
export const cirtkitIdentityId = 'identity--5c3a3f46-cc28-4c83-9225-de62392a5b56' as const;
export const papExtensionId = 'extension-definition--ca41a845-454a-412c-b668-9cd4b71cab42' as const;
export const papCreated = '2026-11-23T00:00:00.000Z';

export const papMarkingIds: Readonly<Record<Pap, MarkingId>> = {
  clear: 'marking-definition--ec8e705d-6dc8-4dd1-b66a-8a0a72782efa',
  green: 'marking-definition--0b58afb0-1536-45eb-9bc1-a52879ac8d6e',
  amber: 'marking-definition--88ac4710-4b6f-480f-873e-2b11c075e1e7',
  red: 'marking-definition--1d1bb6e2-f737-46ad-9466-154d18b25823',
};

/** Every known TLP marking id (2.0 and 1.0) with the TLP 2.0 level it stands for. */
export const tlpByMarkingId: ReadonlyMap<string, Tlp> = new Map<string, Tlp>([
  ...Object.entries(tlp2MarkingIds).map(([level, id]) => [id, level as Tlp] as const),
  ...Object.entries(tlp1MarkingIds).map(([c, id]) => [id, tlp1To2[c as Tlp1Colour]] as const),
]);

export const papByMarkingId: ReadonlyMap<string, Pap> = new Map<string, Pap>(
  Object.entries(papMarkingIds).map(([level, id]) => [id, level as Pap] as const),
);

/** Upper-case label of a level: `TLP:AMBER+STRICT`, `PAP:RED`. */
export const tlpLabel = (level: Tlp): string => `TLP:${level.toUpperCase()}`;
export const papLabel = (level: Pap): string => `PAP:${level.toUpperCase()}`;

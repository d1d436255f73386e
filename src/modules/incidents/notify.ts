import type { Tlp } from './incident.schema.js';

/**
 * What a notification may carry to whom (TLP 2.0, FIRST) and how it is protected (the
 * organisation's PGP preference). Pure decisions, so they are tested on their own.
 *
 * - TLP:CLEAR goes to anyone.
 * - TLP:GREEN stays in the community: any contact of a constituent, or an address the analyst
 *   names (who is of the team's community is the analyst's call).
 * - TLP:AMBER is need-to-know: only contacts of an organisation affected by the incident.
 * - TLP:AMBER+STRICT stays inside the team's own organisation and TLP:RED with the people it was
 *   given to: neither leaves by notification. Lowering the label (with the source's consent)
 *   is a triage decision made first.
 */
export type NotifyRecipient =
  /** A contact of a constituent organisation; `affected`: the organisation is on the incident. */
  | { kind: 'contact'; affected: boolean }
  /** An address typed by the analyst, not known as a constituent contact. */
  | { kind: 'address' };

export type NotifyRefusal =
  'tlp_red' | 'tlp_amber_strict' | 'tlp_amber_not_affected' | 'tlp_amber_address';

export type NotifyDecision =
  { allowed: true } | { allowed: false; rule: NotifyRefusal; message: string };

export function tlpLabel(tlp: Tlp): string {
  return `TLP:${tlp.toUpperCase()}`;
}

export function mayNotify(tlp: Tlp, recipient: NotifyRecipient): NotifyDecision {
  switch (tlp) {
    case 'clear':
    case 'green':
      return { allowed: true };
    case 'amber':
      if (recipient.kind === 'contact' && recipient.affected) return { allowed: true };
      return recipient.kind === 'contact'
        ? {
            allowed: false,
            rule: 'tlp_amber_not_affected',
            message:
              'TLP:AMBER goes only to organisations affected by the incident: add the organisation to the affected constituents first',
          }
        : {
            allowed: false,
            rule: 'tlp_amber_address',
            message:
              'TLP:AMBER goes only to contacts of affected organisations, not to other addresses',
          };
    case 'amber+strict':
      return {
        allowed: false,
        rule: 'tlp_amber_strict',
        message:
          'TLP:AMBER+STRICT may not leave the team: lower the incident to TLP:AMBER (with the source’s consent) before notifying',
      };
    case 'red':
      return {
        allowed: false,
        rule: 'tlp_red',
        message: 'TLP:RED is for the people it was given to only: no notification may carry it',
      };
  }
}

export type PgpPreference = 'none' | 'sign' | 'encrypt' | 'sign-encrypt';

export type PgpDecision =
  | { ok: true; sign: boolean; encrypt: boolean }
  | { ok: false; rule: 'pgp_no_key' | 'pgp_no_team_key'; message: string };

/** How one message is protected, from the organisation's preference and the keys at hand. */
export function pgpFor(
  preference: PgpPreference,
  recipientHasKey: boolean,
  teamCanSign: boolean,
): PgpDecision {
  const sign = preference === 'sign' || preference === 'sign-encrypt';
  const encrypt = preference === 'encrypt' || preference === 'sign-encrypt';
  if (encrypt && !recipientHasKey)
    return {
      ok: false,
      rule: 'pgp_no_key',
      message:
        'the organisation asks for encrypted mail but this contact has no OpenPGP key: add the key to the contact first',
    };
  if (sign && !teamCanSign)
    return {
      ok: false,
      rule: 'pgp_no_team_key',
      message:
        'the organisation asks for signed mail but no team key is configured (CIRTKIT_PGP_KEY_FILE)',
    };
  return { ok: true, sign, encrypt };
}

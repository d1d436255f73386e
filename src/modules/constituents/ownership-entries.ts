/**
 * The bookkeeping of the ownership index, all in typed arrays: entries (numbered from 1, 0 =
 * none) chained per owned value ("slot", numbered from 1), organisation ids interned, and per
 * slot the frozen array of its owners that the hot path returns. No object is kept per entry,
 * so building the index of 100,000 prefixes leaves the garbage collector little to do.
 *
 * @example
 * const store = new EntryStore(2);
 * const slot = store.newSlot('192.0.2.0/24', 24);
 * store.attach('e1', 'ministry', entryKinds.ipv4, slot);
 * store.slotOrgs[slot]; // ['ministry'] (frozen, shared by every slot owned by it alone)
 */
import type { MatchRule } from './answers.js';
import type { OwnershipKind } from './ownership-value.js';

export type { MatchRule } from './answers.js';
export interface OwnershipMatch {
  entryId: string;
  orgId: string;
  kind: OwnershipKind;
  value: string;
  rule: MatchRule;
  /** For IP prefixes. */
  prefixLength?: number;
}

/** Kind codes of entries (an AS block is an `asn` entry with its own rule). */
export const entryKinds = { ipv4: 0, ipv6: 1, asn: 2, asnRange: 3, domain: 4 } as const;
const kindNames: readonly OwnershipKind[] = ['ipv4', 'ipv6', 'asn', 'asn', 'domain'];
const rules: readonly MatchRule[] = [
  'longest-prefix',
  'longest-prefix',
  'exact-asn',
  'asn-range',
  'longest-suffix',
];
const none: readonly string[] = Object.freeze([]);

function grown<T extends Int32Array | Uint8Array>(array: T, need: number): T {
  if (need < array.length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(
    Math.max(need + 1, array.length * 2),
  );
  bigger.set(array);
  return bigger;
}

export class EntryStore {
  // Entries; `entryNext` chains the entries of one slot in the order they came.
  readonly byId = new Map<string, number>();
  private readonly ids: string[] = [''];
  private entryOrg: Int32Array;
  entryKind: Uint8Array;
  entrySlot: Int32Array;
  private entryNext: Int32Array;
  private readonly freeEntries: number[] = [];
  // Organisation ids, interned; one shared frozen array per organisation owning a slot alone.
  private readonly orgNumber = new Map<string, number>();
  private readonly orgNames: string[] = [];
  private readonly soleOrg: (readonly string[])[] = [];
  private lastOrg = -1;
  // Slots: prefix length, first and last entry, text, owners.
  slotLength: Uint8Array;
  private slotHead: Int32Array;
  private slotTail: Int32Array;
  readonly slotValue: string[] = [''];
  readonly slotOrgs: (readonly string[])[] = [none];
  private readonly freeSlots: number[] = [];

  constructor(expectedEntries: number) {
    const n = expectedEntries + 1;
    this.entryOrg = new Int32Array(n);
    this.entryKind = new Uint8Array(n);
    this.entrySlot = new Int32Array(n);
    this.entryNext = new Int32Array(n);
    this.slotLength = new Uint8Array(n);
    this.slotHead = new Int32Array(n);
    this.slotTail = new Int32Array(n);
  }

  newSlot(value: string, length: number): number {
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      slot = this.slotValue.length;
      this.slotLength = grown(this.slotLength, slot);
      this.slotHead = grown(this.slotHead, slot);
      this.slotTail = grown(this.slotTail, slot);
    }
    this.slotValue[slot] = value;
    this.slotOrgs[slot] = none;
    this.slotLength[slot] = length;
    this.slotHead[slot] = 0;
    this.slotTail[slot] = 0;
    return slot;
  }

  /** Files an entry (already validated, its id free) at the end of a slot's chain. */
  attach(id: string, orgId: string, kind: number, slot: number): void {
    // Rows come grouped by organisation more often than not (an import adds one's at once).
    let org = orgId === this.orgNames[this.lastOrg] ? this.lastOrg : this.orgNumber.get(orgId);
    if (org === undefined) {
      org = this.orgNames.push(orgId) - 1;
      this.orgNumber.set(orgId, org);
      this.soleOrg.push(Object.freeze([orgId]));
    }
    this.lastOrg = org;
    let entry = this.freeEntries.pop();
    if (entry === undefined) {
      entry = this.ids.length;
      this.entryOrg = grown(this.entryOrg, entry);
      this.entryKind = grown(this.entryKind, entry);
      this.entrySlot = grown(this.entrySlot, entry);
      this.entryNext = grown(this.entryNext, entry);
    }
    this.ids[entry] = id;
    this.byId.set(id, entry);
    this.entryOrg[entry] = org;
    this.entryKind[entry] = kind;
    this.entrySlot[entry] = slot;
    this.entryNext[entry] = 0;
    const tail = this.slotTail[slot]!;
    if (tail === 0) {
      this.slotHead[slot] = entry;
      this.slotOrgs[slot] = this.soleOrg[org]!;
    } else {
      this.entryNext[tail] = entry;
      if (this.slotOrgs[slot] !== this.soleOrg[org]) this.slotOrgs[slot] = this.ownersOf(slot);
    }
    this.slotTail[slot] = entry;
  }

  /** Takes an entry out of its slot's chain; answers whether the slot is left empty. */
  detach(entry: number): boolean {
    this.byId.delete(this.ids[entry]!);
    const slot = this.entrySlot[entry]!;
    let previous = 0;
    for (let e = this.slotHead[slot]!; e !== entry; e = this.entryNext[e]!) previous = e;
    const next = this.entryNext[entry]!;
    if (previous === 0) this.slotHead[slot] = next;
    else this.entryNext[previous] = next;
    if (this.slotTail[slot] === entry) this.slotTail[slot] = previous;
    this.ids[entry] = '';
    this.freeEntries.push(entry);
    this.slotOrgs[slot] = this.ownersOf(slot);
    return this.slotHead[slot] === 0;
  }

  freeSlot(slot: number): void {
    this.slotValue[slot] = '';
    this.slotOrgs[slot] = none;
    this.freeSlots.push(slot);
  }

  /** The distinct organisations of a slot's entries, frozen (shared when there is one). */
  private ownersOf(slot: number): readonly string[] {
    const orgs: number[] = [];
    for (let e = this.slotHead[slot]!; e !== 0; e = this.entryNext[e]!) {
      if (!orgs.includes(this.entryOrg[e]!)) orgs.push(this.entryOrg[e]!);
    }
    if (orgs.length <= 1) return orgs.length === 0 ? none : this.soleOrg[orgs[0]!]!;
    return Object.freeze(orgs.map((o) => this.orgNames[o]!));
  }

  /** The entries of these slots as matches, slot by slot. */
  matches(slots: number[]): OwnershipMatch[] {
    const found: OwnershipMatch[] = [];
    for (const slot of slots) {
      for (let e = this.slotHead[slot]!; e !== 0; e = this.entryNext[e]!) {
        const kind = this.entryKind[e]!;
        const match: OwnershipMatch = {
          entryId: this.ids[e]!,
          orgId: this.orgNames[this.entryOrg[e]!]!,
          kind: kindNames[kind]!,
          value: this.slotValue[slot]!,
          rule: rules[kind]!,
        };
        if (kind <= entryKinds.ipv6) match.prefixLength = this.slotLength[slot]!;
        found.push(match);
      }
    }
    return found;
  }
}

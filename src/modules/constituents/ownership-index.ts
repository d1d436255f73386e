/**
 * The ownership index: which organisation owns an IP address, an AS number or a domain, by most
 * specific match (longest prefix, longest domain suffix, exact AS number). Pure and in memory;
 * changed entry by entry (`add`, `remove`) without a rebuild. The feed pipeline uses the
 * allocation-free `lookupIPv4` / `lookupIPv6`.
 *
 * @example
 * const index = OwnershipIndex.build([
 *   { id: 'e1', orgId: 'ministry', kind: 'ipv4', value: '192.0.2.0/24' },
 *   { id: 'e2', orgId: 'isp', kind: 'ipv4', value: '192.0.0.0/16' },
 * ]);
 * index.lookup({ kind: 'ipv4', value: '192.0.2.7' }); // [{ orgId: 'ministry', prefixLength: 24, ... }]
 * index.covering({ kind: 'ipv4', value: '192.0.2.7' }).map((m) => m.orgId); // ['ministry', 'isp']
 */
import {
  parseIPv4Address,
  parseIPv6Address,
  parseOwnershipValue,
  type LookupTarget,
  type OwnershipKind,
} from './ownership-value.js';

export interface OwnershipEntry {
  id: string;
  orgId: string;
  kind: OwnershipKind;
  /** Canonical value (see `parseOwnershipValue`); a valid non-canonical one is canonicalised. */
  value: string;
}
export type MatchRule = 'longest-prefix' | 'exact-asn' | 'longest-suffix';
export interface OwnershipMatch {
  entryId: string;
  orgId: string;
  kind: OwnershipKind;
  value: string;
  rule: MatchRule;
  /** For IP prefixes. */
  prefixLength?: number;
}

/** One owned value (a prefix, an AS number, a domain) and the entries that own it. */
interface Slot {
  kind: OwnershipKind;
  key: string | number;
  length: number;
  entries: OwnershipEntry[];
  /** Frozen and shared: what the hot path returns. */
  orgIds: readonly string[];
}

const none: readonly string[] = Object.freeze([]);
const ruleOf = {
  ipv4: 'longest-prefix',
  ipv6: 'longest-prefix',
  asn: 'exact-asn',
  domain: 'longest-suffix',
} as const;

/**
 * A binary trie over the bits of big-endian 32-bit words, stored in typed arrays: node 0 is the root, child 0 means
 * none. Each node may hold a slot. Removing the last owner of a prefix prunes the branch.
 */
class BitTrie {
  private zero = new Int32Array(1024);
  private one = new Int32Array(1024);
  private parent = new Int32Array(1024);
  /** Index into `slots`, 0 for none. */
  private slotIndex = new Int32Array(1024);
  private readonly slots: (Slot | undefined)[] = [undefined];
  private readonly freeSlots: number[] = [];
  private readonly freeNodes: number[] = [];
  private nodes = 1;

  private grow(): void {
    const size = this.zero.length * 2;
    for (const name of ['zero', 'one', 'parent', 'slotIndex'] as const) {
      const bigger = new Int32Array(size);
      bigger.set(this[name]);
      this[name] = bigger;
    }
  }

  private child(node: number, bit: number): number {
    return bit === 0 ? this.zero[node]! : this.one[node]!;
  }

  /** The node for a prefix, created when `create` is set; 0 when absent (the root is /0). */
  private walk(words: ArrayLike<number>, length: number, create: boolean): number {
    let node = 0;
    for (let i = 0; i < length; i++) {
      const bit = (words[i >>> 5]! >>> (31 - (i & 31))) & 1;
      let next = this.child(node, bit);
      if (next === 0) {
        if (!create) return -1;
        next = this.freeNodes.pop() ?? this.nodes++;
        if (next >= this.zero.length) this.grow();
        this.parent[next] = node;
        (bit === 0 ? this.zero : this.one)[node] = next;
      }
      node = next;
    }
    return node;
  }

  slotAt(words: ArrayLike<number>, length: number, make: () => Slot): Slot {
    const node = this.walk(words, length, true);
    const existing = this.slotIndex[node]!;
    if (existing !== 0) return this.slots[existing]!;
    const slot = make();
    const index = this.freeSlots.pop() ?? this.slots.length;
    this.slots[index] = slot;
    this.slotIndex[node] = index;
    return slot;
  }

  /** Forgets a prefix's slot and prunes the nodes nothing needs any more. */
  drop(words: ArrayLike<number>, length: number): void {
    let node = this.walk(words, length, false);
    if (node < 0) return;
    const index = this.slotIndex[node]!;
    this.slots[index] = undefined;
    this.freeSlots.push(index);
    this.slotIndex[node] = 0;
    while (node !== 0 && this.slotIndex[node] === 0 && !this.zero[node] && !this.one[node]) {
      const up = this.parent[node]!;
      if (this.zero[up] === node) this.zero[up] = 0;
      else this.one[up] = 0;
      this.freeNodes.push(node);
      node = up;
    }
  }

  /** Every slot on the path of `words` down to `length` bits, least specific first. */
  path(words: ArrayLike<number>, length: number): Slot[] {
    const found: Slot[] = [];
    let node = 0;
    for (let i = 0; ; i++) {
      const index = this.slotIndex[node]!;
      if (index !== 0) found.push(this.slots[index]!);
      if (i === length) return found;
      node = this.child(node, (words[i >>> 5]! >>> (31 - (i & 31))) & 1);
      if (node === 0) return found;
    }
  }

  /** Org ids at the longest prefix holding one 32-bit address (IPv4 hot path). */
  longest32(address: number): readonly string[] {
    const { zero, one, slotIndex } = this;
    let best = 0;
    let node = 0;
    for (let shift = 31; ; shift--) {
      const index = slotIndex[node]!;
      if (index !== 0) best = index;
      if (shift < 0) break;
      node = ((address >>> shift) & 1) === 0 ? zero[node]! : one[node]!;
      if (node === 0) break;
    }
    return best === 0 ? none : this.slots[best]!.orgIds;
  }

  /** Org ids at the longest prefix holding a 128-bit address given as four words. */
  longest128(words: ArrayLike<number>): readonly string[] {
    const { zero, one, slotIndex } = this;
    let best = 0;
    let node = 0;
    for (let i = 0; ; i++) {
      const index = slotIndex[node]!;
      if (index !== 0) best = index;
      if (i === 128) break;
      node = ((words[i >>> 5]! >>> (31 - (i & 31))) & 1) === 0 ? zero[node]! : one[node]!;
      if (node === 0) break;
    }
    return best === 0 ? none : this.slots[best]!.orgIds;
  }
}

function invalid(kind: string, message: string): Error {
  return new RangeError(`invalid ${kind} ownership value: ${message}`);
}

/** The bits of a canonical prefix: words (big-endian uint32) and a length. */
function prefixBits(
  kind: 'ipv4' | 'ipv6',
  value: string,
): { words: ArrayLike<number>; length: number } {
  const slash = value.indexOf('/');
  const address = value.slice(0, slash);
  const length = Number(value.slice(slash + 1));
  if (kind === 'ipv4') return { words: [parseIPv4Address(address) as number], length };
  return { words: parseIPv6Address(address) as Uint32Array, length };
}

export class OwnershipIndex {
  private readonly byId = new Map<string, { entry: OwnershipEntry; slot: Slot }>();
  private readonly v4 = new BitTrie();
  private readonly v6 = new BitTrie();
  private readonly asns = new Map<string, Slot>();
  private readonly domains = new Map<string, Slot>();

  /** An index of these entries; an invalid value throws a RangeError naming it. */
  static build(entries: Iterable<OwnershipEntry>): OwnershipIndex {
    const index = new OwnershipIndex();
    for (const entry of entries) index.add(entry);
    return index;
  }

  /** How many entries the index holds. */
  get size(): number {
    return this.byId.size;
  }

  has(entryId: string): boolean {
    return this.byId.has(entryId);
  }

  /** Adds an entry, or replaces the entry with the same id. */
  add(entry: OwnershipEntry): void {
    const parsed = parseOwnershipValue(entry.kind, entry.value);
    if (!parsed.ok) throw invalid(entry.kind, parsed.message);
    this.remove(entry.id);
    const stored: OwnershipEntry = { ...entry, value: parsed.value };
    const slot = this.slotFor(entry.kind, parsed.value);
    slot.entries.push(stored);
    slot.orgIds = Object.freeze([...new Set(slot.entries.map((e) => e.orgId))]);
    this.byId.set(entry.id, { entry: stored, slot });
  }

  /** Removes an entry; answers whether it was there. */
  remove(entryId: string): boolean {
    const held = this.byId.get(entryId);
    if (!held) return false;
    this.byId.delete(entryId);
    const { slot, entry } = held;
    slot.entries = slot.entries.filter((e) => e.id !== entryId);
    slot.orgIds = Object.freeze([...new Set(slot.entries.map((e) => e.orgId))]);
    if (slot.entries.length > 0) return true;
    if (entry.kind === 'ipv4' || entry.kind === 'ipv6') {
      const { words, length } = prefixBits(entry.kind, entry.value);
      (entry.kind === 'ipv4' ? this.v4 : this.v6).drop(words, length);
    } else {
      (entry.kind === 'asn' ? this.asns : this.domains).delete(entry.value);
    }
    return true;
  }

  private slotFor(kind: OwnershipKind, value: string): Slot {
    const make = (length: number) => (): Slot => ({
      kind,
      key: value,
      length,
      entries: [],
      orgIds: none,
    });
    if (kind === 'ipv4' || kind === 'ipv6') {
      const { words, length } = prefixBits(kind, value);
      return (kind === 'ipv4' ? this.v4 : this.v6).slotAt(words, length, make(length));
    }
    const map = kind === 'asn' ? this.asns : this.domains;
    let slot = map.get(value);
    if (!slot) map.set(value, (slot = make(0)()));
    return slot;
  }

  /** Every owned value holding the target, most specific first. */
  private slotsHolding(target: LookupTarget): Slot[] {
    const parsed = parseOwnershipValue(target.kind, target.value);
    if (!parsed.ok) throw invalid(target.kind, parsed.message);
    const value = parsed.value;
    switch (target.kind) {
      case 'ipv4':
      case 'ipv6': {
        const { words, length } = prefixBits(target.kind, value);
        return (target.kind === 'ipv4' ? this.v4 : this.v6).path(words, length).reverse();
      }
      case 'asn': {
        const slot = this.asns.get(value);
        return slot ? [slot] : [];
      }
      case 'domain': {
        const found: Slot[] = [];
        // Suffixes on label boundaries only: example.org never matches badexample.org.
        for (let rest = value; ;) {
          const slot = this.domains.get(rest);
          if (slot) found.push(slot);
          const dot = rest.indexOf('.');
          if (dot < 0) break;
          rest = rest.slice(dot + 1);
        }
        return found;
      }
    }
  }

  private matches(slots: Slot[]): OwnershipMatch[] {
    return slots.flatMap((slot) =>
      slot.entries.map((e) => ({
        entryId: e.id,
        orgId: e.orgId,
        kind: e.kind,
        value: e.value,
        rule: ruleOf[e.kind],
        ...(e.kind === 'ipv4' || e.kind === 'ipv6' ? { prefixLength: slot.length } : {}),
      })),
    );
  }

  /**
   * The entries at the most specific level holding the target (several when organisations
   * share it); an IP target may be an address or a prefix. An invalid target throws.
   */
  lookup(target: LookupTarget): OwnershipMatch[] {
    return this.matches(this.slotsHolding(target).slice(0, 1));
  }

  /** Every entry holding the target, most specific first ("also inside ..."). */
  covering(target: LookupTarget): OwnershipMatch[] {
    return this.matches(this.slotsHolding(target));
  }

  /**
   * Hot path: org ids owning the most specific prefix that holds an IPv4 address given as an
   * unsigned 32-bit integer. Allocates nothing: the array is shared and frozen; do not keep it
   * across changes to the index.
   */
  lookupIPv4(address: number): readonly string[] {
    return this.v4.longest32(address);
  }

  /**
   * Hot path for IPv6: the address as four big-endian unsigned 32-bit words (`words[0]` holds
   * the first 32 bits), e.g. a reused Uint32Array(4) filled by `parseIPv6Address`.
   */
  lookupIPv6(words: ArrayLike<number>): readonly string[] {
    return this.v6.longest128(words);
  }
}

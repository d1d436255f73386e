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
  networkOf,
  parseIpPrefix,
  parseOwnershipValue,
  type IpPrefix,
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
  /** Prefix length (0 for AS numbers and domains). */
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

function orgIdsOf(entries: OwnershipEntry[]): readonly string[] {
  if (entries.length < 2) return entries.length === 0 ? none : Object.freeze([entries[0]!.orgId]);
  return Object.freeze([...new Set(entries.map((e) => e.orgId))]);
}

const rootBits = 16;
const rootCells = 1 << rootBits;
const stride = 4;
const fan = 1 << stride;

/** `count` bits of `words` from bit `from` (never across a word: callers align them). */
const bitsAt = (words: ArrayLike<number>, from: number, count: number) =>
  (words[from >>> 5]! >>> (32 - (from & 31) - count)) & ((1 << count) - 1);

/**
 * The lookup accelerator: a multibit trie with a 16-bit root table and 4-bit chunks below, so an
 * IPv4 lookup reads at most 5 cells instead of walking 32 bits. Cell i holds, at `cells[2i]`,
 * the slot of the longest prefix ending within the cell's level (expanded over the cells it
 * spans) and, at `cells[2i + 1]`, the chunk below it. A lookup keeps the last slot seen.
 */
class StrideTable {
  private cells = new Int32Array(2 * (rootCells + fan * 256));
  private chunkParent = new Int32Array(256);
  private readonly freeChunks: number[] = [];
  private chunks = 1;

  constructor(private readonly lengthOf: (slot: number) => number) {}

  private static base(chunk: number): number {
    return rootCells + (chunk - 1) * fan;
  }

  private newChunk(parentCell: number): number {
    const chunk = this.freeChunks.pop() ?? this.chunks++;
    if (chunk >= this.chunkParent.length) {
      const parents = new Int32Array(this.chunkParent.length * 2);
      parents.set(this.chunkParent);
      this.chunkParent = parents;
      const cells = new Int32Array(2 * (rootCells + fan * this.chunkParent.length));
      cells.set(this.cells);
      this.cells = cells;
    }
    this.chunkParent[chunk] = parentCell;
    return chunk;
  }

  /** The cells a prefix spans at its level, creating chunks on the way when asked. */
  private span(words: ArrayLike<number>, length: number, create: boolean): [number, number] {
    const level = length <= rootBits ? 0 : Math.ceil((length - rootBits) / stride);
    let cell = bitsAt(words, 0, rootBits);
    for (let j = 1; j <= level; j++) {
      let child = this.cells[2 * cell + 1]!;
      if (child === 0) {
        if (!create) return [0, 0];
        child = this.newChunk(cell);
        this.cells[2 * cell + 1] = child;
      }
      cell = StrideTable.base(child) + bitsAt(words, rootBits + stride * (j - 1), stride);
    }
    const count = 1 << (rootBits + stride * level - length);
    const first = cell & ~(count - 1);
    return [first, first + count];
  }

  insert(words: ArrayLike<number>, length: number, slot: number): void {
    const [from, to] = this.span(words, length, true);
    for (let c = from; c < to; c++) {
      const held = this.cells[2 * c]!;
      if (held === 0 || this.lengthOf(held) < length) this.cells[2 * c] = slot;
    }
  }

  /** After `slot` left the trie: `replacement(cell)` names what each of its cells holds now. */
  remove(
    words: ArrayLike<number>,
    length: number,
    slot: number,
    replacement: (offset: number, count: number) => number,
  ): void {
    const [from, to] = this.span(words, length, false);
    for (let c = from; c < to; c++) {
      if (this.cells[2 * c] === slot) this.cells[2 * c] = replacement(c - from, to - from);
    }
    // Free chunks left empty, bottom up.
    for (let cell = from; cell >= rootCells;) {
      const chunk = ((cell - rootCells) >> stride) + 1;
      const base = StrideTable.base(chunk);
      for (let c = base; c < base + fan; c++) {
        if (this.cells[2 * c] !== 0 || this.cells[2 * c + 1] !== 0) return;
      }
      cell = this.chunkParent[chunk]!;
      this.cells[2 * cell + 1] = 0;
      this.freeChunks.push(chunk);
    }
  }

  /** The slot of the longest prefix holding a 32-bit address, 0 for none. */
  longest32(address: number): number {
    const cells = this.cells;
    let cell = address >>> rootBits;
    let best = cells[2 * cell]!;
    let child = cells[2 * cell + 1]!;
    for (let shift = 32 - rootBits - stride; child !== 0; shift -= stride) {
      cell = rootCells + (child - 1) * fan + ((address >>> shift) & (fan - 1));
      const held = cells[2 * cell]!;
      if (held !== 0) best = held;
      child = cells[2 * cell + 1]!;
    }
    return best;
  }

  /** The slot of the longest prefix holding a 128-bit address (four words), 0 for none. */
  longest128(words: ArrayLike<number>): number {
    const cells = this.cells;
    let cell = words[0]! >>> rootBits;
    let best = cells[2 * cell]!;
    let child = cells[2 * cell + 1]!;
    for (let at = rootBits; child !== 0; at += stride) {
      const bits = (words[at >>> 5]! >>> (32 - stride - (at & 31))) & (fan - 1);
      cell = rootCells + (child - 1) * fan + bits;
      const held = cells[2 * cell]!;
      if (held !== 0) best = held;
      child = cells[2 * cell + 1]!;
    }
    return best;
  }
}

/**
 * The prefixes of one family: a map from canonical prefix to slot (the truth, for exact and
 * covering look-ups, which probe only the prefix lengths in use) and the stride table kept in
 * step for the hot path. Slots are numbered so the stride table can hold them in typed arrays.
 */
class PrefixTable {
  private readonly byValue = new Map<string, number>();
  private readonly slots: (Slot | undefined)[] = [undefined];
  private readonly freeSlots: number[] = [];
  private readonly inUse: Int32Array;
  private readonly fast = new StrideTable((index) => this.slots[index]!.length);

  constructor(width: number) {
    this.inUse = new Int32Array(width + 1);
  }

  slotAt(prefix: IpPrefix): Slot {
    const existing = this.byValue.get(prefix.value);
    if (existing !== undefined) return this.slots[existing]!;
    const slot = newSlot(prefix.length);
    const index = this.freeSlots.pop() ?? this.slots.length;
    this.slots[index] = slot;
    this.byValue.set(prefix.value, index);
    this.inUse[prefix.length]!++;
    this.fast.insert(prefix.words, prefix.length, index);
    return slot;
  }

  /** Forgets a prefix; each stride cell it filled takes the longest prefix left at its level. */
  drop(prefix: IpPrefix): void {
    const index = this.byValue.get(prefix.value);
    if (index === undefined) return;
    this.byValue.delete(prefix.value);
    this.slots[index] = undefined;
    this.inUse[prefix.length]!--;
    const { words, length } = prefix;
    const levelEnd =
      length <= rootBits ? rootBits : rootBits + stride * Math.ceil((length - rootBits) / stride);
    const levelStart = levelEnd === rootBits ? -1 : levelEnd - stride;
    const cell = Uint32Array.from(words);
    this.fast.remove(words, length, index, (offset) => {
      const spare = levelEnd - length;
      for (let b = 0; b < spare; b++) {
        const at = length + b;
        const bit = 1 << (31 - (at & 31));
        const on = (offset >>> (spare - 1 - b)) & 1;
        cell[at >>> 5] = on ? cell[at >>> 5]! | bit : cell[at >>> 5]! & ~bit;
      }
      for (let l = levelEnd; l > levelStart; l--) {
        if (this.inUse[l] === 0) continue;
        const held = this.byValue.get(networkOf(cell, l));
        if (held !== undefined) return held;
      }
      return 0;
    });
    this.freeSlots.push(index);
  }

  /** Every slot holding the prefix (itself included), most specific first. */
  holding(prefix: IpPrefix): Slot[] {
    const found: Slot[] = [];
    for (let l = prefix.length; l >= 0; l--) {
      if (this.inUse[l] === 0) continue;
      const held = this.byValue.get(
        l === prefix.length ? prefix.value : networkOf(prefix.words, l),
      );
      if (held !== undefined) found.push(this.slots[held]!);
    }
    return found;
  }

  /** Org ids at the longest prefix holding one 32-bit address (IPv4 hot path). */
  longest32(address: number): readonly string[] {
    const best = this.fast.longest32(address);
    return best === 0 ? none : this.slots[best]!.orgIds;
  }

  /** Org ids at the longest prefix holding a 128-bit address given as four words. */
  longest128(words: ArrayLike<number>): readonly string[] {
    const best = this.fast.longest128(words);
    return best === 0 ? none : this.slots[best]!.orgIds;
  }
}

/** The canonical value of an entry or target, and its bits for a prefix; throws when invalid. */
function parse(kind: OwnershipKind, raw: string): { value: string; prefix?: IpPrefix } {
  if (kind === 'ipv4' || kind === 'ipv6') {
    const prefix = parseIpPrefix(kind, raw.trim());
    if (typeof prefix === 'string') throw new RangeError(`invalid ${kind} value: ${prefix}`);
    return { value: prefix.value, prefix };
  }
  const parsed = parseOwnershipValue(kind, raw);
  if (!parsed.ok) throw new RangeError(`invalid ${kind} value: ${parsed.message}`);
  return { value: parsed.value };
}

function newSlot(length: number): Slot {
  return { length, entries: [], orgIds: none };
}

export class OwnershipIndex {
  private readonly byId = new Map<string, { entry: OwnershipEntry; slot: Slot; bits?: IpPrefix }>();
  private readonly v4 = new PrefixTable(32);
  private readonly v6 = new PrefixTable(128);
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

  /** Adds an entry, or replaces the entry with the same id. An invalid value throws. */
  add(entry: OwnershipEntry): void {
    const { value, prefix } = parse(entry.kind, entry.value);
    this.remove(entry.id);
    const stored: OwnershipEntry = { id: entry.id, orgId: entry.orgId, kind: entry.kind, value };
    let slot: Slot;
    if (prefix) {
      const trie = entry.kind === 'ipv4' ? this.v4 : this.v6;
      slot = trie.slotAt(prefix);
    } else {
      const map = entry.kind === 'asn' ? this.asns : this.domains;
      slot = map.get(value) ?? newSlot(0);
      map.set(value, slot);
    }
    slot.entries.push(stored);
    slot.orgIds = orgIdsOf(slot.entries);
    this.byId.set(
      entry.id,
      prefix ? { entry: stored, slot, bits: prefix } : { entry: stored, slot },
    );
  }

  /** Removes an entry; answers whether it was there. */
  remove(entryId: string): boolean {
    const held = this.byId.get(entryId);
    if (!held) return false;
    this.byId.delete(entryId);
    const { slot, entry, bits } = held;
    slot.entries = slot.entries.filter((e) => e.id !== entryId);
    slot.orgIds = orgIdsOf(slot.entries);
    if (slot.entries.length > 0) return true;
    if (bits) (entry.kind === 'ipv4' ? this.v4 : this.v6).drop(bits);
    else (entry.kind === 'asn' ? this.asns : this.domains).delete(entry.value);
    return true;
  }

  /** Every owned value holding the target, most specific first. */
  private slotsHolding(target: LookupTarget): Slot[] {
    const { value, prefix } = parse(target.kind, target.value);
    if (prefix) {
      const trie = target.kind === 'ipv4' ? this.v4 : this.v6;
      return trie.holding(prefix);
    }
    if (target.kind === 'asn') {
      const slot = this.asns.get(value);
      return slot ? [slot] : [];
    }
    const found: Slot[] = [];
    // Suffixes on label boundaries only: example.org never matches badexample.org.
    for (let rest = value; ;) {
      const slot = this.domains.get(rest);
      if (slot) found.push(slot);
      const dot = rest.indexOf('.');
      if (dot < 0) return found;
      rest = rest.slice(dot + 1);
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

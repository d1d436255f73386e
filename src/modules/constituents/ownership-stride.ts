/**
 * The prefixes of one address family for the ownership index: a map from prefix key to slot
 * number (the truth, for exact and covering look-ups, which probe only the prefix lengths in
 * use) and a stride table kept in step for the hot path. Everything is numbers in typed arrays:
 * slots are numbered by the caller (0 = none), which keeps their prefix lengths in an array.
 *
 * @example
 * const v4 = new PrefixTable(32);
 * const lengths = new Uint8Array(8);
 * lengths[1] = 24;
 * v4.insert(ipv4Key(0xc0000200, 24), [0xc0000200], 24, 1, lengths);
 * v4.slotOf(24, ipv4Key(0xc0000200, 24)); // 1
 * v4.longest32(0xc0000207); // 1
 */

const rootBits = 16;
const rootCells = 1 << rootBits;
const stride = 4;
const fan = 1 << stride;

/** The bit (exclusive) where the stride level holding prefixes of this length ends. */
const levelEnd = (length: number) =>
  length <= rootBits ? rootBits : rootBits + stride * Math.ceil((length - rootBits) / stride);

/** `count` bits of `words` from bit `from` (never across a word: levels are aligned). */
const bitsAt = (words: ArrayLike<number>, from: number, count: number) =>
  (words[from >>> 5]! >>> (32 - (from & 31) - count)) & ((1 << count) - 1);

/** The 32-bit mask keeping the first `keep` bits (0 to 32, clamped). */
const maskOf = (keep: number) =>
  keep <= 0 ? 0 : keep >= 32 ? 0xffffffff : (0xffffffff << (32 - keep)) >>> 0;

/**
 * The key of an IPv4 prefix among those of its length: the network as a signed 32-bit integer
 * (small integers make the cheapest map keys). Host bits are cleared here.
 */
export const ipv4Key = (address: number, length: number) => address & maskOf(length);

/** The key of an IPv6 prefix among those of its length: its eight 16-bit groups, host bits cleared. */
export function ipv6Key(words: ArrayLike<number>, length: number): string {
  const w0 = (words[0]! & maskOf(length)) >>> 0;
  const w1 = (words[1]! & maskOf(length - 32)) >>> 0;
  const w2 = (words[2]! & maskOf(length - 64)) >>> 0;
  const w3 = (words[3]! & maskOf(length - 96)) >>> 0;
  const c = String.fromCharCode;
  return c(
    w0 >>> 16,
    w0 & 0xffff,
    w1 >>> 16,
    w1 & 0xffff,
    w2 >>> 16,
    w2 & 0xffff,
    w3 >>> 16,
    w3 & 0xffff,
  );
}

/**
 * The lookup accelerator: a multibit trie with a 16-bit root table and 4-bit chunks below, so an
 * IPv4 lookup reads at most 5 cells instead of walking 32 bits. Cell i holds, at `cells[2i]`,
 * the slot of the longest prefix ending within the cell's level (expanded over the cells it
 * spans) and, at `cells[2i + 1]`, the chunk below it. A lookup keeps the last slot seen.
 */
class StrideTable {
  cells = new Int32Array(2 * (rootCells + fan * 256));
  private chunkParent = new Int32Array(256);
  private readonly freeChunks: number[] = [];
  private chunks = 1;

  private newChunk(parentCell: number): number {
    const chunk = this.freeChunks.pop() ?? this.chunks++;
    if (chunk >= this.chunkParent.length) {
      const parents = new Int32Array(this.chunkParent.length * 2);
      parents.set(this.chunkParent);
      this.chunkParent = parents;
      const cells = new Int32Array(2 * (rootCells + fan * parents.length));
      cells.set(this.cells);
      this.cells = cells;
    }
    this.chunkParent[chunk] = parentCell;
    return chunk;
  }

  /** The first cell a prefix spans at its level (creating chunks when asked), or -1. */
  first(words: ArrayLike<number>, length: number, create: boolean): number {
    const level = length <= rootBits ? 0 : Math.ceil((length - rootBits) / stride);
    let cell = bitsAt(words, 0, rootBits);
    for (let j = 1; j <= level; j++) {
      let child = this.cells[2 * cell + 1]!;
      if (child === 0) {
        if (!create) return -1;
        child = this.newChunk(cell);
        this.cells[2 * cell + 1] = child;
      }
      cell = rootCells + (child - 1) * fan + bitsAt(words, rootBits + stride * (j - 1), stride);
    }
    return cell & ~((1 << (levelEnd(length) - length)) - 1);
  }

  /** Frees the chunks left empty above a cell, bottom up. */
  prune(cell: number): void {
    while (cell >= rootCells) {
      const chunk = ((cell - rootCells) >> stride) + 1;
      const base = rootCells + (chunk - 1) * fan;
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

export class PrefixTable {
  /** Slots by prefix key, one map per prefix length. */
  private readonly byLength: Map<number | string, number>[] = [];
  private readonly fast = new StrideTable();
  private readonly scratch: Uint32Array;

  constructor(private readonly width: 32 | 128) {
    for (let l = 0; l <= width; l++) this.byLength.push(new Map());
    this.scratch = new Uint32Array(width / 32);
  }

  private keyOf(words: ArrayLike<number>, length: number): number | string {
    return this.width === 32 ? ipv4Key(words[0]!, length) : ipv6Key(words, length);
  }

  /** The slot holding exactly this prefix (by its length and key), 0 for none. */
  slotOf(length: number, key: number | string): number {
    return this.byLength[length]!.get(key) ?? 0;
  }

  /**
   * Files a new prefix under `slot`. `words` hold its network; `lengths[s]` is the prefix length
   * of slot s, so each stride cell keeps the longest prefix.
   */
  insert(
    key: number | string,
    words: ArrayLike<number>,
    length: number,
    slot: number,
    lengths: ArrayLike<number>,
  ): void {
    this.byLength[length]!.set(key, slot);
    const from = this.fast.first(words, length, true);
    const to = from + (1 << (levelEnd(length) - length));
    const cells = this.fast.cells;
    for (let c = from; c < to; c++) {
      const held = cells[2 * c]!;
      if (held === 0 || lengths[held]! < length) cells[2 * c] = slot;
    }
  }

  /** Forgets a prefix; each stride cell it filled takes the longest prefix left at its level. */
  drop(words: ArrayLike<number>, length: number): void {
    const key = this.keyOf(words, length);
    const slot = this.byLength[length]!.get(key);
    if (slot === undefined) return;
    this.byLength[length]!.delete(key);
    const end = levelEnd(length);
    const levelStart = end === rootBits ? -1 : end - stride;
    const spare = end - length;
    const from = this.fast.first(words, length, false);
    const cells = this.fast.cells;
    const cell = this.scratch;
    for (let i = 0; i < cell.length; i++) cell[i] = words[i]!;
    // The spare bits of a level lie in one word (levels end on multiples of 4).
    const at = (end - 1) >>> 5;
    const shift = 32 * (at + 1) - end;
    const spareMask = (((1 << spare) - 1) << shift) >>> 0;
    for (let offset = 0; offset < 1 << spare; offset++) {
      if (cells[2 * (from + offset)] !== slot) continue;
      cell[at] = ((cell[at]! & ~spareMask) | (offset << shift)) >>> 0;
      let replacement = 0;
      for (let l = length - 1; l > levelStart && replacement === 0; l--) {
        const map = this.byLength[l]!;
        if (map.size !== 0) replacement = map.get(this.keyOf(cell, l)) ?? 0;
      }
      cells[2 * (from + offset)] = replacement;
    }
    this.fast.prune(from);
  }

  /** The slots of every prefix holding the given one (itself included), most specific first. */
  holding(words: ArrayLike<number>, length: number): number[] {
    const found: number[] = [];
    for (let l = length; l >= 0; l--) {
      const map = this.byLength[l]!;
      if (map.size === 0) continue;
      const slot = map.get(this.keyOf(words, l));
      if (slot !== undefined) found.push(slot);
    }
    return found;
  }

  /** The slot of the longest prefix holding a 32-bit address, 0 for none (IPv4 hot path). */
  longest32(address: number): number {
    return this.fast.longest32(address);
  }

  /** The slot of the longest prefix holding a 128-bit address given as four words. */
  longest128(words: ArrayLike<number>): number {
    return this.fast.longest128(words);
  }
}

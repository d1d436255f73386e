/**
 * AS numbers and AS blocks of the ownership index. An RIR delegated file gives AS numbers as
 * blocks (start and count), kept as one value `AS64496-AS64511`. An AS number is held by its
 * exact entry first, then by the blocks holding it, smallest first.
 *
 * @example
 * const asns = new AsnTable();
 * asns.insert('AS64496-AS64511', 64496, 64511, 1);
 * asns.insert('AS64500', 64500, 64500, 2);
 * asns.holding(64500, 64500); // [2, 1]
 */

interface Block {
  slot: number;
  first: number;
  last: number;
}

export class AsnTable {
  /** Slots of single AS numbers by canonical value (`AS64500`). */
  private readonly exact = new Map<string, number>();
  /** Blocks by canonical value (`AS64496-AS64511`). */
  private readonly blocks = new Map<string, Block>();

  /** The slot of exactly this canonical value, 0 for none. */
  slotOf(value: string): number {
    return this.exact.get(value) ?? this.blocks.get(value)?.slot ?? 0;
  }

  insert(value: string, first: number, last: number, slot: number): void {
    if (first === last) this.exact.set(value, slot);
    else this.blocks.set(value, { slot, first, last });
  }

  delete(value: string): void {
    if (!this.exact.delete(value)) this.blocks.delete(value);
  }

  /**
   * The slots holding every AS number from `first` to `last`, most specific first: the exact
   * entry (for one AS number), then blocks by size, then by their first AS number. Blocks are
   * few (one per RIR allocation), so they are scanned.
   */
  holding(first: number, last: number): number[] {
    const found: number[] = [];
    const exact = first === last ? this.exact.get(`AS${first}`) : undefined;
    if (exact !== undefined) found.push(exact);
    const blocks: Block[] = [];
    for (const block of this.blocks.values()) {
      if (block.first <= first && last <= block.last) blocks.push(block);
    }
    blocks.sort((a, b) => a.last - a.first - (b.last - b.first) || a.first - b.first);
    for (const block of blocks) found.push(block.slot);
    return found;
  }
}

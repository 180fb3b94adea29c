/**
 * The server's partial heap sort used to pick a rank range out of an unordered collection. The
 * order in which it leaves the picked elements is observable (list VALUE results of rank-range
 * reads come out in this order), so it is reproduced step by step.
 */

/** Compares two element indices by their values: -1, 0 or 1. */
export type IndexCompare = (a: number, b: number) => number;

/** The picked elements of {@link rankRangeByHeap}, in heap output order. */
export interface HeapPick {
  /** Element indices of ranks `rank .. rank+count-1`, in the heap's output order. */
  readonly picked: readonly number[];
  /** Whether a min-heap was used (then `picked` runs from the highest rank down). */
  readonly minHeap: boolean;
}

/**
 * Selects the elements of ranks `[rank, rank + count)` among `n` elements with a heap, exactly as
 * the server does: a min-heap when the range is nearer the start, a max-heap otherwise.
 */
export function rankRangeByHeap(
  n: number,
  rank: number,
  count: number,
  cmp: IndexCompare,
): HeapPick {
  const tail = n - rank - count;
  const minHeap = rank <= tail;
  const want = minHeap ? -1 : 1;
  const discard = minHeap ? rank : tail;
  const h = Array.from({ length: n }, (_, i) => i);
  let filled = n;

  const heapify = (start: number) => {
    let index = start;
    for (;;) {
      const c1 = 2 * index + 1;
      const c2 = c1 + 1;
      if (c1 >= filled) break;
      let child = c1;
      if (c2 < filled) {
        const c = cmp(h[c1] as number, h[c2] as number);
        child = c === want || c === 0 ? c1 : c2;
      }
      if (cmp(h[child] as number, h[index] as number) !== want) break;
      const t = h[index] as number;
      h[index] = h[child] as number;
      h[child] = t;
      index = child;
    }
  };

  for (let i = Math.floor(filled / 2) - 1; i >= 0; i--) heapify(i);
  let end = filled - 1;
  for (let k = 0; k < count + discard; k++) {
    const top = h[0] as number;
    h[0] = h[filled - 1] as number;
    filled--;
    heapify(0);
    h[end--] = top;
  }
  return { picked: h.slice(filled, filled + count), minHeap };
}

/**
 * A layered set of logins, as Prow's layeredsets.String: a login lives only in the first layer it was inserted into,
 * layer i = "found i directories up from the path". Sorting is Go's byte order (see goSort).
 */
import { goCompare } from '../gostrings';

export class LayeredSet {
  readonly layers: Set<string>[] = [];

  static of(...layers: Iterable<string>[]): LayeredSet {
    const s = new LayeredSet();
    layers.forEach((items, i) => s.insert(i, items));
    return s;
  }

  insert(layer: number, items: Iterable<string>): void {
    while (this.layers.length < layer + 1) this.layers.push(new Set());
    for (const item of items) if (!this.has(item)) this.layers[layer].add(item);
  }

  has(item: string): boolean {
    for (const l of this.layers) if (l.has(item)) return true;
    return false;
  }

  delete(...items: string[]): void {
    for (const l of this.layers) for (const i of items) l.delete(i);
  }

  get size(): number {
    let n = 0;
    for (const l of this.layers) n += l.size;
    return n;
  }

  /** Elements not in `other`, keeping layers (always at least one layer, like Go's NewString()). */
  difference(other: ReadonlySet<string>): LayeredSet {
    const out = new LayeredSet();
    out.insert(0, []);
    this.layers.forEach((layer, i) => out.insert(i, sortedList(layer).filter((k) => !other.has(k))));
    return out;
  }

  union(other: LayeredSet): LayeredSet {
    const out = new LayeredSet();
    out.insert(0, []);
    this.layers.forEach((layer, i) => out.insert(i, sortedList(layer)));
    other.layers.forEach((layer, i) => out.insert(i, sortedList(layer)));
    return out;
  }

  /** Layer by layer, each sorted. */
  list(): string[] {
    return this.layers.flatMap((l) => sortedList(l));
  }

  toSet(): Set<string> {
    return new Set(this.list());
  }

  /** Each layer sorted; trailing empty layers dropped (the JSON form of the CLI). */
  toArrays(): string[][] {
    const arrays = this.layers.map((l) => sortedList(l));
    while (arrays.length > 0 && arrays[arrays.length - 1].length === 0) arrays.pop();
    return arrays;
  }

  /** Prow's PopRandom: first non-empty layer, sorted, index from `intn`, removed from every layer. */
  popRandom(intn: (n: number) => number): string {
    for (const layer of this.layers) {
      if (layer.size > 0) {
        const list = sortedList(layer);
        const sel = list[intn(list.length)];
        this.delete(sel);
        return sel;
      }
    }
    return '';
  }
}

export function sortedList(items: Iterable<string>): string[] {
  return [...items].sort(goCompare);
}

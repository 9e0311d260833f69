// Interning by identity: one shared, frozen array for every list of the same objects in the same
// order. The engine shares each candidate's rule outcomes (most are the rules' shared outcomes,
// selection/rules/types.ts `shared`) and its adopters ahead this way, so tens of thousands of
// candidates hold a few thousand distinct lists, and the stored form (stored.ts) finds each list
// once by the array itself instead of comparing contents.

interface Node<T> {
  next: Map<T, Node<T>> | undefined;
  list: readonly T[] | undefined;
}

export class ListInterner<T extends object> {
  private readonly root: Node<T> = { next: undefined, list: undefined };

  /** The shared list with the same elements as `items` (`items` itself the first time, frozen). */
  intern(items: T[]): readonly T[] {
    let node = this.root;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const next = (node.next ??= new Map());
      let child = next.get(item);
      if (child === undefined) {
        child = { next: undefined, list: undefined };
        next.set(item, child);
      }
      node = child;
    }
    return (node.list ??= Object.freeze(items));
  }
}

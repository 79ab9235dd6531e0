/** Values numbered 0, 1, 2… in order of first use: a compact index to store (in a typed array) in place of the value. */
export class Numbering<T> {
  /** the values, by number */
  readonly list: T[] = [];
  private readonly index = new Map<T, number>();

  /** The value's number, given it now if it has none yet. */
  of(value: T): number {
    let at = this.index.get(value);
    if (at === undefined) {
      at = this.list.length;
      this.list.push(value);
      this.index.set(value, at);
    }
    return at;
  }
}

// Resources opened in order, closed in reverse, each close attempted even if another fails.
export class Closers {
  private readonly items: { name: string; close: () => Promise<unknown> | unknown }[] = [];

  add(name: string, close: () => Promise<unknown> | unknown): void {
    this.items.push({ name, close });
  }

  async closeAll(log: (line: string) => void): Promise<void> {
    for (const item of this.items.splice(0).reverse()) {
      try {
        await item.close();
      } catch (err) {
        log(`while stopping ${item.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
}

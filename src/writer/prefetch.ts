/**
 * Batches of a table's rows generated before its COPY starts: while PostgreSQL finishes the
 * previous table's last statement (its foreign-key checks run after the last row), the client
 * would otherwise sit idle. Up to `limit` rows are pulled ahead, one batch per macrotask turn so
 * the COPY in flight keeps its I/O moving; then the consumer takes them and the rest, in order.
 * Rows are addressed by index, so pulling them earlier changes nothing in them.
 */
export class Prefetch<T extends { readonly rows: readonly unknown[] }> {
  private readonly buffer: T[] = [];
  private buffered = 0;
  private exhausted = false;
  private failure: { error: unknown } | null = null;
  private stopped = false;
  private readonly pulling: Promise<void>;

  constructor(private readonly source: AsyncIterator<T>, private readonly limit: number) {
    this.pulling = this.pull();
  }

  private async pull(): Promise<void> {
    try {
      while (!this.stopped && this.buffered < this.limit) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.stopped) return;
        const next = await this.source.next();
        if (next.done) {
          this.exhausted = true;
          return;
        }
        this.buffer.push(next.value);
        this.buffered += next.value.rows.length;
      }
    } catch (error) {
      // kept for the consumer: it is thrown where the batches are read, in order
      this.failure = { error };
    }
  }

  /** Every batch, in order: those pulled ahead, then the rest straight from the source. */
  async *batches(): AsyncGenerator<T> {
    this.stopped = true;
    await this.pulling;
    const ready = this.buffer.splice(0);
    for (const batch of ready) yield batch;
    if (this.failure) throw this.failure.error;
    if (this.exhausted) return;
    for (;;) {
      const next = await this.source.next();
      if (next.done) return;
      yield next.value;
    }
  }

  /** Not needed after all (the run failed, or the table goes another way): stop and close the source. */
  async cancel(): Promise<void> {
    this.stopped = true;
    await this.pulling;
    this.buffer.length = 0;
    await this.source.return?.(undefined).catch(() => undefined);
  }
}

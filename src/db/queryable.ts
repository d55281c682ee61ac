/**
 * The subset of a pg `Client` / `Pool` that read-only stages need. Depending on this instead of
 * the driver's classes keeps stages testable and lets callers pass a client or a pool.
 */
export interface Queryable {
  query<R extends object = Record<string, unknown>>(
    text: string,
    values?: readonly unknown[],
  ): Promise<{ rows: R[] }>;
}

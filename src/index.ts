/** autoseed as a library. */
export type * from './catalog.js';
export { introspect, buildCatalog } from './introspect/index.js';
export { connect, parseDatabaseUrl, redactUrl } from './db/connect.js';
export { AutoseedError, type ErrorCode } from './errors.js';
export type { Queryable } from './db/queryable.js';
export { defineOverrides, sql } from './overrides/define.js';
export { seedDatabase as seed, type SeedDatabaseOptions as SeedOptions, type SeedResult } from './commands/seed.js';
export { verifyIntegrity, formatReport, type VerifyOptions, type VerifyReport } from './verify/index.js';
export type { SeedEvent, EventSink } from './events.js';
export type {
  AnySchema, ColumnOverride, ColumnValue, OverrideContext, Overrides, SqlExpression, TableOverrides,
} from './overrides/types.js';

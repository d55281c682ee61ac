/** autoseed as a library. */
export type * from './catalog.js';
export { introspect, buildCatalog } from './introspect/index.js';
export { connect, parseDatabaseUrl, redactUrl } from './db/connect.js';
export { AutoseedError, type ErrorCode } from './errors.js';
export type { Queryable } from './db/queryable.js';
export { defineOverrides, sql } from './overrides/define.js';
export type {
  AnySchema, ColumnOverride, ColumnValue, OverrideContext, Overrides, SqlExpression, TableOverrides,
} from './overrides/types.js';

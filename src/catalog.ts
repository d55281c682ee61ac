/**
 * The database schema as plain, readonly data: what `introspect` returns and every later stage
 * (inference, planner, writer, verify) reads. No driver types, no methods — it serialises to the
 * JSON printed by `autoseed introspect --json`.
 */

/** `schema.name`, the key used for tables, types and sequences throughout autoseed. */
export type QualifiedName = string;

export interface Catalog {
  /** e.g. "17.4" */
  readonly serverVersion: string;
  /** e.g. 170004 */
  readonly serverVersionNum: number;
  readonly database: string;
  /** Every non-system schema that holds at least one table, type or sequence we describe. */
  readonly schemas: readonly string[];
  readonly tables: readonly Table[];
  readonly enums: readonly EnumType[];
  readonly domains: readonly DomainType[];
  readonly sequences: readonly Sequence[];
}

export type TableKind = 'table' | 'partitioned' | 'partition';

export interface Table {
  readonly schema: string;
  readonly name: string;
  readonly kind: TableKind;
  /** Columns in attnum order, dropped columns left out. */
  readonly columns: readonly Column[];
  readonly primaryKey: PrimaryKey | null;
  /** Unique constraints and standalone unique indexes (not the primary key). */
  readonly uniques: readonly UniqueKey[];
  /** The table's own FKs: a partition does not repeat the ones it inherits from its parent. */
  readonly foreignKeys: readonly ForeignKey[];
  /** The table's own CHECKs: a partition does not repeat the ones it inherits from its parent. */
  readonly checks: readonly Check[];
  readonly exclusions: readonly Exclusion[];
  /** User triggers (internal ones and clones on partitions left out). */
  readonly triggers: readonly Trigger[];
  readonly rules: readonly Rule[];
  /** For kind `partitioned`: how it is partitioned. */
  readonly partitionKey: PartitionKey | null;
  /** For kind `partition`: its parent and bound (`FOR VALUES …` or `DEFAULT`). */
  readonly partitionOf: PartitionOf | null;
  /** For kind `partitioned`: its direct partitions. */
  readonly partitions: readonly QualifiedName[];
  /** Old-style (INHERITS) parents, in inhseqno order. */
  readonly inheritsFrom: readonly QualifiedName[];
  /** pg_class.reltuples; -1 when never analysed. */
  readonly estimatedRows: number;
  readonly unlogged: boolean;
  readonly rowSecurity: boolean;
  readonly comment: string | null;
}

export interface Column {
  readonly name: string;
  /** attnum */
  readonly position: number;
  readonly type: ColumnType;
  /** attnotnull; a NOT NULL domain is reported on `type.domainNotNull` */
  readonly notNull: boolean;
  readonly default: string | null;
  readonly identity: 'always' | 'by-default' | null;
  /** Expression of a `GENERATED ALWAYS AS (…) STORED` column. */
  readonly generated: string | null;
  /** Collation when it differs from the type's default. */
  readonly collation: string | null;
  /** The sequence that feeds this column: its identity sequence, or the one its default calls. */
  readonly sequence: QualifiedName | null;
  readonly comment: string | null;
}

export type TypeCategory =
  | 'array' | 'boolean' | 'composite' | 'datetime' | 'enum' | 'geometric' | 'network'
  | 'numeric' | 'pseudo' | 'range' | 'string' | 'timespan' | 'user' | 'bitstring'
  | 'unknown' | 'internal';

export interface ColumnType {
  /** As declared: `format_type(atttypid, atttypmod)`, e.g. `character varying(40)`, `mpaa_rating[]`. */
  readonly sql: string;
  /**
   * The resolved base type of the value (of the element, for arrays), after following domains:
   * the type's name as in pg_type, e.g. `int4`, `varchar`, `numeric`, `timestamptz`, `citext`,
   * `mpaa_rating`. Qualify it with `baseSchema`.
   */
  readonly base: string;
  readonly baseSchema: string;
  readonly category: TypeCategory;
  /** 0 for a scalar; the array's dimensions otherwise (at least 1). */
  readonly arrayDims: number;
  /** The domain the column is declared with (outermost), if any. */
  readonly domain: QualifiedName | null;
  /** True when the domain (or one it is built on) is NOT NULL. */
  readonly domainNotNull: boolean;
  /** For an enum base: its qualified name (labels are in `Catalog.enums`). */
  readonly enum: QualifiedName | null;
  /** For a range or multirange base: the subtype, e.g. `timestamptz`. */
  readonly rangeSubtype: string | null;
  /** varchar(n), char(n), bit(n), varbit(n). */
  readonly length: number | null;
  /** numeric(p, s). */
  readonly precision: number | null;
  readonly scale: number | null;
  /** time(p), timestamp(p), interval(p). */
  readonly timePrecision: number | null;
}

export interface PrimaryKey {
  readonly name: string;
  readonly columns: readonly string[];
}

export type KeyPart = { readonly column: string } | { readonly expression: string };

export interface UniqueKey {
  /** Constraint name, or index name for a standalone unique index. */
  readonly name: string;
  readonly source: 'constraint' | 'index';
  /** The key in order: plain columns and index expressions. */
  readonly parts: readonly KeyPart[];
  /** Plain columns of the key, in order (expressions left out). */
  readonly columns: readonly string[];
  /** `WHERE …` of a partial unique index. */
  readonly predicate: string | null;
  readonly nullsNotDistinct: boolean;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
  /** pg_get_indexdef */
  readonly definition: string;
}

export type FkAction = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default';

export interface ForeignKey {
  readonly name: string;
  readonly columns: readonly string[];
  readonly references: {
    readonly schema: string;
    readonly table: string;
    readonly columns: readonly string[];
  };
  readonly match: 'simple' | 'full' | 'partial';
  readonly onDelete: FkAction;
  readonly onUpdate: FkAction;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
  /** false for `NOT VALID` (existing rows unchecked, new rows still checked). */
  readonly valid: boolean;
  readonly definition: string;
}

export interface Check {
  readonly name: string;
  /** The boolean expression, e.g. `(amount >= (0)::numeric)`. */
  readonly expression: string;
  /** Columns the expression references (empty for a constant check). */
  readonly columns: readonly string[];
  /** false for `NOT VALID`. */
  readonly valid: boolean;
  readonly noInherit: boolean;
  /** Inherited from an old-style INHERITS parent. */
  readonly inherited: boolean;
}

export interface Exclusion {
  readonly name: string;
  /** Index access method, e.g. `gist`. */
  readonly method: string;
  readonly elements: readonly (KeyPart & { readonly operator: string })[];
  readonly predicate: string | null;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
  readonly definition: string;
}

export type TriggerEvent = 'insert' | 'update' | 'delete' | 'truncate';

export interface Trigger {
  readonly name: string;
  readonly timing: 'before' | 'after' | 'instead of';
  readonly events: readonly TriggerEvent[];
  readonly level: 'row' | 'statement';
  /** Created with CREATE CONSTRAINT TRIGGER. */
  readonly constraint: boolean;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
  readonly enabled: 'origin' | 'always' | 'replica' | 'disabled';
  /** The trigger function, qualified. */
  readonly function: QualifiedName;
  /** Its body when written in SQL or PL/pgSQL (what it reads orders the seeding), else null. */
  readonly functionSource: string | null;
}

export interface Rule {
  readonly name: string;
  readonly event: 'select' | 'insert' | 'update' | 'delete';
  readonly instead: boolean;
  readonly definition: string;
}

export interface PartitionKey {
  readonly strategy: 'range' | 'list' | 'hash';
  /** pg_get_partkeydef, e.g. `RANGE (payment_date)`. */
  readonly definition: string;
  /** Plain columns of the key (expressions left out). */
  readonly columns: readonly string[];
}

export interface PartitionOf {
  readonly parent: QualifiedName;
  /** e.g. `FOR VALUES FROM ('2022-01-01') TO ('2022-02-01')`, or `DEFAULT`. */
  readonly bound: string;
}

export interface EnumType {
  readonly schema: string;
  readonly name: string;
  /** In sort order. */
  readonly labels: readonly string[];
}

export interface DomainType {
  readonly schema: string;
  readonly name: string;
  /** The type the domain is declared over, e.g. `character varying(50)` or another domain. */
  readonly over: string;
  readonly notNull: boolean;
  readonly default: string | null;
  readonly checks: readonly DomainCheck[];
}

export interface DomainCheck {
  readonly name: string;
  /** The expression with `VALUE` for the value, e.g. `(VALUE >= 0)`. */
  readonly expression: string;
  readonly valid: boolean;
}

export interface Sequence {
  readonly schema: string;
  readonly name: string;
  readonly dataType: string;
  readonly start: string;
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly cycle: boolean;
  /** The column that owns it (serial or identity), if any. */
  readonly ownedBy: { readonly table: QualifiedName; readonly column: string } | null;
}

/** `schema.name` with no quoting: the key form used in maps and messages. */
export function qualifiedName(schema: string, name: string): QualifiedName {
  return `${schema}.${name}`;
}

/**
 * Random PostgreSQL schemas for property tests, as SQL text.
 *
 * Pure and deterministic: the same options give the same SQL, byte for byte (a PRNG of its own,
 * no Math.random, no clock). Every schema is valid by construction (it loads, statement by
 * statement, on PostgreSQL 13+) and seedable by construction: every table can hold at least 60
 * rows that satisfy all of its constraints, so a seeding tool that respects constraints must be
 * able to fill it. What that rules out, on purpose:
 *   - uniques over low-cardinality columns (boolean, enum, finite CHECK lists, narrow ranges);
 *   - more than one CHECK on one column (so no two CHECKs can contradict each other);
 *   - defaults that a CHECK would reject (columns with a CHECK get no default);
 *   - NOT NULL non-deferrable FK cycles other than one 2-table motif (A ⇄ B, adjacent tables);
 *   - CHECKs on the FK columns that close a cycle (back edges), which would make a nullable
 *     back edge NOT NULL in effect.
 *
 * Tables are built one by one from their own PRNG stream (seed, table index), so a schema with
 * fewer tables keeps most of the structure of a larger one with the same seed (fast-check
 * shrinks the table count). Forward FKs point at earlier tables (declared inline); back edges
 * (later tables) close cycles and are added with ALTER TABLE at the end.
 */

// ---------------------------------------------------------------------------------------------
// options and result

export const CHECK_FORMS = [
  'in', // col IN (…)
  'any', // col = ANY (ARRAY[…])
  'compare', // col > 0, col <> '', d >= DATE '…'
  'between', // col BETWEEN a AND b
  'less-than', // a < b, two columns of one type
  'not-null', // x IS NOT NULL
  'length', // length(col) <= n
  'regex', // col ~ '^[A-Z]{3}[0-9]{2}$'
  'null-or-greater', // (a IS NULL) OR (a > b)
  'num-nonnulls', // num_nonnulls(a, b) = 1
] as const;
export type CheckForm = (typeof CHECK_FORMS)[number];

/** What the generator may use. Everything is on by default; tests turn off what a known bug breaks. */
export interface SchemaFeatures {
  /** Mixed case, spaces, reserved words, embedded quotes, non-ASCII in names. */
  quotedIdentifiers: boolean;
  /** Tables spread over two schemas (FKs across them). */
  secondSchema: boolean;
  enums: boolean;
  domains: boolean;
  /** Enum labels with a space or an apostrophe. */
  oddEnumLabels: boolean;
  /** PK kinds: serial/bigserial, identity ALWAYS / BY DEFAULT, plain integer, uuid, natural text, composite. */
  serialKeys: boolean;
  identityKeys: boolean;
  uuidKeys: boolean;
  naturalKeys: boolean;
  compositeKeys: boolean;
  /** PK (or UNIQUE) over two FK columns. */
  junctionTables: boolean;
  compositeForeignKeys: boolean;
  /** FKs that point at a UNIQUE key instead of the PK. */
  foreignKeysToUniques: boolean;
  /** A UNIQUE FK column (one-to-one). */
  oneToOne: boolean;
  /** MATCH FULL on some composite FKs. */
  matchFull: boolean;
  /** Back edges: nullable ones. */
  nullableCycles: boolean;
  /** Back edges: NOT NULL and DEFERRABLE. */
  deferrableCycles: boolean;
  /** One NOT NULL, non-deferrable 2-table cycle. */
  hardCycles: boolean;
  /** A UNIQUE on a back edge's FK columns (optional one-to-one that closes a cycle). */
  uniqueBackEdges: boolean;
  selfReferences: boolean;
  notNullSelfReferences: boolean;
  compositeSelfReferences: boolean;
  compositeUniques: boolean;
  /** UNIQUE (fk, data column): "name unique per parent". */
  uniquesOverForeignKeys: boolean;
  /** CREATE UNIQUE INDEX … WHERE col IS NOT NULL. */
  partialUniques: boolean;
  /** `x IS NOT NULL` and `num_nonnulls(a, b) = 1` over forward FK columns. */
  checksOnForeignKeys: boolean;
  /** A range-partitioned table on a date column. */
  partitioned: boolean;
  defaultPartition: boolean;
  /** A partitioned table that other tables reference (composite FK over (id, date)). */
  referencesToPartitioned: boolean;
  /** A partitioned log table without PK whose date key is nullable. */
  nullablePartitionKey: boolean;
  /** Column names taken from another type's vocabulary (an integer called "email"). */
  mismatchedNames: boolean;
  /** Column defaults (now(), true, 0, '{}'). */
  defaults: boolean;
  /** The CHECK forms to draw from. */
  checkForms: readonly CheckForm[];
  // combinations narrowed down to one known engine bug each (see KNOWN_BUG_EXCLUSIONS in
  // test/integration/property-schemas.test.ts); on by default, so the generator stays complete
  /** `col ~ '^[a-z0-9_]{3,12}$'` on a char(n) whose n is above the pattern's shortest match. */
  variableRegexOnChar: boolean;
  /** `(a IS NULL) OR (a > b)` over numeric(p,s) columns. */
  nullOrGreaterNumeric: boolean;
  /**
   * An FK cycle in which every FK lies in a unique key made only of FK columns (one-to-one FKs,
   * junction keys) all the way round: each table's capacity depends on the next one's.
   */
  uniqueKeyCycles: boolean;
  /** A name from another type's vocabulary on a numeric(p,s) column (`year numeric(5,3)`). */
  mismatchedNamesOnNumeric: boolean;
  /** A regex CHECK on a varchar(n) shorter than the pattern's longest match, on a table of an FK cycle. */
  shortRegexColumnsInCycles: boolean;
  /** `col <> 0` on a numeric(p,s) column. */
  numericNotEqual: boolean;
  /**
   * Date and timestamptz columns under a CHECK named like their role (starts_on/ends_on, due_on,
   * created_at/updated_at, …); off: neutral names (event_day, noted_time, …).
   */
  namedDatesWithChecks: boolean;
  /**
   * The first column of a date pair under `a < b` or `(a IS NULL) OR (a > b)` renamed to an odd
   * name ("end", "from", "Created At", …) that autoseed may read as a start or an end.
   */
  oddNamesInDatePairs: boolean;
  /** A nullable FK in a `num_nonnulls(fk, other) = 1` CHECK that lies on an FK cycle. */
  numNonnullsInCycles: boolean;
}

export const ALL_FEATURES: SchemaFeatures = {
  quotedIdentifiers: true,
  secondSchema: true,
  enums: true,
  domains: true,
  oddEnumLabels: true,
  serialKeys: true,
  identityKeys: true,
  uuidKeys: true,
  naturalKeys: true,
  compositeKeys: true,
  junctionTables: true,
  compositeForeignKeys: true,
  foreignKeysToUniques: true,
  oneToOne: true,
  matchFull: true,
  nullableCycles: true,
  deferrableCycles: true,
  hardCycles: true,
  uniqueBackEdges: true,
  selfReferences: true,
  notNullSelfReferences: true,
  compositeSelfReferences: true,
  compositeUniques: true,
  uniquesOverForeignKeys: true,
  partialUniques: true,
  checksOnForeignKeys: true,
  partitioned: true,
  defaultPartition: true,
  referencesToPartitioned: true,
  nullablePartitionKey: true,
  mismatchedNames: true,
  defaults: true,
  checkForms: CHECK_FORMS,
  variableRegexOnChar: true,
  nullOrGreaterNumeric: true,
  uniqueKeyCycles: true,
  mismatchedNamesOnNumeric: true,
  numericNotEqual: true,
  namedDatesWithChecks: true,
  oddNamesInDatePairs: true,
  numNonnullsInCycles: true,
  shortRegexColumnsInCycles: true,
};

export interface RandomSchemaOptions {
  seed: number;
  /** Number of tables (partitions not counted), 5–30; drawn from the seed when left out. */
  tables?: number;
  /** Features to turn off (merged over ALL_FEATURES). */
  features?: Partial<SchemaFeatures>;
}

export interface RandomTable {
  /** "schema.table" as autoseed and the integrity helpers print it (unquoted). */
  readonly key: string;
  readonly schema: string;
  readonly name: string;
  /** Partition names, for a partitioned table. */
  readonly partitions: readonly string[];
}

export interface RandomSchema {
  readonly seed: number;
  readonly sql: string;
  /** The tables, in creation order (partitions not listed). */
  readonly tables: readonly RandomTable[];
  /** Tags of what this schema uses (`pk:uuid`, `cycle:hard`, `check:regex`, …), sorted, each once. */
  readonly features: readonly string[];
}

export const MIN_TABLES = 5;
export const MAX_TABLES = 30;

// ---------------------------------------------------------------------------------------------
// PRNG: mulberry32 on a 32-bit state, streams derived by hashing (seed, stream ids)

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  bool(p = 0.5): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** `k` distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, Math.min(k, copy.length));
  }
  /** Picks by weight; weights of 0 are never picked. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    if (total <= 0) throw new Error('weighted pick with no positive weight');
    let r = this.next() * total;
    for (const [v, w] of entries) {
      if (r < w) return v;
      r -= w;
    }
    return entries.filter(([, w]) => w > 0).at(-1)![0];
  }
}

/** A 32-bit hash of the seed and stream ids (splitmix-style finaliser). */
export function streamSeed(seed: number, ...ids: number[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const id of [...ids, ids.length]) {
    h = Math.imul(h ^ (id >>> 0), 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h;
}

const STREAM = { global: 1, table: 2, back: 3, hard: 4 } as const;

// ---------------------------------------------------------------------------------------------
// SQL text helpers

// reserved, type/function-name and column-name keywords that could clash with our vocabulary
const KEYWORDS = new Set(`all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean both
  case cast char character check coalesce collate collation column concurrently constraint create cross current_catalog current_date
  current_role current_schema current_time current_timestamp current_user dec decimal default deferrable desc distinct do else end
  except exists extract false fetch float for foreign freeze from full grant greatest group grouping having ilike in initially inner
  inout int integer intersect interval into is isnull join lateral leading least left like limit localtime localtimestamp national
  natural nchar none normalize not notnull null nullif numeric offset on only or order out outer overlaps overlay placing position
  precision primary real references returning right row select session_user setof similar smallint some substring symmetric
  system_user table tablesample then time timestamp to trailing treat trim true union unique user using values varchar variadic
  verbose when where window with`.split(/\s+/));

/** The identifier as SQL: bare when PostgreSQL would read it back unchanged, quoted otherwise. */
export function ident(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) && !KEYWORDS.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

function lit(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------------------------------------
// the model the SQL is printed from

type Kind =
  | 'int' | 'bigint' | 'numeric' | 'text' | 'varchar' | 'char' | 'boolean' | 'date' | 'timestamptz'
  | 'uuid' | 'jsonb' | 'text[]' | 'enum' | 'domain';

interface EnumType {
  schema: string;
  name: string;
  labels: string[];
}

interface DomainType {
  schema: string;
  name: string;
  sql: string;
}

interface Column {
  name: string;
  /** The declared type as SQL (serial kinds print as serial/bigserial). */
  type: string;
  /** The type a referencing column takes. */
  refType: string;
  kind: Kind;
  notNull: boolean;
  default?: string;
  identity?: 'ALWAYS' | 'BY DEFAULT';
  /** Inline constraint text printed after the column (PRIMARY KEY, UNIQUE, REFERENCES …, CHECK …). */
  inline: string[];
  /** Already constrained by a CHECK, key or FK: gets no further CHECK. */
  used: boolean;
  /** May be in a UNIQUE / PK: its values can be many. */
  wide: boolean;
  /** Closes a cycle (a back edge): no CHECK may touch it. */
  backEdge?: boolean;
  /** The longest string the regex CHECK on this column matches. */
  regexMax?: number;
  enumType?: EnumType;
  length?: number;
  precision?: number;
  scale?: number;
}

interface Key {
  columns: string[];
  /** Another table may reference it (NOT NULL columns, or explicitly allowed nullable ones). */
  referenceable: boolean;
}

interface ForeignKey {
  name: string | null;
  columns: string[];
  parent: Table;
  parentColumns: string[];
  notNull: boolean;
  deferrable: 'no' | 'immediate' | 'deferred';
  matchFull: boolean;
  onDelete: string | null;
  /** Printed as ALTER TABLE … ADD CONSTRAINT at the end (back edges). */
  late: boolean;
  /** Printed inline on its single column. */
  inline: boolean;
  /** One of its columns is in a `num_nonnulls(…) = 1` CHECK. */
  inNonNullsCheck?: boolean;
}

interface Table {
  index: number;
  schema: string;
  name: string;
  columns: Column[];
  primaryKey: string[] | null;
  primaryKeyInline: boolean;
  /** UNIQUE constraints (composite or single, table-level). */
  uniques: { name: string | null; columns: string[] }[];
  partialUniques: { name: string; column: string }[];
  checks: { name: string | null; expr: string }[];
  fks: ForeignKey[];
  keys: Key[];
  partition: { column: string; bounds: { name: string; bound: string }[] } | null;
  junction: boolean;
}

// ---------------------------------------------------------------------------------------------
// vocabularies

const TABLE_WORDS = [
  'customers', 'orders', 'products', 'invoices', 'payments', 'users', 'accounts', 'teams', 'projects', 'tasks',
  'comments', 'tags', 'categories', 'suppliers', 'warehouses', 'shipments', 'employees', 'departments', 'stores', 'regions',
  'countries', 'cities', 'addresses', 'sessions', 'devices', 'reviews', 'coupons', 'subscriptions', 'plans', 'vendors',
  'articles', 'authors', 'books', 'loans', 'members', 'courses', 'lessons', 'rooms', 'bookings', 'tickets',
];
const ODD_TABLE_NAMES = ['Order Items', 'user', 'group', 'select', 'MixedCase', 'say "hi"', 'größe', 'with.dot', 'order', 'table', 'Line-Items'];
const ODD_COLUMN_NAMES = ['Created At', 'order', 'user', 'default', 'check', 'desc', 'Value', 'weird"col', 'naïve', 'limit', 'end', 'from'];

const NAMES: Record<Exclude<Kind, 'domain' | 'enum'>, string[]> = {
  int: ['quantity', 'score', 'position', 'age', 'stock', 'rank', 'year', 'priority', 'attempts', 'size', 'level', 'seats'],
  bigint: ['views', 'bytes', 'population', 'external_ref', 'counter', 'followers'],
  numeric: ['price', 'amount', 'balance', 'weight', 'rate', 'total', 'discount', 'tax', 'latitude', 'salary'],
  text: ['name', 'title', 'email', 'slug', 'phone', 'description', 'note', 'city', 'country', 'url', 'code', 'sku', 'first_name', 'last_name', 'username', 'zip'],
  varchar: ['name', 'title', 'email', 'slug', 'phone', 'city', 'code', 'sku', 'first_name', 'last_name', 'username', 'zip', 'iban', 'isbn'],
  char: ['currency', 'country_code', 'gender', 'grade', 'code', 'flag', 'locale', 'state'],
  boolean: ['is_active', 'archived', 'verified', 'is_public', 'enabled', 'paid'],
  date: ['born_on', 'starts_on', 'ends_on', 'due_on', 'shipped_on', 'released_on', 'hired_on'],
  timestamptz: ['created_at', 'updated_at', 'deleted_at', 'published_at', 'last_login_at', 'confirmed_at'],
  uuid: ['external_id', 'token', 'public_id', 'request_id'],
  jsonb: ['metadata', 'settings', 'payload', 'attributes'],
  'text[]': ['tags', 'aliases', 'labels', 'keywords'],
};
// names autoseed reads no meaning into (no start/end/created/updated pair): see namedDatesWithChecks
const NEUTRAL_DATE_NAMES = {
  date: ['event_day', 'valid_day', 'effective_day', 'noted_day', 'report_day'],
  timestamptz: ['event_time', 'noted_time', 'logged_time', 'report_time', 'phase_time'],
};
const ENUM_COLUMN_NAMES = ['status', 'kind', 'priority_level', 'mood', 'tier', 'state'];
const WORDS = ['draft', 'active', 'archived', 'pending', 'paid', 'shipped', 'cancelled', 'open', 'closed', 'new', 'low', 'high',
  'gold', 'silver', 'bronze', 'basic', 'pro', 'x', 'ok', 'void'];
const ODD_WORDS = ["won't fix", 'in progress', 'N/A', 'a\\b', 'tab\tin'];
const ENUM_POOLS = [
  ['draft', 'active', 'archived'],
  ['low', 'medium', 'high', 'critical'],
  ['pending', 'paid', 'refunded', 'failed'],
  ['red', 'green', 'blue'],
  ['free', 'pro', 'enterprise'],
  ['happy', 'sad'],
];
const ENUM_NAMES = ['status', 'priority', 'payment_state', 'color', 'tier', 'mood'];
// min/max: the lengths of the strings a pattern matches. A char(n) value keeps its padding under
// `~` ('ABC12   '::char(8) ~ '^…$' is false), so a char column's n must lie within them.
const REGEXES = [
  { re: '^[A-Z]{3}[0-9]{2}$', min: 5, max: 5 },
  { re: '^[A-Z]{2}-[0-9]{4}$', min: 7, max: 7 },
  { re: '^[a-z0-9_]{3,12}$', min: 3, max: 12 },
];

// ---------------------------------------------------------------------------------------------
// the generator

class Builder {
  readonly f: SchemaFeatures;
  readonly tags = new Set<string>();
  readonly schemas: string[] = [];
  readonly enums: EnumType[] = [];
  readonly domains: DomainType[] = [];
  readonly tables: Table[] = [];
  private readonly usedNames = new Map<string, Set<string>>();
  private constraintCounter = 0;
  /** The parent of the hard 2-cycle had no key an FK may use: no cycle. */
  private hardCycleDropped = false;

  constructor(readonly seed: number, readonly tableCount: number, features: SchemaFeatures) {
    this.f = features;
  }

  tag(t: string): void {
    this.tags.add(t);
  }

  /** A relation name unique in its schema. */
  relationName(schema: string, base: string): string {
    const used = this.usedNames.get(schema) ?? new Set<string>();
    this.usedNames.set(schema, used);
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base}_${k}`;
    used.add(name);
    return name;
  }

  constraintName(prefix: string, t: Table): string {
    return `${prefix}_t${t.index}_${++this.constraintCounter}`;
  }

  build(): RandomSchema {
    const g = new Rng(streamSeed(this.seed, STREAM.global));
    // schemas
    const main = this.f.quotedIdentifiers && g.bool(0.15) ? g.pick(['My App', 'Sales', 'app-data']) : g.pick(['app', 'public', 'shop', 'core']);
    this.schemas.push(main);
    if (this.f.secondSchema && g.bool(0.3)) {
      this.schemas.push(main === 'ref' ? 'lookup' : g.pick(['ref', 'lookup', 'Audit Log']));
      this.tag('schema:second');
    }
    if (this.schemas.some((s) => ident(s) !== s)) this.tag('ident:quoted-schema');
    // enums
    if (this.f.enums) {
      const n = g.int(0, 3);
      for (const [k, name] of g.sample(ENUM_NAMES, n).entries()) {
        const labels = [...g.pick(ENUM_POOLS)];
        if (this.f.oddEnumLabels && g.bool(0.25)) {
          labels.push(g.pick(["won't fix", 'in progress', 'Ünïcode', 'a,b']));
          this.tag('enum:odd-label');
        }
        this.enums.push({ schema: this.schemas[k % this.schemas.length]!, name, labels });
        this.tag('type:enum');
      }
    }
    // domains
    if (this.f.domains) {
      const n = g.int(0, 3);
      const s = this.schemas[0]!;
      for (const d of g.sample(DOMAIN_TEMPLATES, n)) {
        const notNull = g.bool(0.15);
        this.domains.push({ schema: s, name: d.name, sql: d.sql(`${ident(s)}.${ident(d.name)}`, notNull) });
        this.tag('type:domain');
        if (notNull) this.tag('domain:not-null');
      }
    }

    // where the special motifs go
    const n = this.tableCount;
    const partitionAt = this.f.partitioned && g.bool(0.45) ? g.int(0, n - 1) : -1;
    let hardAt = this.f.hardCycles && g.bool(0.25) ? g.int(0, n - 2) : -1;
    if (hardAt >= 0 && (partitionAt === hardAt || partitionAt === hardAt + 1)) hardAt = -1;

    for (let i = 0; i < n; i++) {
      const r = new Rng(streamSeed(this.seed, STREAM.table, i));
      if (i === partitionAt) this.tables.push(this.partitionedTable(r, i));
      else this.tables.push(this.table(r, i, { hardChildOf: i === hardAt + 1 && hardAt >= 0 ? this.tables[hardAt]! : null }));
    }

    // back edges: close cycles
    const b = new Rng(streamSeed(this.seed, STREAM.back, n));
    const backKinds: [string, number][] = [
      ['nullable', this.f.nullableCycles ? 3 : 0],
      ['deferrable', this.f.deferrableCycles ? 2 : 0],
    ];
    if (backKinds.some(([, w]) => w > 0) && n >= 2) {
      const count = b.int(0, Math.max(1, Math.floor(n / 4)));
      for (let k = 0; k < count; k++) {
        const j = b.int(0, n - 2);
        const i = b.int(j + 1, n - 1);
        const child = this.tables[j]!;
        const parent = this.tables[i]!;
        const key = this.pickKey(b, parent);
        if (!key) continue;
        const kind = b.weighted(backKinds);
        const nonNulls = nonNullsOnPath(parent, child);
        if (nonNulls && !this.f.numNonnullsInCycles) continue;
        if (nonNulls) this.tag('cycle:num-nonnulls-fk');
        this.addForeignKey(b, child, parent, key, {
          notNull: kind === 'deferrable',
          deferrable: kind === 'deferrable' ? b.pick(['immediate', 'deferred'] as const) : b.bool(0.15) ? 'deferred' : 'no',
          late: true,
          backEdge: true,
        });
        this.tag(`cycle:${kind}`);
      }
    }
    if (hardAt >= 0) {
      const a = this.tables[hardAt]!;
      const bt = this.tables[hardAt + 1]!;
      const h = new Rng(streamSeed(this.seed, STREAM.hard, hardAt));
      const key = this.mainKey(bt);
      if (key && !this.hardCycleDropped && (this.f.numNonnullsInCycles || !nonNullsOnPath(bt, a))) {
        if (nonNullsOnPath(bt, a)) this.tag('cycle:num-nonnulls-fk');
        this.addForeignKey(h, a, bt, key, { notNull: true, deferrable: 'no', late: true, backEdge: true });
        this.tag('cycle:hard');
      }
    }
    // autoseed inserts a cycle it cannot break (the hard one, or nullable FKs it must not write NULL
    // first because they are in a key) in one statement: see shortRegexColumnsInCycles
    for (const t of this.tables) {
      if (component(t).length < 2) continue;
      for (const c of t.columns) {
        if (c.kind !== 'varchar' || c.regexMax === undefined || c.length! >= c.regexMax) continue;
        if (this.f.shortRegexColumnsInCycles) {
          this.tag('cycle:short-regex');
          continue;
        }
        c.length = c.regexMax;
        c.type = c.refType = `varchar(${c.length})`;
      }
    }
    return { seed: this.seed, sql: this.print(), tables: this.tables.map(tableInfo), features: [...this.tags].sort() };
  }

  // --- tables -----------------------------------------------------------------------------------

  private newTable(r: Rng, index: number): Table {
    const schema = r.bool(0.3) ? r.pick(this.schemas) : this.schemas[0]!;
    let base = r.pick(TABLE_WORDS);
    if (this.f.quotedIdentifiers && r.bool(0.08)) {
      base = r.pick(ODD_TABLE_NAMES);
      this.tag('ident:quoted-table');
    }
    return {
      index, schema, name: this.relationName(schema, base), columns: [], primaryKey: null, primaryKeyInline: false,
      uniques: [], partialUniques: [], checks: [], fks: [], keys: [], partition: null, junction: false,
    };
  }

  private columnName(r: Rng, t: Table, base: string, allowOdd = true): string {
    let name = base;
    if (allowOdd && this.f.quotedIdentifiers && r.bool(0.04)) {
      name = r.pick(ODD_COLUMN_NAMES);
      this.tag('ident:quoted-column');
    }
    const used = new Set(t.columns.map((c) => c.name));
    let out = name;
    for (let k = 2; used.has(out); k++) out = `${name}_${k}`;
    return out;
  }

  private table(r: Rng, index: number, opts: { hardChildOf: Table | null }): Table {
    const t = this.newTable(r, index);
    const earlier = this.tables.filter((p) => this.usableKeys(p).length > 0);

    // primary key
    const junction = this.f.junctionTables && earlier.length >= 1 && opts.hardChildOf === null && r.bool(0.12);
    if (junction) {
      t.junction = true;
      const a = r.pick(earlier);
      const bp = r.bool(0.2) ? a : r.pick(earlier);
      const fa = this.addForeignKey(r, t, a, this.pickKey(r, a)!, { notNull: true, deferrable: 'no', late: false, noInline: true });
      const fb = this.addForeignKey(r, t, bp, this.pickKey(r, bp)!, { notNull: true, deferrable: 'no', late: false, noInline: true });
      const cols = [...fa.columns, ...fb.columns];
      if (r.bool(0.6)) {
        t.primaryKey = cols;
        t.keys.push({ columns: cols, referenceable: true });
        this.tag('pk:junction');
      } else {
        this.primaryKey(r, t);
        t.uniques.push({ name: r.bool(0.3) ? this.constraintName('uq', t) : null, columns: cols });
        t.keys.push({ columns: cols, referenceable: true });
        this.tag('unique:junction');
      }
      if (a === bp) this.tag('fk:junction-same-parent');
    } else {
      this.primaryKey(r, t);
    }

    // the hard 2-cycle's forward edge: B → A, NOT NULL, not deferrable
    const hardKey = opts.hardChildOf ? this.mainKey(opts.hardChildOf) : null;
    if (opts.hardChildOf && hardKey) this.addForeignKey(r, t, opts.hardChildOf, hardKey, { notNull: true, deferrable: 'no', late: false });
    else if (opts.hardChildOf) this.hardCycleDropped = true;

    // forward FKs
    if (earlier.length > 0) {
      const count = r.weighted([[0, 3], [1, 4], [2, 3], [3, 1]] as const);
      for (let k = 0; k < count; k++) {
        const parent = r.pick(earlier);
        const key = this.pickKey(r, parent);
        if (!key) continue;
        const fk = this.addForeignKey(r, t, parent, key, { notNull: r.bool(0.6), deferrable: r.bool(0.1) ? r.pick(['immediate', 'deferred'] as const) : 'no', late: false });
        // one-to-one
        if (this.f.oneToOne && r.bool(0.12)) {
          t.uniques.push({ name: null, columns: fk.columns });
          t.keys.push({ columns: fk.columns, referenceable: fk.notNull });
          this.tag('unique:one-to-one');
        } else if (this.f.partialUniques && !fk.notNull && fk.columns.length === 1 && r.bool(0.08)) {
          t.partialUniques.push({ name: this.constraintName('pux', t), column: fk.columns[0]! });
          this.tag('unique:partial-fk');
        }
      }
    }

    // self-reference
    if (this.f.selfReferences && !t.junction && t.primaryKey && r.bool(0.2)) {
      const pk = t.keys.find((k) => k.columns.join() === t.primaryKey!.join())!;
      if (pk.columns.length === 1 || (this.f.compositeSelfReferences && this.f.compositeForeignKeys && r.bool(0.5))) {
        const notNull = this.f.notNullSelfReferences && pk.columns.length === 1 && r.bool(0.2);
        this.addForeignKey(r, t, t, pk, { notNull, deferrable: r.bool(0.1) ? 'deferred' : 'no', late: false, self: true });
        this.tag(notNull ? 'self:not-null' : pk.columns.length > 1 ? 'self:composite' : 'self:nullable');
      }
    }

    // data columns
    const plain = r.int(0, 5);
    for (let k = 0; k < plain; k++) this.dataColumn(r, t);
    // checks
    const forms = this.f.checkForms;
    if (forms.length > 0) {
      const nChecks = r.weighted([[0, 3], [1, 4], [2, 3], [3, 2], [4, 1]] as const);
      for (let k = 0; k < nChecks; k++) this.check(r, t, r.pick(forms));
    }
    // uniques over data columns
    this.dataUniques(r, t);
    return t;
  }

  private primaryKey(r: Rng, t: Table): void {
    const kinds: [string, number][] = [
      ['serial', this.f.serialKeys ? 3 : 0],
      ['bigserial', this.f.serialKeys ? 1 : 0],
      ['identity-always', this.f.identityKeys ? 2 : 0],
      ['identity-default', this.f.identityKeys ? 1 : 0],
      ['integer', 1],
      ['uuid', this.f.uuidKeys ? 2 : 0],
      ['natural', this.f.naturalKeys ? 1 : 0],
      ['composite', this.f.compositeKeys ? 1.5 : 0],
    ];
    const kind = r.weighted(kinds);
    this.tag(`pk:${kind}`);
    const inline = r.bool(0.6);
    const push = (c: Partial<Column> & Pick<Column, 'name' | 'type' | 'kind'>) => {
      const col: Column = { refType: c.type, notNull: true, inline: [], used: true, wide: true, ...c };
      t.columns.push(col);
      return col;
    };
    const id = () => this.columnName(r, t, r.bool(0.85) ? 'id' : `${singular(t.name)}_id`, false);
    switch (kind) {
      case 'serial':
      case 'bigserial': {
        push({ name: id(), type: kind, refType: kind === 'serial' ? 'integer' : 'bigint', kind: kind === 'serial' ? 'int' : 'bigint' });
        break;
      }
      case 'identity-always':
      case 'identity-default': {
        const big = r.bool(0.6);
        push({ name: id(), type: big ? 'bigint' : 'integer', kind: big ? 'bigint' : 'int', identity: kind === 'identity-always' ? 'ALWAYS' : 'BY DEFAULT' });
        break;
      }
      case 'integer':
        push({ name: id(), type: 'integer', kind: 'int' });
        break;
      case 'uuid':
        push({ name: id(), type: 'uuid', kind: 'uuid', ...(r.bool(0.6) ? { default: 'gen_random_uuid()' } : {}) });
        break;
      case 'natural': {
        const re = r.bool(0.5) ? REGEXES[0]! : null;
        const type = r.pick(['text', 'varchar(16)', 'varchar(12)']);
        const col = push({ name: this.columnName(r, t, r.pick(['code', 'slug', 'handle']), false), type, kind: type === 'text' ? 'text' : 'varchar', length: 16 });
        if (re) {
          t.checks.push({ name: null, expr: `${ident(col.name)} ~ ${lit(re.re)}` });
          this.tag('check:regex-on-key');
        }
        break;
      }
      case 'composite': {
        const shapes: [Kind, string][][] = [
          [['int', 'integer'], ['int', 'integer']],
          [['int', 'integer'], ['text', 'text']],
          [['text', 'text'], ['int', 'integer']],
          [['uuid', 'uuid'], ['int', 'integer']],
          [['bigint', 'bigint'], ['date', 'date']],
          [['varchar', 'varchar(20)'], ['int', 'smallint']],
        ];
        const shape = r.pick(shapes);
        const names = [['tenant_id', 'local_id'], ['region', 'number'], ['code', 'version'], ['batch', 'line'], ['owner_key', 'seq']];
        const nm = r.pick(names);
        shape.forEach(([k, type], p) => {
          push({ name: this.columnName(r, t, nm[p]!, false), type, kind: k, ...(k === 'varchar' ? { length: 20 } : {}) });
        });
        break;
      }
    }
    const cols = t.columns.slice(-(kind === 'composite' ? 2 : 1)).map((c) => c.name);
    t.primaryKey = cols;
    t.primaryKeyInline = inline && cols.length === 1;
    t.keys.push({ columns: cols, referenceable: true });
  }

  private partitionedTable(r: Rng, index: number): Table {
    const t = this.newTable(r, index);
    this.tag('partitioned');
    const withPk = !(this.f.nullablePartitionKey && r.bool(0.2));
    const idKind = r.pick(['bigserial', 'identity', 'uuid'] as const);
    const idCol: Column = idKind === 'uuid'
      ? { name: 'id', type: 'uuid', refType: 'uuid', kind: 'uuid', notNull: true, default: 'gen_random_uuid()', inline: [], used: true, wide: true }
      : idKind === 'bigserial'
        ? { name: 'id', type: 'bigserial', refType: 'bigint', kind: 'bigint', notNull: true, inline: [], used: true, wide: true }
        : { name: 'id', type: 'bigint', refType: 'bigint', kind: 'bigint', notNull: true, identity: 'ALWAYS', inline: [], used: true, wide: true };
    t.columns.push(idCol);
    const dateName = this.columnName(r, t, r.pick(['occurred_on', 'booked_on', 'day', 'Event Date']));
    // bounds: 2–3 ranges of a year, a quarter or a month, sometimes with a gap, sometimes MINVALUE, sometimes a DEFAULT
    const unit = r.pick(['year', 'quarter', 'month'] as const);
    const startYear = r.int(2015, 2025);
    let cursor = { y: startYear, m: unit === 'year' ? 1 : r.pick(unit === 'quarter' ? [1, 4, 7, 10] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) };
    const step = (d: { y: number; m: number }) => {
      const months = unit === 'year' ? 12 : unit === 'quarter' ? 3 : 1;
      const m0 = d.m - 1 + months;
      return { y: d.y + Math.floor(m0 / 12), m: (m0 % 12) + 1 };
    };
    const fmt = (d: { y: number; m: number }) => `'${d.y}-${String(d.m).padStart(2, '0')}-01'`;
    const bounds: { name: string; bound: string }[] = [];
    const parts = r.int(2, 3);
    for (let p = 0; p < parts; p++) {
      const next = step(cursor);
      const from = p === 0 && r.bool(0.15) ? 'MINVALUE' : fmt(cursor);
      if (from === 'MINVALUE') this.tag('partition:minvalue');
      bounds.push({ name: this.relationName(t.schema, `${t.name}_p${p + 1}`), bound: `FOR VALUES FROM (${from}) TO (${fmt(next)})` });
      cursor = next;
      if (r.bool(0.15)) {
        cursor = step(cursor); // leave a gap
        this.tag('partition:gap');
      }
    }
    const withDefault = this.f.defaultPartition && r.bool(0.35);
    if (withDefault) {
      bounds.push({ name: this.relationName(t.schema, `${t.name}_default`), bound: 'DEFAULT' });
      this.tag('partition:default');
    }
    const dateNotNull = withPk || !withDefault || r.bool(0.5);
    if (!dateNotNull) this.tag('partition:nullable-key');
    t.columns.push({ name: dateName, type: 'date', refType: 'date', kind: 'date', notNull: dateNotNull, inline: [], used: true, wide: true });
    t.partition = { column: dateName, bounds };
    if (withPk) {
      t.primaryKey = ['id', dateName];
      t.keys.push({ columns: t.primaryKey, referenceable: this.f.referencesToPartitioned });
    } else {
      this.tag('partitioned:no-pk');
    }
    // FKs to earlier tables
    const earlier = this.tables.filter((p) => this.usableKeys(p).length > 0);
    const count = earlier.length === 0 ? 0 : r.int(0, 2);
    for (let k = 0; k < count; k++) {
      const parent = r.pick(earlier);
      const key = this.pickKey(r, parent);
      if (key) this.addForeignKey(r, t, parent, key, { notNull: r.bool(0.6), deferrable: 'no', late: false });
    }
    const plain = r.int(1, 4);
    for (let k = 0; k < plain; k++) this.dataColumn(r, t);
    const forms = this.f.checkForms;
    if (forms.length > 0) {
      for (let k = r.int(0, 2); k > 0; k--) this.check(r, t, r.pick(forms));
    }
    return t;
  }

  // --- keys and FKs -----------------------------------------------------------------------------

  /** The keys of `parent` an FK may point at. */
  private usableKeys(parent: Table): Key[] {
    return parent.keys.filter((k) => k.referenceable && (this.f.compositeForeignKeys || k.columns.length === 1));
  }

  /** The PK of `parent` if usable, else another usable key, preferring single columns. */
  private mainKey(parent: Table): Key | null {
    const keys = this.usableKeys(parent);
    return keys.find((k) => parent.primaryKey && k.columns.join() === parent.primaryKey.join())
      ?? keys.find((k) => k.columns.length === 1) ?? keys[0] ?? null;
  }

  private pickKey(r: Rng, parent: Table): Key | null {
    const keys = this.usableKeys(parent);
    if (keys.length === 0) return null;
    const pk = keys.find((k) => parent.primaryKey && k.columns.join() === parent.primaryKey.join());
    const others = keys.filter((k) => k !== pk);
    if (pk && (!this.f.foreignKeysToUniques || others.length === 0 || r.bool(0.5))) return pk;
    return others.length > 0 ? r.pick(others) : pk ?? null;
  }

  addForeignKey(
    r: Rng, child: Table, parent: Table, key: Key,
    o: { notNull: boolean; deferrable: ForeignKey['deferrable']; late: boolean; backEdge?: boolean; self?: boolean; noInline?: boolean },
  ): ForeignKey {
    const parentCols = key.columns.map((c) => parent.columns.find((pc) => pc.name === c)!);
    const stem = o.self ? r.pick(['parent', 'manager', 'replaces', 'root']) : singular(parent.name).replace(/[^A-Za-z0-9_ ]/g, '') || 'ref';
    const columns = parentCols.map((pc) => {
      const base = parentCols.length === 1 ? `${stem}_${pc.name === 'id' ? 'id' : pc.name}` : `${stem}_${pc.name}`;
      const col: Column = {
        name: this.columnName(r, child, base.replace(/ /g, '_'), false),
        type: pc.refType, refType: pc.refType, kind: pc.kind, notNull: o.notNull, inline: [], used: true, wide: pc.wide,
        ...(o.backEdge ? { backEdge: true } : {}),
        ...(pc.length !== undefined ? { length: pc.length } : {}),
      };
      child.columns.push(col);
      return col.name;
    });
    const composite = columns.length > 1;
    const matchFull = composite && !o.notNull && this.f.matchFull && r.bool(0.3);
    const onDelete = r.weighted([[null, 6], ['CASCADE', 2], ['RESTRICT', 1], [o.notNull ? 'NO ACTION' : 'SET NULL', 1]] as const);
    const inline = !o.late && !o.noInline && !composite && r.bool(0.5);
    const fk: ForeignKey = {
      name: !inline && r.bool(0.3) ? this.constraintName('fk', child) : null,
      columns, parent, parentColumns: key.columns, notNull: o.notNull, deferrable: o.deferrable, matchFull, onDelete, late: o.late, inline,
    };
    child.fks.push(fk);
    if (composite) this.tag('fk:composite');
    if (matchFull) this.tag('fk:match-full');
    if (parent.primaryKey && key.columns.join() !== parent.primaryKey.join()) this.tag('fk:to-unique');
    if (parent.partition) this.tag('fk:to-partitioned');
    if (child.partition) this.tag('fk:from-partitioned');
    if (o.deferrable !== 'no') this.tag(`fk:deferrable-${o.deferrable}`);
    if (parent.schema !== child.schema) this.tag('fk:cross-schema');
    this.tag(o.notNull ? 'fk:not-null' : 'fk:nullable');
    if (o.backEdge && this.f.uniqueBackEdges && !child.partition && r.bool(0.15)
      && (this.f.uniqueKeyCycles || !uniquePath(parent, child))) {
      child.uniques.push({ name: null, columns });
      this.tag('unique:back-edge');
      if (uniquePath(parent, child)) this.tag('cycle:unique-keys');
    }
    return fk;
  }

  // --- columns ----------------------------------------------------------------------------------

  private typeFor(r: Rng, kind: Kind): Pick<Column, 'type' | 'refType' | 'kind' | 'length' | 'precision' | 'scale' | 'enumType'> | null {
    switch (kind) {
      case 'int': return { type: 'integer', refType: 'integer', kind };
      case 'bigint': return { type: 'bigint', refType: 'bigint', kind };
      case 'numeric': {
        const precision = r.int(4, 14);
        const scale = r.int(0, Math.min(4, precision - 2));
        return { type: `numeric(${precision},${scale})`, refType: `numeric(${precision},${scale})`, kind, precision, scale };
      }
      case 'text': return { type: 'text', refType: 'text', kind };
      case 'varchar': {
        const length = r.pick([3, 5, 8, 12, 20, 32, 64, 255]);
        return { type: `varchar(${length})`, refType: `varchar(${length})`, kind, length };
      }
      case 'char': {
        const length = r.pick([1, 2, 3, 5, 8, 10]);
        return { type: `char(${length})`, refType: `char(${length})`, kind, length };
      }
      case 'boolean': return { type: 'boolean', refType: 'boolean', kind };
      case 'date': return { type: 'date', refType: 'date', kind };
      case 'timestamptz': return { type: 'timestamptz', refType: 'timestamptz', kind };
      case 'uuid': return { type: 'uuid', refType: 'uuid', kind };
      case 'jsonb': return { type: 'jsonb', refType: 'jsonb', kind };
      case 'text[]': return { type: 'text[]', refType: 'text[]', kind };
      case 'enum': {
        if (this.enums.length === 0) return null;
        const e = r.pick(this.enums);
        const type = `${ident(e.schema)}.${ident(e.name)}`;
        return { type, refType: type, kind, enumType: e };
      }
      case 'domain': {
        if (this.domains.length === 0) return null;
        const d = r.pick(this.domains);
        const type = `${ident(d.schema)}.${ident(d.name)}`;
        return { type, refType: type, kind };
      }
    }
  }

  /** A new column of `kind` (null when the schema has no enum / domain to use). */
  private newColumn(r: Rng, t: Table, kind: Kind, o: { notNull?: boolean; name?: string; withDefault?: boolean; checked?: boolean; pair?: boolean } = {}): Column | null {
    const type = this.typeFor(r, kind);
    if (!type) return null;
    let base = o.name;
    const neutral = o.checked === true && (kind === 'date' || kind === 'timestamptz') && !this.f.namedDatesWithChecks;
    if (neutral) base = r.pick(NEUTRAL_DATE_NAMES[kind as 'date' | 'timestamptz']);
    else if (o.checked === true && (kind === 'date' || kind === 'timestamptz')) this.tag('check:named-date');
    if (!base) {
      if (kind === 'enum') base = r.pick(ENUM_COLUMN_NAMES);
      else if (kind === 'domain') base = r.pick(['code', 'completion', 'contact', 'label', 'country']);
      else if (this.f.mismatchedNames && r.bool(0.06) && (kind !== 'numeric' || this.f.mismatchedNamesOnNumeric)) {
        base = r.pick(Object.values(NAMES).flat());
        this.tag('name:mismatched');
        if (kind === 'numeric') this.tag('name:mismatched-numeric');
      } else base = r.pick(NAMES[kind]);
    }
    const wide = ['int', 'bigint', 'text', 'uuid', 'timestamptz'].includes(kind)
      || (kind === 'numeric' && (type.precision ?? 0) >= 5)
      || (kind === 'varchar' && (type.length ?? 0) >= 8)
      || (kind === 'char' && (type.length ?? 0) >= 5);
    // the first column of a date pair may be renamed "end", "from", … (see oddNamesInDatePairs)
    const datePair = o.pair === true && (kind === 'date' || kind === 'timestamptz');
    const name = this.columnName(r, t, base, !neutral && (!datePair || this.f.oddNamesInDatePairs));
    if (datePair && name !== base && !name.startsWith(`${base}_`)) this.tag('check:odd-date-pair-name');
    const col: Column = { name, ...type, notNull: o.notNull ?? r.bool(0.5), inline: [], used: false, wide };
    if (o.withDefault && this.f.defaults && r.bool(0.3)) {
      const d = defaultFor(col);
      if (d) {
        col.default = d;
        this.tag('column:default');
      }
    }
    t.columns.push(col);
    this.tag(`type:${kind}`);
    return col;
  }

  private dataColumn(r: Rng, t: Table): void {
    const kind = r.weighted<Kind>([
      ['int', 3], ['bigint', 1], ['numeric', 2], ['text', 4], ['varchar', 2], ['char', 1], ['boolean', 2], ['date', 2],
      ['timestamptz', 2], ['uuid', 1], ['jsonb', 1], ['text[]', 1], ['enum', this.enums.length > 0 ? 2 : 0], ['domain', this.domains.length > 0 ? 2 : 0],
    ]);
    this.newColumn(r, t, kind, { withDefault: true });
  }

  private dataUniques(r: Rng, t: Table): void {
    // a column with a default is left alone: a UNIQUE over `DEFAULT 0` would be a trap, not a schema
    const free = () => t.columns.filter((c) => c.wide && !c.used && !c.backEdge && c.default === undefined);
    // a single unique column, sometimes referenced by later tables
    if (r.bool(0.3)) {
      let col = r.bool(0.5) ? (free()[0] ?? null) : null;
      col ??= this.newColumn(r, t, r.pick(['text', 'varchar', 'uuid', 'int', 'bigint'] as const), { notNull: r.bool(0.8) });
      if (col) {
        col.used = true;
        if (col.kind === 'varchar' && (col.length ?? 0) < 8) {
          col.type = col.refType = 'varchar(32)';
          col.length = 32;
        }
        if (r.bool(0.5)) col.inline.push('UNIQUE');
        else t.uniques.push({ name: r.bool(0.3) ? this.constraintName('uq', t) : null, columns: [col.name] });
        t.keys.push({ columns: [col.name], referenceable: col.notNull || r.bool(0.2) });
        this.tag(col.notNull ? 'unique:single' : 'unique:nullable');
      }
    }
    // composite unique: two data columns, or an FK column and a data column
    if (this.f.compositeUniques && r.bool(0.25)) {
      const fkCols = t.fks.filter((fk) => !fk.late && fk.columns.length === 1 && fk.parent !== t).map((fk) => fk.columns[0]!);
      const overFk = this.f.uniquesOverForeignKeys && fkCols.length > 0 && r.bool(0.6);
      const first = overFk ? r.pick(fkCols) : this.newColumn(r, t, r.pick(['int', 'text', 'date'] as const), { notNull: true })?.name;
      const second = this.newColumn(r, t, r.pick(['text', 'int', 'varchar', 'uuid'] as const), { notNull: r.bool(0.7), name: r.pick(['name', 'title', 'sku', 'position', 'slug']) });
      if (first && second) {
        second.used = true;
        if (second.kind === 'varchar' && (second.length ?? 0) < 8) {
          second.type = second.refType = 'varchar(40)';
          second.length = 40;
        }
        const cols = [first, second.name];
        t.uniques.push({ name: r.bool(0.3) ? this.constraintName('uq', t) : null, columns: cols });
        t.keys.push({ columns: cols, referenceable: second.notNull && t.columns.find((c) => c.name === first)!.notNull });
        this.tag(overFk ? 'unique:fk-and-column' : 'unique:composite');
      }
    }
    // partial unique index on a nullable column
    if (this.f.partialUniques && r.bool(0.2)) {
      const col = this.newColumn(r, t, r.pick(['text', 'uuid', 'int', 'varchar'] as const), { notNull: false, name: r.pick(['email', 'external_ref', 'badge', 'handle']) });
      if (col) {
        col.used = true;
        if (col.kind === 'varchar' && (col.length ?? 0) < 8) {
          col.type = col.refType = 'varchar(64)';
          col.length = 64;
        }
        t.partialUniques.push({ name: this.constraintName('pux', t), column: col.name });
        this.tag('unique:partial');
      }
    }
  }

  // --- CHECKs -----------------------------------------------------------------------------------

  /** Adds one CHECK of `form` over fresh columns (or unconstrained forward FK columns). */
  private check(r: Rng, t: Table, form: CheckForm): void {
    const add = (expr: string, inlineOn: Column | null) => {
      if (inlineOn && r.bool(0.4)) inlineOn.inline.push(`CHECK (${expr})`);
      else t.checks.push({ name: r.bool(0.4) ? this.constraintName('ck', t) : null, expr });
      this.tag(`check:${form}`);
    };
    const fresh = (kinds: readonly Kind[], o: { notNull?: boolean; name?: string; pair?: boolean } = {}) => {
      const kind = r.pick(kinds.filter((k) => (k !== 'enum' || this.enums.length > 0)));
      const c = this.newColumn(r, t, kind, { ...o, checked: form !== 'not-null' && form !== 'num-nonnulls' });
      if (c) c.used = true;
      return c;
    };
    switch (form) {
      case 'in':
      case 'any': {
        const c = fresh(['text', 'varchar', 'char', 'int', 'enum']);
        if (!c) return;
        const values = this.finiteValues(r, c);
        const x = ident(c.name);
        if (form === 'in') add(`${x} IN (${values.join(', ')})`, c);
        else add(`${x} = ANY (ARRAY[${c.kind === 'enum' ? values.map((v) => `${v}::${c.type}`).join(', ') : values.join(', ')}])`, c);
        return;
      }
      case 'compare': {
        const c = fresh(['int', 'bigint', 'numeric', 'date', 'timestamptz', 'text', 'varchar', 'enum']);
        if (!c) return;
        const comparison = this.comparison(r, c);
        if (comparison.startsWith('<>') && c.kind === 'enum') this.tag('check:enum-not-equal');
        if (comparison.startsWith('<>') && c.kind === 'numeric') this.tag('check:numeric-not-equal');
        add(`${ident(c.name)} ${comparison}`, c);
        return;
      }
      case 'between': {
        const c = fresh(['int', 'bigint', 'numeric', 'date']);
        if (!c) return;
        const [lo, hi] = this.range(r, c);
        add(`${ident(c.name)} BETWEEN ${lo} AND ${hi}`, c);
        return;
      }
      case 'less-than': {
        const [kind, a, b] = r.pick([
          ['date', 'starts_on', 'ends_on'], ['timestamptz', 'starts_at', 'ends_at'], ['int', 'min_qty', 'max_qty'],
          ['numeric', 'low_price', 'high_price'], ['bigint', 'first_seq', 'last_seq'], ['date', 'opened_on', 'closed_on'],
        ] as const);
        const ca = fresh([kind], { name: a, pair: true });
        if (!ca) return;
        const cb = { ...ca, name: this.columnName(r, t, this.secondOfPair(r, ca, b), false), notNull: r.bool(0.6), inline: [] };
        t.columns.push(cb);
        add(`${ident(ca.name)} ${r.pick(['<', '<='])} ${ident(cb.name)}`, null);
        return;
      }
      case 'not-null': {
        const fkCol = this.f.checksOnForeignKeys && r.bool(0.3) ? this.freeNullableFkColumn(r, t) : null;
        if (fkCol) {
          fkCol.used = true;
          add(`${ident(fkCol.name)} IS NOT NULL`, null);
          this.tag('check:on-fk');
          return;
        }
        const c = fresh(['text', 'int', 'date', 'uuid', 'jsonb', 'boolean', 'text[]', 'timestamptz'], { notNull: false });
        if (c) add(`${ident(c.name)} IS NOT NULL`, c);
        return;
      }
      case 'length': {
        const c = fresh(['text', 'varchar']);
        if (!c) return;
        const n = r.pick([3, 5, 10, 40, 100, 500]);
        add(`length(${ident(c.name)}) <= ${n}`, c);
        return;
      }
      case 'regex': {
        const re = r.pick(REGEXES);
        const kind = r.pick(['text', 'varchar', 'char'] as const);
        const charMax = this.f.variableRegexOnChar ? re.max : re.min;
        const c = this.newColumn(r, t, kind, { name: r.pick(['code', 'sku', 'ref', 'handle', 'plate']) });
        if (!c) return;
        c.used = true;
        const fits = kind === 'char' ? c.length! >= re.min && c.length! <= charMax : kind === 'text' || c.length! >= re.min;
        if (!fits) {
          c.length = kind === 'char' ? r.int(re.min, charMax) : re.min + r.int(0, 4);
          c.type = c.refType = `${kind}(${c.length})`;
        }
        if (kind === 'char' && c.length! > re.min) this.tag('check:regex-variable-on-char');
        c.regexMax = re.max;
        add(`${ident(c.name)} ~ ${lit(re.re)}`, c);
        return;
      }
      case 'null-or-greater': {
        const [kind, a, b] = r.pick([
          ['timestamptz', 'ended_at', 'started_at'], ['numeric', 'max_amount', 'min_amount'], ['date', 'closed_on', 'opened_on'], ['int', 'upper_limit', 'lower_limit'],
        ].filter(([k]) => k !== 'numeric' || this.f.nullOrGreaterNumeric) as [Kind, string, string][]);
        const ca = fresh([kind], { notNull: false, name: a, pair: true });
        if (!ca) return;
        const cb = { ...ca, name: this.columnName(r, t, this.secondOfPair(r, ca, b), false), notNull: r.bool(0.6), inline: [] };
        t.columns.push(cb);
        if (kind === 'numeric') this.tag('check:null-or-greater-numeric');
        add(`(${ident(ca.name)} IS NULL) OR (${ident(ca.name)} > ${ident(cb.name)})`, null);
        return;
      }
      case 'num-nonnulls': {
        let a: Column | null = null;
        let b: Column | null = null;
        if (this.f.checksOnForeignKeys && r.bool(0.35)) {
          a = this.freeNullableFkColumn(r, t);
          if (a) a.used = true;
          b = this.freeNullableFkColumn(r, t);
          for (const c of [a, b]) {
            if (!c) continue;
            t.fks.find((fk) => fk.columns.includes(c.name))!.inNonNullsCheck = true;
            this.tag('check:on-fk');
          }
        }
        a ??= fresh(['text', 'int', 'uuid', 'numeric'], { notNull: false });
        b ??= fresh(['text', 'int', 'uuid', 'date'], { notNull: false });
        if (!a || !b) return;
        a.used = b.used = true;
        add(`num_nonnulls(${ident(a.name)}, ${ident(b.name)}) = 1`, null);
        return;
      }
    }
  }

  /** The name of the second column of a pair: `b`, or a neutral date name (see namedDatesWithChecks). */
  private secondOfPair(r: Rng, first: Column, b: string): string {
    if ((first.kind !== 'date' && first.kind !== 'timestamptz') || this.f.namedDatesWithChecks) return b;
    return r.pick(NEUTRAL_DATE_NAMES[first.kind].filter((n) => !first.name.startsWith(n)));
  }

  /** A nullable single-column forward FK column of `t` that no CHECK touches yet. */
  private freeNullableFkColumn(r: Rng, t: Table): Column | null {
    const names = new Set(t.fks.filter((fk) => !fk.late && fk.columns.length === 1 && !fk.notNull).map((fk) => fk.columns[0]!));
    const uniqueCols = new Set([...t.uniques.flatMap((u) => u.columns), ...t.partialUniques.map((u) => u.column), ...t.columns.filter((c) => c.inline.includes('UNIQUE')).map((c) => c.name)]);
    const cols = t.columns.filter((c) => names.has(c.name) && !c.backEdge && !uniqueCols.has(c.name) && !(c as { checked?: boolean }).checked);
    if (cols.length === 0) return null;
    const c = r.pick(cols);
    (c as { checked?: boolean }).checked = true;
    return c;
  }

  /** 2–5 literals a column of this kind can hold (all within its length). */
  private finiteValues(r: Rng, c: Column): string[] {
    if (c.kind === 'int') {
      const start = r.int(-5, 20);
      return r.sample([0, 1, 2, 3, 4, 5, 10, 20, 50, 100].map((v) => v + start), r.int(2, 5)).map(String);
    }
    if (c.kind === 'enum') {
      return r.sample(c.enumType!.labels, r.int(1, Math.max(1, c.enumType!.labels.length - 1))).map(lit);
    }
    const max = c.length ?? 1000;
    let pool = [...WORDS, ...(r.bool(0.2) ? ODD_WORDS : [])].filter((w) => w.length <= max);
    if (pool.length < 2) pool = ['A', 'B', 'C', 'D', 'M', 'F', 'X', 'Y'];
    return r.sample(pool, r.int(2, 5)).map(lit);
  }

  private comparison(r: Rng, c: Column): string {
    switch (c.kind) {
      case 'int':
      case 'bigint':
        return r.pick(['> 0', '>= 0', '< 1000', '<= 100', '<> 0', '>= -50', '> 10']);
      case 'numeric': {
        const max = 10 ** ((c.precision ?? 10) - (c.scale ?? 0)) - 1;
        return r.pick(['>= 0', '> 0', `<= ${Math.min(max, 500)}`, `< ${Math.min(max, 10000)}`, ...(this.f.numericNotEqual ? ['<> 0'] : [])]);
      }
      case 'date':
        return r.pick([`>= DATE '2000-01-01'`, `> '2015-06-30'`, `< '2030-01-01'`, `<= CURRENT_DATE`]);
      case 'timestamptz':
        return r.pick([`>= '2000-01-01 00:00:00+00'`, `< TIMESTAMPTZ '2100-01-01 00:00:00+00'`, `<= now()`]);
      case 'enum':
        return `<> ${lit(r.pick(c.enumType!.labels))}`;
      default:
        return r.pick([`<> ''`, `<> 'n/a'`]);
    }
  }

  private range(r: Rng, c: Column): [string, string] {
    switch (c.kind) {
      case 'date': {
        const y = r.int(1990, 2030);
        return [`'${y}-01-01'`, `'${y + r.pick([0, 1, 5, 20])}-12-31'`];
      }
      case 'numeric': {
        const max = 10 ** ((c.precision ?? 10) - (c.scale ?? 0)) - 1;
        const hi = Math.min(max, r.pick([1, 5, 100, 1000, 99999]));
        return [r.pick((c.scale ?? 0) > 0 ? ['0', '0.5', '1'] : ['0', '1']), String(hi)];
      }
      default: {
        if (c.kind === 'bigint' && r.bool(0.5)) return ['1000000000000', '9000000000000'];
        const lo = r.int(-100, 100);
        return [String(lo), String(lo + r.pick([1, 5, 10, 100, 10000]))];
      }
    }
  }

  // --- printing ---------------------------------------------------------------------------------

  private print(): string {
    const out: string[] = [`-- random schema, seed ${this.seed}, ${this.tables.length} tables (test/helpers/random-schema.ts)`];
    for (const s of this.schemas) if (s !== 'public') out.push(`CREATE SCHEMA ${ident(s)};`);
    for (const e of this.enums) out.push(`CREATE TYPE ${ident(e.schema)}.${ident(e.name)} AS ENUM (${e.labels.map(lit).join(', ')});`);
    for (const d of this.domains) out.push(d.sql);
    const late: string[] = [];
    for (const t of this.tables) {
      const qn = `${ident(t.schema)}.${ident(t.name)}`;
      const lines: string[] = [];
      for (const c of t.columns) {
        const inline = [...c.inline];
        if (t.primaryKeyInline && t.primaryKey?.[0] === c.name) inline.unshift('PRIMARY KEY');
        for (const fk of t.fks) if (fk.inline && fk.columns[0] === c.name) inline.push(`REFERENCES ${qname(fk.parent)} (${ident(fk.parentColumns[0]!)})${fkTail(fk)}`);
        lines.push(
          `  ${ident(c.name)} ${c.type}` +
          (c.identity ? ` GENERATED ${c.identity} AS IDENTITY` : '') +
          (c.notNull && !c.identity && !/serial$/.test(c.type) ? ' NOT NULL' : '') +
          (c.default ? ` DEFAULT ${c.default}` : '') +
          (inline.length > 0 ? ` ${inline.join(' ')}` : ''),
        );
      }
      if (t.primaryKey && !t.primaryKeyInline) lines.push(`  PRIMARY KEY (${t.primaryKey.map(ident).join(', ')})`);
      for (const u of t.uniques) lines.push(`  ${u.name ? `CONSTRAINT ${ident(u.name)} ` : ''}UNIQUE (${u.columns.map(ident).join(', ')})`);
      for (const ck of t.checks) lines.push(`  ${ck.name ? `CONSTRAINT ${ident(ck.name)} ` : ''}CHECK (${ck.expr})`);
      for (const fk of t.fks) {
        if (fk.inline) continue;
        const text = `${fk.name ? `CONSTRAINT ${ident(fk.name)} ` : ''}FOREIGN KEY (${fk.columns.map(ident).join(', ')}) REFERENCES ${qname(fk.parent)} (${fk.parentColumns.map(ident).join(', ')})${fkTail(fk)}`;
        if (fk.late) late.push(`ALTER TABLE ${qn} ADD ${text};`);
        else lines.push(`  ${text}`);
      }
      out.push(`CREATE TABLE ${qn} (\n${lines.join(',\n')}\n)${t.partition ? ` PARTITION BY RANGE (${ident(t.partition.column)})` : ''};`);
      for (const p of t.partition?.bounds ?? []) out.push(`CREATE TABLE ${ident(t.schema)}.${ident(p.name)} PARTITION OF ${qn} ${p.bound};`);
      for (const u of t.partialUniques) out.push(`CREATE UNIQUE INDEX ${ident(u.name)} ON ${qn} (${ident(u.column)}) WHERE ${ident(u.column)} IS NOT NULL;`);
    }
    out.push(...late);
    return `${out.join('\n')}\n`;
  }
}

// ---------------------------------------------------------------------------------------------
// small pieces

const DOMAIN_TEMPLATES: { name: string; sql: (qn: string, notNull: boolean) => string }[] = [
  { name: 'positive_int', sql: (qn, nn) => `CREATE DOMAIN ${qn} AS integer${nn ? ' NOT NULL' : ''} CHECK (VALUE > 0);` },
  { name: 'percentage', sql: (qn, nn) => `CREATE DOMAIN ${qn} AS numeric(5,2)${nn ? ' NOT NULL' : ''} CHECK (VALUE BETWEEN 0 AND 100);` },
  { name: 'country_code', sql: (qn, nn) => `CREATE DOMAIN ${qn} AS char(2)${nn ? ' NOT NULL' : ''} CHECK (VALUE ~ '^[A-Z]{2}$');` },
  { name: 'product_code', sql: (qn, nn) => `CREATE DOMAIN ${qn} AS text${nn ? ' NOT NULL' : ''} CHECK (VALUE ~ '^[A-Z]{3}[0-9]{2}$');` },
  { name: 'short_name', sql: (qn, nn) => `CREATE DOMAIN ${qn} AS varchar(30)${nn ? ' NOT NULL' : ''} CHECK (length(VALUE) <= 20);` },
  { name: 'status_text', sql: (qn, nn) => `CREATE DOMAIN ${qn} AS text${nn ? ' NOT NULL' : ''} CHECK (VALUE IN ('new', 'open', 'closed'));` },
  { name: 'email_address', sql: (qn, nn) => `CREATE DOMAIN ${qn} AS text${nn ? ' NOT NULL' : ''} CHECK (VALUE ~ '^[^@\\s]+@[^@\\s]+\\.[a-z]+$');` },
  { name: 'sane_date', sql: (qn, nn) => `CREATE DOMAIN ${qn} AS date${nn ? ' NOT NULL' : ''} CHECK (VALUE >= DATE '1900-01-01' AND VALUE < DATE '2100-01-01');` },
  { name: 'small_qty', sql: (qn, nn) => `CREATE DOMAIN ${qn} AS smallint${nn ? ' NOT NULL' : ''} CHECK (VALUE BETWEEN 1 AND 99);` },
];

function defaultFor(c: Column): string | null {
  switch (c.kind) {
    case 'int': case 'bigint': case 'numeric': return '0';
    case 'boolean': return 'true';
    case 'timestamptz': return 'now()';
    case 'date': return 'CURRENT_DATE';
    case 'jsonb': return `'{}'::jsonb`;
    case 'text[]': return `'{}'`;
    case 'uuid': return 'gen_random_uuid()';
    case 'text': return `''`;
    default: return null;
  }
}

/**
 * The FKs of `t` inside a unique key (PK, UNIQUE, partial unique index) made only of FK columns:
 * how many rows `t` can hold depends on how many its parents have (one-to-one FKs, junction keys).
 */
function uniqueEdges(t: Table): ForeignKey[] {
  const fkColumns = new Set(t.fks.flatMap((fk) => fk.columns));
  const keys = [
    ...t.uniques.map((u) => u.columns),
    ...t.partialUniques.map((u) => [u.column]),
    ...t.columns.filter((c) => c.inline.includes('UNIQUE')).map((c) => [c.name]),
    ...(t.primaryKey ? [t.primaryKey] : []),
  ].filter((key) => key.every((c) => fkColumns.has(c)));
  return t.fks.filter((fk) => keys.some((key) => fk.columns.some((c) => key.includes(c))));
}

/** Whether such edges lead from `from` to `to` (so one more from `to` to `from` closes a cycle of them). */
function uniquePath(from: Table, to: Table): boolean {
  const seen = new Set<Table>();
  const walk = (t: Table): boolean => {
    if (t === to) return true;
    if (seen.has(t)) return false;
    seen.add(t);
    return uniqueEdges(t).some((fk) => walk(fk.parent));
  };
  return walk(from);
}

/** Every table reachable from `start` by following `next`, `start` included. */
function reachable(start: Table, next: (t: Table) => Table[]): Set<Table> {
  const seen = new Set<Table>([start]);
  const stack = [start];
  while (stack.length > 0) for (const n of next(stack.pop()!)) if (!seen.has(n)) seen.add(n), stack.push(n);
  return seen;
}

/** The tables on an FK cycle through `t` (its strongly connected component), `t` included. */
function component(t: Table): Table[] {
  const down = reachable(t, (x) => x.fks.map((fk) => fk.parent));
  const up = reachable(t, (x) => [...down].filter((u) => u.fks.some((fk) => fk.parent === x)));
  return [...down].filter((x) => up.has(x));
}

/** Whether a path of FKs from `from` to `to` runs through an FK in a `num_nonnulls` CHECK. */
function nonNullsOnPath(from: Table, to: Table): boolean {
  // every table on such a path is reachable from `from`
  const fromFrom = reachable(from, (t) => t.fks.map((fk) => fk.parent));
  const toTo = reachable(to, (t) => [...fromFrom].filter((u) => u.fks.some((fk) => fk.parent === t)));
  return [...fromFrom].some((u) => u.fks.some((fk) => fk.inNonNullsCheck && toTo.has(fk.parent)));
}

function fkTail(fk: ForeignKey): string {
  return (fk.matchFull ? ' MATCH FULL' : '') +
    (fk.onDelete ? ` ON DELETE ${fk.onDelete}` : '') +
    (fk.deferrable === 'no' ? '' : ` DEFERRABLE INITIALLY ${fk.deferrable === 'deferred' ? 'DEFERRED' : 'IMMEDIATE'}`);
}

function qname(t: Table): string {
  return `${ident(t.schema)}.${ident(t.name)}`;
}

function singular(name: string): string {
  if (name.endsWith('ies')) return `${name.slice(0, -3)}y`;
  if (name.endsWith('sses') || name.endsWith('ches')) return name.slice(0, -2);
  if (name.endsWith('s')) return name.slice(0, -1);
  return name;
}

function tableInfo(t: Table): RandomTable {
  return { key: `${t.schema}.${t.name}`, schema: t.schema, name: t.name, partitions: t.partition?.bounds.map((b) => b.name) ?? [] };
}

/** The table count a seed picks when none is given: 5–30. */
export function defaultTableCount(seed: number): number {
  return new Rng(streamSeed(seed, 0)).int(MIN_TABLES, MAX_TABLES);
}

/** A random schema: same options, same SQL. */
export function generateSchema(options: RandomSchemaOptions): RandomSchema {
  const tables = options.tables ?? defaultTableCount(options.seed);
  if (!Number.isInteger(tables) || tables < MIN_TABLES || tables > MAX_TABLES) {
    throw new RangeError(`tables must be an integer in ${MIN_TABLES}–${MAX_TABLES}, got ${tables}`);
  }
  const features: SchemaFeatures = { ...ALL_FEATURES, ...options.features };
  return new Builder(options.seed >>> 0, tables, features).build();
}

import type { Column, ColumnType, DomainType, Table } from '../catalog.js';
import { qualifiedName } from '../catalog.js';
import { domainChain } from './domains.js';
import { quoteIdent } from './sql-text.js';
import type { ViolationKind } from './types.js';
import { substituteValue } from './value-substitution.js';

/**
 * A constraint that can be judged one row at a time: NOT NULL, a table CHECK or a domain's CHECK
 * or NOT NULL. `violated` is a boolean SQL expression over the table's columns that is true
 * exactly for the rows that break it.
 */
export interface RowCondition {
  readonly kind: Extract<ViolationKind, 'not-null' | 'check'>;
  readonly constraint: string;
  readonly column?: string;
  readonly domain?: string;
  readonly violated: string;
  /** Columns worth showing next to the row's identity in a sample. */
  readonly sampleColumns: readonly string[];
}

/**
 * Every row-level constraint on the rows physically stored in `table` (not a partitioned parent):
 * its columns' NOT NULL, its CHECKs and those of its partitioned ancestors (a partition holds their
 * rows), and the CHECK / NOT NULL of the domains its columns are declared with.
 */
export function rowConditions(
  table: Table,
  ancestors: readonly Table[],
  domains: readonly DomainType[],
): RowCondition[] {
  const conditions: RowCondition[] = [];
  for (const column of table.columns) {
    if (column.notNull) {
      conditions.push({ kind: 'not-null', constraint: `${column.name} NOT NULL`, column: column.name, violated: isNull(column), sampleColumns: [] });
    }
    conditions.push(...domainConditions(column, domains));
  }
  for (const owner of [table, ...ancestors]) {
    for (const check of owner.checks) {
      // a CHECK passes when its expression is NULL, so only a definite false is a violation
      conditions.push({ kind: 'check', constraint: check.name, violated: `NOT (${check.expression})`, sampleColumns: check.columns });
    }
  }
  return conditions;
}

function domainConditions(column: Column, domains: readonly DomainType[]): RowCondition[] {
  const col = quoteIdent(column.name);
  const chain = domainChain(column, domains);
  const conditions: RowCondition[] = [];
  const base = { column: column.name, sampleColumns: [column.name] };
  // one NULL is one violation: a NOT NULL column, or an outer NOT NULL domain, reports it once
  const nullReported = { value: column.notNull, elements: false };
  for (const { domain, elements } of chain.levels) {
    const name = qualifiedName(domain.schema, domain.name);
    const value = elements ? 'v.value' : `${col}::${valueType(column.type, false)}`;
    const level = elements ? 'elements' : 'value';
    if (domain.notNull && !nullReported[level]) {
      const violated = elements ? onLevel(column, true, 'v.value IS NULL') : isNull(column);
      conditions.push({ ...base, kind: 'not-null', constraint: `${name} NOT NULL`, domain: name, violated });
      nullReported[level] = true;
    }
    for (const check of domain.checks) {
      const violated = onLevel(column, elements, `NOT (${substituteValue(check.expression, value)})`);
      conditions.push({ ...base, kind: 'check', constraint: check.name, domain: name, violated });
    }
  }
  // a domain autoseed could not follow still says whether it is NOT NULL
  if (chain.levels.length === 0 && column.type.domainNotNull && !chain.arrayOfDomain && !nullReported.value) {
    const name = column.type.domain ?? '';
    conditions.push({ ...base, kind: 'not-null', constraint: `${name} NOT NULL`, domain: name, violated: isNull(column) });
  }
  return conditions;
}

/**
 * True for a NULL in the column. Not `col IS NULL`: PostgreSQL 17 folds that to false for an
 * attnotnull column, which is exactly the column whose bypassed NULLs we are looking for.
 */
function isNull(column: Column): string {
  return `num_nulls(${quoteIdent(column.name)}) > 0`;
}

/** On the whole value, or on any element of the (array) value, which `v.value` then names. */
function onLevel(column: Column, elements: boolean, violated: string): string {
  if (!elements) return violated;
  // unnest flattens every dimension; casting to the base array type first drops the domains, so
  // reading the column cannot itself raise the domain's error, and each element has the base type
  return `EXISTS (SELECT 1 FROM unnest(${quoteIdent(column.name)}::${valueType(column.type, true)}) AS v(value) WHERE ${violated})`;
}

/**
 * The base type a domain's VALUE has. Casting to it (a domain → base cast never checks anything)
 * lets the expression see the value exactly as the domain's CHECK did.
 */
function valueType(type: ColumnType, array: boolean): string {
  const element = `${quoteIdent(type.baseSchema)}.${quoteIdent(type.base)}`;
  return `${element}${array || type.arrayDims > 0 ? '[]' : ''}`;
}

import type { Queryable } from '../db/queryable.js';
import { quoteIdent, quoteQualified } from '../sql/ident.js';

/** A few rows of one table, every value as PostgreSQL's text form (NULL stays null). */
export type SampleRows = readonly Readonly<Record<string, string | null>>[];

interface SampleSpec {
  readonly table: string;
  /** The columns worth showing, most telling first: the right-most are dropped when space runs out. */
  readonly columns: readonly string[];
  /** Default: the first column shown. */
  readonly orderBy?: string;
}

/** The demo schema's main tables, and what to show of each. */
export const DEMO_SAMPLES: readonly SampleSpec[] = [
  { table: 'students', columns: ['id', 'first_name', 'last_name', 'email', 'date_of_birth', 'status', 'student_number'] },
  { table: 'staff', columns: ['id', 'first_name', 'last_name', 'email', 'role', 'department_id', 'manager_id'] },
  { table: 'classes', columns: ['id', 'term_id', 'subject_id', 'teacher_id', 'section', 'capacity', 'room_id'] },
  { table: 'bookings', columns: ['id', 'resource_id', 'booked_by', 'during', 'status', 'purpose'] },
  { table: 'invoices', columns: ['invoice_number', 'student_id', 'issued_on', 'due_on', 'amount', 'currency', 'status'], orderBy: 'id' },
];

/** The first `limit` rows of each sample table in `schema`. */
export async function fetchSamples(q: Queryable, schema: string, limit = 3): Promise<Record<string, SampleRows>> {
  const samples: Record<string, SampleRows> = {};
  for (const spec of DEMO_SAMPLES) {
    // ::text: dates, ranges and numerics exactly as psql would show them, not as JS objects
    const list = spec.columns.map((c) => `${quoteIdent(c)}::text AS ${quoteIdent(c)}`).join(', ');
    // t.<column>: the column itself, not its text alias (so 2 sorts before 10)
    const { rows } = await q.query<Record<string, string | null>>(
      `SELECT ${list} FROM ${quoteQualified(schema, spec.table)} t ORDER BY t.${quoteIdent(spec.orderBy ?? spec.columns[0]!)} LIMIT ${limit}`,
    );
    samples[`${schema}.${spec.table}`] = rows;
  }
  return samples;
}

const MAX_VALUE = 24;
const GAP = '  ';
const INDENT = '  ';

/**
 * Each table as a compact text grid: values cut to 24 characters, and columns dropped from the
 * right until a line fits in `width` characters.
 */
export function formatSamples(samples: Readonly<Record<string, SampleRows>>, width = 100): string {
  const blocks = Object.entries(samples).map(([table, rows]) => {
    if (rows.length === 0) return `${table}: no rows\n`;
    const columns = fitColumns(Object.keys(rows[0]!), rows, width - INDENT.length);
    const line = (cells: string[]) => `${INDENT}${cells.map((c, k) => c.padEnd(columns[k]!.width)).join(GAP)}`.trimEnd();
    const header = line(columns.map((c) => c.label));
    const body = rows.map((row) => line(columns.map((c) => cut(row[c.name] ?? 'NULL'))));
    return `${table}\n${[header, ...body].join('\n')}\n`;
  });
  return blocks.join('\n');
}

function fitColumns(names: readonly string[], rows: SampleRows, width: number): { name: string; label: string; width: number }[] {
  const fitted: { name: string; label: string; width: number }[] = [];
  let used = 0;
  for (const name of names) {
    const w = Math.max(cut(name).length, ...rows.map((r) => cut(r[name] ?? 'NULL').length));
    const next = used + (fitted.length > 0 ? GAP.length : 0) + w;
    if (next > width) break;
    fitted.push({ name, label: cut(name), width: w });
    used = next;
  }
  return fitted;
}

function cut(value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  return flat.length > MAX_VALUE ? `${flat.slice(0, MAX_VALUE - 1)}…` : flat;
}

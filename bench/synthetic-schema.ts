/**
 * A large generated schema for benchmarks: `tables` tables in chains of FKs, each with a mix of
 * types, a unique, a CHECK and an index, so introspection has every kind of row to read.
 */
export function syntheticSchema(tables: number): string {
  const statements: string[] = ["CREATE TYPE status AS ENUM ('new', 'active', 'closed')"];
  for (let i = 0; i < tables; i++) {
    const parent = i % 10 === 0 ? null : `t${i - 1}`;
    statements.push(`CREATE TABLE t${i} (
      id bigserial PRIMARY KEY,
      ${parent ? `${parent}_id bigint NOT NULL REFERENCES ${parent} (id),` : ''}
      code varchar(32) NOT NULL UNIQUE,
      name text NOT NULL,
      amount numeric(12, 2) CHECK (amount >= 0),
      status status NOT NULL DEFAULT 'new',
      tags text[],
      payload jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz
    )`);
    statements.push(`CREATE INDEX t${i}_created_idx ON t${i} (created_at)`);
  }
  return statements.join(';\n');
}

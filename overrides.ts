// The demo schema's overrides (examples/school.sql): what `autoseed demo` generates differently
// from what autoseed infers on its own. It doubles as the worked example of the override API;
// docs/overrides.md is the guide. For your own database, `autoseed init` writes a skeleton.
import { defineOverrides, sql } from 'autoseed';
// the schema as types (written by `autoseed init`): misspelt tables and columns do not compile
import type { Schema } from './examples/school-schema.js';

export default defineOverrides<Schema>({
  // same seed, same data; `--seed` wins over it
  seed: 1,
  // base rows per table; `--rows` / `--size` win over it
  rows: 100,
  tables: {
    // a table's own row count
    'school.schools': { rows: 3 },

    'school.staff': {
      columns: {
        // a function of the row: the other columns are already generated (a persona's names)
        email: ({ row, index }) => `${ascii(row.first_name)}.${ascii(row.last_name)}.${index}@school.test`,
      },
    },

    'school.guardians': {
      // a list: each row picks one
      columns: { preferred_language: ['en', 'en', 'fr', 'de', 'nl'] },
    },

    'school.invoices': {
      // a constant: every row gets it
      columns: { currency: 'EUR' },
    },

    'school.invoice_lines': {
      // children per parent row: every invoice gets 1 to 4 lines (the table's rows follow)
      perParent: { invoice_id: [1, 4] },
      columns: {
        // parent(fk): the referenced columns of the row this FK points at; faker is seeded per row
        description: ({ parent, faker }) =>
          `${faker.helpers.arrayElement(['Tuition', 'School lunches', 'Field trip', 'Books'])} (invoice #${String(parent('invoice_id')?.id)})`,
      },
    },

    'school.results': {
      columns: {
        // row and faker together: the comment follows the grade generated for the row
        comment: ({ row, faker }) => (row.grade === 'A' ? 'Excellent work' : faker.helpers.arrayElement(['Good effort', 'Revise chapter 3', null])),
      },
    },

    'school.audit_logs': {
      // skip: true would leave the table out of the run (the demo fills every table)
      skip: false,
      // a SQL expression, evaluated by PostgreSQL for each row
      columns: { changes: sql`jsonb_build_object('source', 'autoseed demo')` },
    },
  },
});

/** Letters and digits only: names like O'Brien make valid e-mail local parts. */
function ascii(name: string): string {
  return name.normalize('NFD').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

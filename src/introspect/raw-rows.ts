import type { RawColumnRow } from './queries/columns.js';
import type { RawConstraintRow } from './queries/constraints.js';
import type { RawDomainCheckRow } from './queries/domain-checks.js';
import type { RawEnumLabelsRow } from './queries/enums.js';
import type { RawIndexRow } from './queries/indexes.js';
import type { RawRuleRow } from './queries/rules.js';
import type { RawSequenceRow } from './queries/sequences.js';
import type { RawServerRow } from './queries/server.js';
import type { RawTableRow } from './queries/tables.js';
import type { RawTriggerRow } from './queries/triggers.js';
import type { RawTypeRow } from './queries/types.js';

/** Everything the catalog queries return, as they return it: the input of `buildCatalog`. */
export interface RawCatalogRows {
  server: RawServerRow;
  tables: RawTableRow[];
  columns: RawColumnRow[];
  types: RawTypeRow[];
  enumLabels: RawEnumLabelsRow[];
  domainChecks: RawDomainCheckRow[];
  constraints: RawConstraintRow[];
  indexes: RawIndexRow[];
  triggers: RawTriggerRow[];
  rules: RawRuleRow[];
  sequences: RawSequenceRow[];
}

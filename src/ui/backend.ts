import type { QualifiedName } from '../catalog.js';
import type { EventSink } from '../events.js';
import type { Plan } from '../planner/plan-types.js';

/** A table as the picker lists it. */
export interface TableEntry {
  readonly key: QualifiedName;
  readonly schema: string;
  readonly name: string;
  /** Rows the table holds before the run. */
  readonly existingRows: number;
}

/** A column that holds personal data, for the audit list (R13). */
export interface PiiColumn {
  readonly table: QualifiedName;
  readonly column: string;
  /** What kind of personal data, e.g. `email`, `phone`. */
  readonly kind: string;
}

/** What the UI knows once the database is connected and introspected. */
export interface Connected {
  readonly database: string;
  readonly tables: readonly TableEntry[];
  /** Tables ticked at start (all of them unless --tables / --exclude said otherwise). */
  readonly selected: readonly QualifiedName[];
  /** The plan for that selection. */
  readonly plan: Plan;
  /** Personal-data columns; null while the model does not detect them (the UI then shows nothing). */
  readonly pii: readonly PiiColumn[] | null;
}

/** The user's choice in the picker. */
export interface Selection {
  /** Ticked tables, in catalog order; the planner pulls in parents they need. */
  readonly tables: readonly QualifiedName[];
  /** Requested rows per table, for the tables whose count was changed. */
  readonly rows: Readonly<Record<QualifiedName, number>>;
}

/** The verify-integrity result, reduced to what the summary shows. */
export interface VerifyResult {
  readonly checks: number;
  /** One line per violation (table, kind, constraint, count). */
  readonly violations: readonly string[];
  /** One line per check that could not run. */
  readonly failures: readonly string[];
  readonly ms: number;
}

/**
 * Everything the terminal UI asks of the outside world. The UI never touches `pg`: the command
 * that starts it implements this with connect / introspect / prepare / executePlan / verify.
 * Methods reject with an Error (an AutoseedError where the cause is known) on failure.
 */
export interface UiBackend {
  /** Connects and introspects; `status` reports what it is doing. */
  connect(status: (text: string) => void): Promise<Connected>;
  /** Re-plans for a selection (no writes). */
  plan(selection: Selection): Promise<Plan>;
  /** Seeds the selection in one transaction, reporting through `emit` up to and including `run-done`. */
  seed(selection: Selection, emit: EventSink): Promise<void>;
  /** Runs verify-integrity on the whole database. */
  verify(): Promise<VerifyResult>;
  /** Releases connections; an unfinished seed transaction is rolled back by the server. */
  close(): Promise<void>;
}

import type { QualifiedName } from '../catalog.js';
import { tokenize } from '../inference/heuristics.js';
import type { SemanticKind } from '../inference/kinds.js';
import type { ColumnModel, SeedModel } from '../inference/model.js';

/**
 * The PII audit (R13). autoseed never copies rows: every value it writes is synthetic. What it
 * reports is which columns *hold personal data in the real application* — so a reviewer knows
 * which columns of a seeded copy look like people, and which must never be filled from
 * production. Pure: reads the model only.
 */

/** What kind of personal data a column holds. */
export type PiiCategory =
  | 'name' | 'email' | 'phone' | 'address' | 'birth_date' | 'ip_address' | 'device_id' | 'username'
  | 'online_identifier' | 'gender' | 'government_id' | 'bank_account' | 'credential' | 'vehicle_id';

export interface PiiColumn {
  readonly table: QualifiedName;
  readonly column: string;
  /** What kind of personal data, e.g. `email`, `phone`. */
  readonly kind: PiiCategory;
  /** How it was recognised: the column's generator kind, or its name. */
  readonly reason: string;
}

/** Generator kinds that stand for personal data. Keyed by SemanticKind: a renamed kind is a compile error here. */
const PERSONAL_KINDS: Partial<Record<SemanticKind, PiiCategory>> = {
  first_name: 'name',
  last_name: 'name',
  middle_name: 'name',
  full_name: 'name',
  name_prefix: 'name',
  name_suffix: 'name',
  username: 'username',
  external_auth_id: 'online_identifier',
  email: 'email',
  phone: 'phone',
  street_address: 'address',
  street_name: 'address',
  building_number: 'address',
  secondary_address: 'address',
  postal_code: 'address',
  ip: 'ip_address',
  ipv6: 'ip_address',
  mac: 'device_id',
  gender: 'gender',
  national_id: 'government_id',
  vat_number: 'government_id',
  iban: 'bank_account',
  bic: 'bank_account',
  account_number: 'bank_account',
  credit_card: 'bank_account',
  password_hash: 'credential',
  license_plate: 'vehicle_id',
  vin: 'vehicle_id',
};

/**
 * Column names that mean personal data whatever their generator (a `date` birth date has a
 * type generator, not a semantic one): token sequences, as the inference heuristics match them.
 */
const PERSONAL_NAMES: readonly [readonly string[], PiiCategory][] = [
  [['birth'], 'birth_date'], [['birthday'], 'birth_date'], [['dob'], 'birth_date'], [['birthdate'], 'birth_date'],
  [['ssn'], 'government_id'], [['social', 'security'], 'government_id'], [['national', 'id'], 'government_id'],
  [['passport'], 'government_id'], [['tax', 'id'], 'government_id'], [['taxid'], 'government_id'], [['vat', 'number'], 'government_id'],
  [['driver', 'license'], 'government_id'], [['drivers', 'license'], 'government_id'],
  [['ip'], 'ip_address'], [['ipaddress'], 'ip_address'], [['remote', 'addr'], 'ip_address'], [['mac', 'address'], 'device_id'],
  [['iban'], 'bank_account'], [['account', 'number'], 'bank_account'], [['card', 'number'], 'bank_account'],
  [['credit', 'card'], 'bank_account'], [['routing', 'number'], 'bank_account'], [['sort', 'code'], 'bank_account'],
  // last: an `address` that is none of the above (a jsonb or composite postal address)
  [['street'], 'address'], [['address'], 'address'],
];

/** Every column of the model that holds personal data, in table and column order. */
export function piiColumns(model: SeedModel): PiiColumn[] {
  const found: PiiColumn[] = [];
  for (const t of model.tables) {
    for (const c of t.columns) {
      const hit = classify(c);
      if (hit) found.push({ table: t.key, column: c.name, ...hit });
    }
  }
  return found;
}

function classify(c: ColumnModel): { kind: PiiCategory; reason: string } | null {
  // an FK column holds a key, not the personal data of the row it points at
  if (c.generator.kind === 'fk' || c.generator.kind === 'omit') return null;
  if (c.generator.kind === 'semantic') {
    const kind = PERSONAL_KINDS[c.generator.semantic];
    if (kind) return { kind, reason: `kind:${c.generator.semantic}` };
  }
  const tokens = tokenize(c.name);
  for (const [sequence, kind] of PERSONAL_NAMES) {
    if (contains(tokens, sequence)) return { kind, reason: `name:${sequence.join('_')}` };
  }
  return null;
}

function contains(tokens: readonly string[], sequence: readonly string[]): boolean {
  for (let i = 0; i + sequence.length <= tokens.length; i++) {
    if (sequence.every((s, k) => tokens[i + k] === s)) return true;
  }
  return false;
}

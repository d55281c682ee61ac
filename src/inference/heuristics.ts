import type { Column, Table } from '../catalog.js';
import type { SemanticKind } from './kinds.js';

/** Splits a column name into lower-case tokens: snake_case, camelCase, "Quoted Names". */
export function tokenize(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

interface NameRule {
  /** Token sequences; one must appear in the column's tokens, in order. */
  match: string[][];
  kind: SemanticKind;
}

// first match wins, so specific rules come before general ones
const RULES: NameRule[] = [
  { match: [['email'], ['e', 'mail'], ['mail']], kind: 'email' },
  { match: [['ip'], ['ip', 'address'], ['ipaddress']], kind: 'ip' },
  { match: [['mac'], ['mac', 'address']], kind: 'mac' },
  { match: [['user', 'agent'], ['useragent']], kind: 'user_agent' },
  { match: [['mime', 'type'], ['mimetype'], ['content', 'type']], kind: 'mime_type' },
  { match: [['first', 'name'], ['firstname'], ['given', 'name'], ['forename']], kind: 'first_name' },
  { match: [['last', 'name'], ['lastname'], ['surname'], ['family', 'name']], kind: 'last_name' },
  { match: [['middle', 'name'], ['middlename']], kind: 'middle_name' },
  { match: [['full', 'name'], ['fullname'], ['display', 'name'], ['contact', 'name']], kind: 'full_name' },
  { match: [['user', 'name'], ['username'], ['login'], ['handle'], ['nickname']], kind: 'username' },
  { match: [['phone'], ['mobile'], ['fax'], ['telephone'], ['tel']], kind: 'phone' },
  { match: [['url'], ['website'], ['homepage'], ['link'], ['href'], ['uri']], kind: 'url' },
  { match: [['domain'], ['hostname'], ['host']], kind: 'domain' },
  { match: [['country', 'code'], ['iso', 'code'], ['iso2'], ['countrycode']], kind: 'country_code' },
  { match: [['country']], kind: 'country' },
  { match: [['city'], ['town']], kind: 'city' },
  { match: [['state'], ['province'], ['region']], kind: 'state' },
  { match: [['postal', 'code'], ['postalcode'], ['post', 'code'], ['postcode'], ['zip']], kind: 'postal_code' },
  { match: [['address'], ['street'], ['line', 'one'], ['line1'], ['address1']], kind: 'street_address' },
  { match: [['company'], ['organization'], ['organisation'], ['employer'], ['vendor', 'name'], ['supplier', 'name']], kind: 'company' },
  { match: [['job', 'title'], ['jobtitle'], ['occupation'], ['position', 'title']], kind: 'job_title' },
  { match: [['product', 'name']], kind: 'product_name' },
  { match: [['title'], ['subject'], ['headline']], kind: 'title' },
  { match: [['description'], ['summary'], ['bio'], ['about'], ['notes'], ['note']], kind: 'description' },
  { match: [['body'], ['content'], ['text'], ['message']], kind: 'body' },
  { match: [['comment'], ['remark']], kind: 'comment' },
  { match: [['slug']], kind: 'slug' },
  { match: [['colour'], ['color']], kind: 'color' },
  { match: [['token'], ['api', 'key'], ['secret']], kind: 'token' },
  { match: [['hash'], ['checksum'], ['digest'], ['sha'], ['sha1'], ['md5']], kind: 'hash' },
  { match: [['currency'], ['curr']], kind: 'currency_code' },
  { match: [['sku']], kind: 'sku' },
  { match: [['barcode'], ['ean'], ['upc'], ['gtin']], kind: 'barcode' },
  { match: [['isbn']], kind: 'isbn' },
  { match: [['iban']], kind: 'iban' },
  { match: [['bic'], ['swift']], kind: 'bic' },
  { match: [['timezone'], ['time', 'zone'], ['tz']], kind: 'timezone' },
  { match: [['locale'], ['language'], ['lang']], kind: 'locale' },
  { match: [['file', 'name'], ['filename']], kind: 'file_name' },
  { match: [['version']], kind: 'version' },
  { match: [['gender'], ['sex']], kind: 'gender' },
];

/** Table names whose `name` column holds something other than a generic name. */
const TABLE_NAME_KINDS: [RegExp, SemanticKind][] = [
  [/(^|_)(users?|people|persons?|customers?|employees?|staff|students?|members?|authors?|contacts?|guardians?|teachers?|actors?|artists?)$/, 'full_name'],
  [/(^|_)(companies|company|vendors?|suppliers?|organi[sz]ations?|clients?|manufacturers?|publishers?|shippers?|carriers?|labels?)$/, 'company'],
  [/(^|_)(products?|items?|articles?)$/, 'product_name'],
  [/(^|_)(cities|city)$/, 'city'],
  [/(^|_)(countries|country)$/, 'country'],
];

function containsSequence(tokens: readonly string[], seq: readonly string[]): boolean {
  outer: for (let i = 0; i + seq.length <= tokens.length; i++) {
    for (let j = 0; j < seq.length; j++) if (tokens[i + j] !== seq[j]) continue outer;
    return true;
  }
  return false;
}

/** The semantic kind a text column's name (and its table's name) implies, and why. */
export function kindFromName(column: Column, table: Table): { kind: SemanticKind; reason: string } | null {
  const tokens = tokenize(column.name);
  if (tokens.length === 1 && tokens[0] === 'name') {
    for (const [pattern, kind] of TABLE_NAME_KINDS) {
      if (pattern.test(table.name.toLowerCase())) return { kind, reason: `table-context:${table.name}.name` };
    }
    return { kind: 'name', reason: 'name:name' };
  }
  for (const rule of RULES) {
    if (rule.match.some((seq) => containsSequence(tokens, seq))) return { kind: rule.kind, reason: `name:${rule.kind}` };
  }
  return null;
}

import type { Column, Table } from '../catalog.js';
import type { Relation } from './domain.js';
import { REFERENCE_NOW } from './checks/time-expression.js';

/**
 * Relations the names imply though no CHECK says so: a row is updated after it is created, ends
 * after it starts, is deleted after it was created. Applied like CHECK relations (by moving the
 * later column), but never verified by PostgreSQL: they are about realism, not validity.
 */
export function impliedRelations(table: Table, declared: readonly Relation[]): Relation[] {
  const times = table.columns.filter((c) => c.type.category === 'datetime' && c.type.arrayDims === 0 && c.generated === null);
  const find = (pattern: RegExp) => times.find((c) => pattern.test(c.name.toLowerCase()));
  const created = find(/^(created|inserted|added|registered)(_?(at|on|date|time|timestamp))?$|^date_?created$/);
  const relations: Relation[] = [];
  const add = (later: Column | undefined, earlier: Column | undefined, op: '>=' | '>') => {
    if (!later || !earlier || later === earlier) return;
    const exists = declared.some((r) => (r.column === later.name && r.other === earlier.name) || (r.column === earlier.name && r.other === later.name));
    if (!exists) relations.push({ column: later.name, op, other: earlier.name, check: null });
  };
  for (const c of times) {
    if (/^(updated|modified|changed|edited|last_updated|last_modified)(_?(at|on|date|time))?$|^last_?(seen|login|activity|used)(_?(at|on))?$/.test(c.name.toLowerCase())) add(c, created, '>=');
    if (/^(deleted|archived|published|closed|completed|resolved|cancell?ed|approved|confirmed|shipped|delivered|paid|expired|revoked)(_?(at|on|date|time))?$/.test(c.name.toLowerCase())) add(c, created, '>=');
  }
  // start/end pairs that share a prefix: starts_at/ends_at, start_date/end_date, valid_from/valid_to, check_in/check_out
  const PAIRS: [RegExp, RegExp][] = [
    [/^(.*?)_?(start|starts|begin|begins|from|since|opened|check_in|checkin|issued|hired|born)(_?(at|on|date|time))?$/, /^(.*?)_?(end|ends|finish|finished|to|until|thru|closed|check_out|checkout|due|left|died|expires|expiry)(_?(at|on|date|time))?$/],
  ];
  for (const [startPattern, endPattern] of PAIRS) {
    for (const s of times) {
      const sm = startPattern.exec(s.name.toLowerCase());
      if (!sm) continue;
      const e = times.find((t) => {
        const em = endPattern.exec(t.name.toLowerCase());
        return em !== null && em[1] === sm[1] && t !== s;
      });
      add(e, s, '>');
    }
  }
  return relations;
}

/** Ages a birth-date column should give, from its table: pupils are young, staff are adults. */
export function birthDateBounds(column: Column, table: Table): { min: string; max: string } | null {
  if (column.type.category !== 'datetime' || !/^(birth_?date|date_?of_?birth|dob|birthday|born(_on|_at)?)$/.test(column.name.toLowerCase())) return null;
  const t = table.name.toLowerCase();
  const [youngest, oldest] = /(student|pupil|child|kid|learner|minor)/.test(t) ? [5, 19] : /(staff|employee|teacher|worker|driver|member|user|customer|guardian|parent)/.test(t) ? [20, 68] : [18, 85];
  const year = 365.25 * 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { min: iso(REFERENCE_NOW - oldest * year), max: iso(REFERENCE_NOW - youngest * year) };
}

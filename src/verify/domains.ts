import type { Column, DomainType } from '../catalog.js';
import { qualifiedName } from '../catalog.js';

/** A domain whose constraints apply to a column, to its whole value or to each array element. */
export interface DomainLevel {
  readonly domain: DomainType;
  /** True when the domain types the elements of an array (`d[]`, or a domain over `d[]`). */
  readonly elements: boolean;
}

export interface DomainChain {
  /** Outermost first, then the domains each is built on. */
  readonly levels: readonly DomainLevel[];
  /** False when a domain of the chain is not among the catalog's domains (e.g. information_schema's). */
  readonly complete: boolean;
  /** The column's declared type is an array of the (outermost) domain. */
  readonly arrayOfDomain: boolean;
}

/**
 * Follows a column's domain through `DomainType.over` (domains built on domains, or on arrays of
 * domains), so every CHECK and NOT NULL of the chain can be verified at the right level.
 */
export function domainChain(column: Pick<Column, 'type'>, domains: readonly DomainType[]): DomainChain {
  const arrayOfDomain = column.type.domain !== null && column.type.sql.endsWith('[]');
  const levels: DomainLevel[] = [];
  let current = column.type.domain === null
    ? undefined
    : domains.find((d) => qualifiedName(d.schema, d.name) === column.type.domain);
  let elements = arrayOfDomain;
  if (column.type.domain !== null && !current) return { levels, complete: false, arrayOfDomain };
  // a domain graph cannot loop, but a bound keeps a corrupt catalog from hanging us
  for (let hops = 0; current && hops < 32; hops++) {
    levels.push({ domain: current, elements });
    const over = parseTypeName(current.over);
    if (!over) break;
    elements ||= over.array;
    const next = findDomain(domains, over.schema, over.name, current.schema);
    if (!next) return { levels, complete: !couldBeDomain(domains, over.name), arrayOfDomain };
    current = next;
  }
  return { levels, complete: true, arrayOfDomain };
}

/**
 * Splits a `format_type` name such as `"My.Schema"."bıgınt"`, `d2[]` or `public.email` into its
 * parts. Returns null for built-in types written with spaces or modifiers (`character
 * varying(50)`), which are never domains.
 */
export function parseTypeName(sql: string): { schema: string | null; name: string; array: boolean } | null {
  let text = sql.trim();
  let array = false;
  while (text.endsWith('[]')) {
    text = text.slice(0, -2);
    array = true;
  }
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      let name = '';
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') { name += '"'; i += 2; }
        else if (text[i] === '"') { i++; break; }
        else { name += text[i]; i++; }
      }
      parts.push(name);
    } else {
      const match = /^[^".\s()[\]]+/.exec(text.slice(i));
      if (!match) return null;
      parts.push(match[0]);
      i += match[0].length;
    }
    if (i === text.length) break;
    if (text[i] !== '.') return null;
    i++;
  }
  if (parts.length === 1) return { schema: null, name: parts[0]!, array };
  if (parts.length === 2) return { schema: parts[0]!, name: parts[1]!, array };
  return null;
}

function findDomain(domains: readonly DomainType[], schema: string | null, name: string, near: string): DomainType | undefined {
  if (schema !== null) return domains.find((d) => d.schema === schema && d.name === name);
  // format_type leaves the schema out when the domain is visible on the search_path: prefer the
  // referring domain's own schema, then public, then the only domain of that name
  const named = domains.filter((d) => d.name === name);
  return named.find((d) => d.schema === near) ?? named.find((d) => d.schema === 'public') ?? (named.length === 1 ? named[0] : undefined);
}

function couldBeDomain(domains: readonly DomainType[], name: string): boolean {
  return domains.some((d) => d.name === name);
}

import { readFileSync } from 'node:fs';

/** The text of `test/fixtures/<name>.sql`. */
export function fixtureSql(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}.sql`, import.meta.url), 'utf8');
}

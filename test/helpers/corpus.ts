import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The corpus folder named by AUTOSEED_CORPUS, or undefined when the variable is unset. */
export const corpusDir: string | undefined = process.env.AUTOSEED_CORPUS || undefined;

/** `[name, sql]` for every `*.sql` in the corpus folder, smallest first. */
export function corpusSchemas(): [string, string][] {
  if (!corpusDir) return [];
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.sql'))
    .map((f): [string, string] => [f.replace(/\.sql$/, ''), readFileSync(join(corpusDir!, f), 'utf8')])
    .sort((a, b) => a[1].length - b[1].length);
}

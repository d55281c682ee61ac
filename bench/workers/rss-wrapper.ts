/**
 * `node rss-wrapper.js OUT SCRIPT [args…]`: runs SCRIPT in this process (as if started as
 * `node SCRIPT args…`) and writes its peak RSS in KiB to OUT as the process exits. The bench uses
 * it where GNU /usr/bin/time is not available.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [out, script, ...rest] = process.argv.slice(2);
if (!out || !script) {
  process.stderr.write('usage: node rss-wrapper.js OUT SCRIPT [args…]\n');
  process.exit(2);
}
process.argv = [process.argv[0]!, resolve(script), ...rest];
process.on('exit', () => writeFileSync(out, `${process.resourceUsage().maxRSS}\n`));
await import(pathToFileURL(resolve(script)).href);

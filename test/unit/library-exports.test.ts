import { describe, expect, it } from 'vitest';
import * as autoseed from '../../src/index.js';

describe('autoseed as a library', () => {
  it('exports the documented entry points', () => {
    for (const name of ['introspect', 'seed', 'verifyIntegrity', 'defineOverrides', 'sql', 'connect', 'AutoseedError']) {
      expect(typeof (autoseed as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('defineOverrides is the identity and sql tags an expression', () => {
    const o = autoseed.defineOverrides({ seed: 1, tables: { 'public.users': { rows: 3 } } });
    expect(o.seed).toBe(1);
    expect(autoseed.sql`now()`).toMatchObject({ sql: 'now()' });
  });
});

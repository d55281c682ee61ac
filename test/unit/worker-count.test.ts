import { describe, expect, it } from 'vitest';
import { workerCount } from '../../src/writer/workers/row-workers.js';

describe('workerCount', () => {
  it('leaves a core to the server in a normal run, none with --fast, and one to the main thread', () => {
    expect(workerCount({}, false, 2)).toBe(0);
    expect(workerCount({}, true, 2)).toBe(1);
    expect(workerCount({}, false, 3)).toBe(1);
    expect(workerCount({}, true, 3)).toBe(2);
    expect(workerCount({}, false, 1)).toBe(0);
    expect(workerCount({}, true, 1)).toBe(0);
  });

  it('never starts more than 4 by itself', () => {
    expect(workerCount({}, false, 64)).toBe(4);
    expect(workerCount({}, true, 64)).toBe(4);
  });

  it('takes AUTOSEED_WORKERS as asked (at most 16), and ignores what is not a whole number >= 0', () => {
    expect(workerCount({ AUTOSEED_WORKERS: '0' }, true, 8)).toBe(0);
    expect(workerCount({ AUTOSEED_WORKERS: '3' }, false, 2)).toBe(3);
    expect(workerCount({ AUTOSEED_WORKERS: '99' }, false, 2)).toBe(16);
    expect(workerCount({ AUTOSEED_WORKERS: 'two' }, true, 2)).toBe(1);
    expect(workerCount({ AUTOSEED_WORKERS: '-1' }, false, 3)).toBe(1);
    expect(workerCount({ AUTOSEED_WORKERS: '' }, false, 3)).toBe(1);
  });
});

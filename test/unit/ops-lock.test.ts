import { describe, expect, it } from 'vitest';
import { LOCK_KEY, lockKeyParts } from '../../src/safety/lock.js';

describe('the advisory lock key', () => {
  it('is "autoseed" in ASCII, as one bigint', () => {
    expect(LOCK_KEY).toBe(Buffer.from('autoseed', 'ascii').readBigUInt64BE());
    expect(LOCK_KEY.toString()).toBe('7022647215980373348');
    // fits a signed bigint: PostgreSQL's pg_advisory_lock(bigint) takes it as is
    expect(LOCK_KEY < 2n ** 63n).toBe(true);
  });

  it('shows in pg_locks as classid "auto", objid "seed", objsubid 1', () => {
    const parts = lockKeyParts();
    expect(parts).toEqual({ classid: 0x6175746f, objid: 0x73656564, objsubid: 1 });
    expect(Buffer.from(parts.classid.toString(16), 'hex').toString('ascii')).toBe('auto');
    expect(Buffer.from(parts.objid.toString(16), 'hex').toString('ascii')).toBe('seed');
  });
});

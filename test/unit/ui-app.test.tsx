import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AutoseedError } from '../../src/errors.js';
import { Root } from '../../src/ui/app.js';
import type { UiBackend } from '../../src/ui/backend.js';
import { startController } from '../../src/ui/controller.js';
import { initialState, reduce } from '../../src/ui/state.js';
import { createStore } from '../../src/ui/store.js';
import { formatInt } from '../../src/ui/format.js';
import { connectedShop, fakeBackend, planFor, rowsIn, seededRows, shopModel } from './helpers/ui-fixtures.js';

afterEach(() => cleanup());

const KEY = { down: '\u001B[B', right: '\u001B[C', enter: '\r', space: ' ', ctrlC: '\u0003' };

/** The UI as runTui wires it, on ink-testing-library's fake terminal. */
function start(backend: UiBackend, verify = true) {
  const store = createStore(reduce, initialState({ target: 'me@localhost:5432/shop', verify, columns: 80, rows: 24, now: 0 }));
  let clock = 0;
  const exit = startController(store, backend, () => (clock += 100));
  const ui = render(<Root store={store} />);
  const shows = (text: string | RegExp) =>
    vi.waitFor(() => (typeof text === 'string' ? expect(ui.lastFrame()).toContain(text) : expect(ui.lastFrame()).toMatch(text)));
  const press = async (key: string) => {
    ui.stdin.write(key);
    // let Ink read the key and React render before the next one
    await new Promise((resolve) => setTimeout(resolve, 20));
  };
  return { store, exit, ui, shows, press };
}

describe('the seed UI, driven by keys', () => {
  it('pick → plan → seed → summary → q: keys change the selection and counts, exit 0', async () => {
    const fake = await fakeBackend();
    const model = await shopModel();
    const { plan } = connectedShop(model);
    const [users, orders] = [rowsIn(plan, 'users'), rowsIn(plan, 'orders')];
    const { exit, shows, press } = start(fake.backend);
    await shows(new RegExp(`› \\[x\\] users\\s+${users}\\b`));
    await press(KEY.space);
    await shows(new RegExp(`\\[ \\] users\\s+${users}\\s+required`));
    await press(KEY.down);
    await press(KEY.right);
    await shows(new RegExp(`› \\[x\\] orders\\s+${orders * 2}\\b`));
    await press(KEY.enter);
    await shows(new RegExp(`orders\\s+${orders * 2} rows`));
    await shows('enter seed');
    await press(KEY.enter);
    await shows(new RegExp(`users\\s+█+░+\\s+${Math.floor(users / 2)}/${users}`));
    fake.release();
    const seeded = planFor(model, fake.seeded[0]!);
    await shows(`✓ Seeded ${formatInt(seededRows(seeded))} rows in 4 tables`);
    await shows('✓ integrity');
    await press('q');
    await expect(exit).resolves.toBe(0);
    expect(fake.seeded).toEqual([{
      tables: ['public.orders', 'public.countries', 'public.events', 'public.customer_loyalty_programme_membership_history_entries'],
      rows: { 'public.orders': orders * 2 },
    }]);
  });

  it('a / filter narrows the list; several keys in one read act one by one', async () => {
    const fake = await fakeBackend();
    const { shows, press } = start(fake.backend);
    await shows('users');
    await press('/cou');
    await shows('/cou');
    await shows(/› \[x\] countries/);
  });

  it('q on the picker quits with 0 and writes nothing', async () => {
    const fake = await fakeBackend();
    const { exit, shows, press } = start(fake.backend);
    await shows('users');
    await press('q');
    await expect(exit).resolves.toBe(0);
    expect(fake.seeded).toEqual([]);
  });

  it('ctrl-c while seeding exits 130', async () => {
    const fake = await fakeBackend();
    const { exit, shows, press } = start(fake.backend);
    await shows('users');
    await press(KEY.enter);
    await shows('enter seed');
    await press(KEY.enter);
    await shows('Overall');
    await press(KEY.ctrlC);
    await expect(exit).resolves.toBe(130);
  });

  it('a connection error is one panel; q exits with its code', async () => {
    const fake = await fakeBackend();
    const backend: UiBackend = {
      ...fake.backend,
      connect: async () => {
        throw new AutoseedError('CONNECTION_REFUSED', { host: 'localhost', port: 5432 });
      },
    };
    const { exit, shows, press } = start(backend);
    await shows('Connection refused by localhost:5432');
    await shows('autoseed stopped');
    await press('q');
    await expect(exit).resolves.toBe(1);
  });
});

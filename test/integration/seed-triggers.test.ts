import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

// a BEFORE INSERT trigger that rewrites keys, and one that rejects every other row
const SQL = `
CREATE TABLE tickets (id bigint PRIMARY KEY, title text NOT NULL);
CREATE SEQUENCE ticket_ids START 5000;
CREATE FUNCTION assign_ticket_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.id := nextval('ticket_ids'); RETURN NEW; END $$;
CREATE TRIGGER assign_id BEFORE INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION assign_ticket_id();
CREATE TABLE comments (id serial PRIMARY KEY, ticket_id bigint NOT NULL REFERENCES tickets (id), body text NOT NULL);
CREATE TABLE picky (id serial PRIMARY KEY, n integer NOT NULL);
CREATE FUNCTION reject_odd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN IF NEW.n % 2 = 1 THEN RAISE EXCEPTION 'odd numbers are not welcome'; END IF; RETURN NEW; END $$;
CREATE TRIGGER only_even BEFORE INSERT ON picky FOR EACH ROW EXECUTE FUNCTION reject_odd();
-- a whitelist: an item takes only the tags its kind allows (kind_tags, which nothing references)
CREATE TABLE kinds (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE tags (id serial PRIMARY KEY, label text NOT NULL);
CREATE TABLE items (id serial PRIMARY KEY, kind_id integer NOT NULL REFERENCES kinds (id));
CREATE TABLE item_tags (item_id integer NOT NULL REFERENCES items (id), tag_id integer NOT NULL REFERENCES tags (id), PRIMARY KEY (item_id, tag_id));
CREATE TABLE kind_tags (kind_id integer NOT NULL REFERENCES kinds (id), tag_id integer NOT NULL REFERENCES tags (id), PRIMARY KEY (kind_id, tag_id));
CREATE FUNCTION allowed_tag() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- the kind of the item must list the tag
  IF NOT EXISTS (SELECT 1 FROM items i JOIN kind_tags kt ON kt.kind_id = i.kind_id WHERE i.id = NEW.item_id AND kt.tag_id = NEW.tag_id) THEN
    RAISE EXCEPTION 'tag % is not allowed for item %', NEW.tag_id, NEW.item_id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER only_allowed BEFORE INSERT ON item_tags FOR EACH ROW EXECUTE FUNCTION allowed_tag();
-- a whitelist keyed by a category's root (musicbrainz' link_type_attribute_type): a product takes
-- a category only when its type lists the category's root
CREATE TABLE categories (id serial PRIMARY KEY, parent integer REFERENCES categories (id), root integer NOT NULL REFERENCES categories (id), name text NOT NULL);
CREATE TABLE product_types (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE products (id serial PRIMARY KEY, type_id integer NOT NULL REFERENCES product_types (id));
CREATE TABLE type_categories (type_id integer NOT NULL REFERENCES product_types (id), category_id integer NOT NULL REFERENCES categories (id), PRIMARY KEY (type_id, category_id));
CREATE TABLE product_categories (product_id integer NOT NULL REFERENCES products (id), category_id integer NOT NULL REFERENCES categories (id), PRIMARY KEY (product_id, category_id));
CREATE FUNCTION category_allowed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT TRUE FROM (VALUES (NEW.product_id, NEW.category_id)) pc (product_id, category_id)
    JOIN products p ON p.id = pc.product_id
    JOIN categories c ON c.id = pc.category_id
    JOIN type_categories tc ON tc.category_id = c.root AND tc.type_id = p.type_id
  ) THEN
    RAISE EXCEPTION 'category % is not allowed for product %', NEW.category_id, NEW.product_id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER category_allowed BEFORE INSERT ON product_categories FOR EACH ROW EXECUTE FUNCTION category_allowed();
-- a whitelist nothing generated meets: every kind/tag pair is refused
CREATE TABLE kind_bans (kind_id integer NOT NULL REFERENCES kinds (id), tag_id integer NOT NULL REFERENCES tags (id), PRIMARY KEY (kind_id, tag_id));
CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'kind % may not ban tag %', NEW.kind_id, NEW.tag_id; END $$;
CREATE TRIGGER refuse BEFORE INSERT ON kind_bans FOR EACH ROW EXECUTE FUNCTION refuse();
-- partitioning migrations: each new row is copied into a partitioned twin
CREATE TABLE docs (id bigserial PRIMARY KEY, model_type varchar NOT NULL, title text);
CREATE TABLE docs_twin (id bigint NOT NULL, model_type text NOT NULL, title text) PARTITION BY LIST (model_type);
CREATE TABLE docs_twin_project PARTITION OF docs_twin FOR VALUES IN ('Project');
CREATE TABLE docs_twin_user PARTITION OF docs_twin FOR VALUES IN ('User', 'Group');
CREATE FUNCTION sync_docs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO docs_twin (id, model_type, title) VALUES (NEW.id, NEW.model_type, NEW.title); RETURN NULL; END $$;
CREATE TRIGGER sync AFTER INSERT ON docs FOR EACH ROW EXECUTE FUNCTION sync_docs();
CREATE TABLE files (id bigserial PRIMARY KEY, path text NOT NULL);
CREATE TABLE files_twin (id bigint NOT NULL, path text NOT NULL) PARTITION BY RANGE (id);
CREATE FUNCTION sync_files() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO files_twin (id, path) VALUES (NEW.id, NEW.path); RETURN NULL; END $$;
CREATE TRIGGER sync AFTER INSERT ON files FOR EACH ROW EXECUTE FUNCTION sync_files();`;

describe('tables with triggers', () => {
  let db: TestDatabase;
  let events: { type: string; table?: string; message?: string }[];
  beforeAll(async () => {
    db = await createTestDatabase(SQL);
    const seed = await runCli(['seed', '--rows', '40', '--json', '--url', db.url]);
    expect(seed.code, seed.stderr).toBe(0);
    events = seed.stdout.trim().split('\n').map((l) => JSON.parse(l));
  });
  afterAll(() => db?.drop());

  it('reads back keys a trigger rewrote, so children point at the real rows', async () => {
    const { rows } = await db.client.query<{ min: string; orphans: string; n: string }>(`
      SELECT min(t.id) AS min, count(*) AS n,
             (SELECT count(*) FROM comments c WHERE NOT EXISTS (SELECT 1 FROM tickets x WHERE x.id = c.ticket_id)) AS orphans
      FROM tickets t`);
    expect(Number(rows[0]!.min)).toBeGreaterThanOrEqual(5000);
    expect(Number(rows[0]!.orphans)).toBe(0);
    const { rows: c } = await db.client.query<{ n: string }>('SELECT count(*) AS n FROM comments');
    expect(Number(c[0]!.n)).toBeGreaterThan(0);
  });

  it('isolates and replaces rows a trigger rejects, and says so', async () => {
    const { rows } = await db.client.query<{ n: string; odd: string }>('SELECT count(*) AS n, count(*) FILTER (WHERE n % 2 = 1) AS odd FROM picky');
    expect(Number(rows[0]!.n)).toBe(40);
    expect(Number(rows[0]!.odd)).toBe(0);
    expect(events.some((e) => e.type === 'warning' && e.table === 'public.picky' && /rejected/.test(e.message ?? ''))).toBe(true);
  });

  it('seeds the tables a trigger reads first, and searches the key space for the rows it accepts', async () => {
    const done = events.find((e) => e.type === 'run-done') as unknown as { tables: Record<string, number>; short: Record<string, unknown> };
    expect(done.short['public.item_tags']).toBeUndefined();
    const { rows } = await db.client.query<{ n: string; allowed: string }>(`
      SELECT count(*) AS n, count(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM items i JOIN kind_tags kt ON kt.kind_id = i.kind_id WHERE i.id = it.item_id AND kt.tag_id = it.tag_id)) AS allowed
      FROM item_tags it`);
    expect(Number(rows[0]!.n)).toBe(done.tables['public.item_tags']);
    expect(Number(rows[0]!.n)).toBeGreaterThanOrEqual(40);
    expect(rows[0]!.allowed).toBe(rows[0]!.n);
  });

  it("a whitelist the trigger reads through another column of the parent names rows that are that column's values", async () => {
    const done = events.find((e) => e.type === 'run-done') as unknown as { short: Record<string, unknown> };
    expect(done.short['public.product_categories']).toBeUndefined();
    const { rows } = await db.client.query<{ whitelist: string; astray: string; n: string; allowed: string }>(`
      SELECT (SELECT count(*) FROM type_categories) AS whitelist,
             (SELECT count(*) FROM type_categories WHERE category_id NOT IN (SELECT root FROM categories)) AS astray,
             (SELECT count(*) FROM product_categories) AS n,
             (SELECT count(*) FROM product_categories pc JOIN products p ON p.id = pc.product_id JOIN categories c ON c.id = pc.category_id
               WHERE EXISTS (SELECT 1 FROM type_categories tc WHERE tc.category_id = c.root AND tc.type_id = p.type_id)) AS allowed`);
    expect(Number(rows[0]!.whitelist)).toBeGreaterThan(0);
    expect(rows[0]!.astray).toBe('0');
    expect(Number(rows[0]!.n)).toBeGreaterThanOrEqual(40);
    expect(rows[0]!.allowed).toBe(rows[0]!.n);
  });

  it('a junction table whose trigger refuses every parent pair is reported short once all pairs were tried', () => {
    const done = events.find((e) => e.type === 'run-done') as unknown as { short: Record<string, { rows: number; reason: string }> };
    expect(done.short['public.kind_bans']).toMatchObject({ rows: 0 });
    expect(done.short['public.kind_bans']!.reason).toMatch(/^all \d+ combinations of its key's parents were tried; .*kind \d+ may not ban tag \d+/);
  });

  it('a column a trigger copies into a partitioned twin lands in its partitions', async () => {
    const { rows } = await db.client.query<{ n: string; twin: string; odd: string }>(`
      SELECT (SELECT count(*) FROM docs) AS n, (SELECT count(*) FROM docs_twin) AS twin,
             (SELECT count(*) FROM docs WHERE model_type NOT IN ('Project', 'User', 'Group')) AS odd`);
    expect(Number(rows[0]!.n)).toBe(40);
    expect(rows[0]!.twin).toBe(rows[0]!.n);
    expect(rows[0]!.odd).toBe('0');
  });

  it('a table whose trigger copies rows into a partitioned table with no partition is reported as unable to hold rows', () => {
    const done = events.find((e) => e.type === 'run-done') as unknown as { short: Record<string, { rows: number; reason: string }> };
    expect(done.short['public.files']).toMatchObject({ rows: 0 });
    expect(done.short['public.files']!.reason).toMatch(/cannot hold rows: a trigger writes each row into public.files_twin, a partitioned table with no partition\. Fix: .*--disable-triggers/);
  });

  it('--disable-triggers switches them off for the run and back on after', async () => {
    const other = await createTestDatabase(SQL);
    try {
      const seed = await runCli(['seed', '--rows', '40', '--json', '--disable-triggers', '--url', other.url]);
      expect(seed.code, seed.stderr).toBe(0);
      const { rows } = await other.client.query<{ odd: string; low: string }>(
        'SELECT (SELECT count(*) FROM picky WHERE n % 2 = 1) AS odd, (SELECT count(*) FROM tickets WHERE id < 5000) AS low');
      expect(Number(rows[0]!.odd)).toBeGreaterThan(0);
      expect(Number(rows[0]!.low)).toBeGreaterThan(0);
      const { rows: state } = await other.client.query<{ tgenabled: string }>(
        "SELECT tgenabled FROM pg_trigger WHERE tgname IN ('assign_id', 'only_even')");
      expect(state.map((s) => s.tgenabled)).toEqual(['O', 'O']);
      // with triggers off, the table whose trigger had nowhere to write fills
      const { rows: files } = await other.client.query<{ n: string }>('SELECT count(*) AS n FROM files');
      expect(Number(files[0]!.n)).toBe(40);
    } finally {
      await other.drop();
    }
  });
});

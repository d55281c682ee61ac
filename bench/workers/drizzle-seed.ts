/**
 * `node drizzle-seed.js URL SCALE`: drizzle-seed fills the blog schema at the bench's counts,
 * through the drizzle mirror of blog.sql. Its generators are chosen for realism comparable to
 * autoseed's (names, emails, sentences, timestamps); the CHECK on posts.status is something
 * drizzle-seed cannot read, so it is given the allowed values, as a drizzle user would.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import { seed } from 'drizzle-seed';
import pg from 'pg';
import { blogCounts } from '../schemas/blog-counts.js';
import * as schema from '../schemas/blog-drizzle.js';

const [url, scaleArg] = process.argv.slice(2);
if (!url) {
  process.stderr.write('usage: node drizzle-seed.js URL [SCALE]\n');
  process.exit(2);
}
const counts = blogCounts(Number(scaleArg ?? '1'));
const pool = new pg.Pool({ connectionString: url, max: 1 });
try {
  const db = drizzle({ client: pool });
  await seed(db, schema, { seed: 1 }).refine((f) => ({
    users: {
      count: counts.users,
      columns: {
        email: f.email(),
        firstName: f.firstName(),
        lastName: f.lastName(),
        bio: f.loremIpsum({ sentencesCount: 2 }),
        createdAt: f.timestamp(),
      },
    },
    posts: {
      count: counts.posts,
      columns: {
        title: f.loremIpsum({ sentencesCount: 1 }),
        body: f.loremIpsum({ sentencesCount: 5 }),
        status: f.valuesFromArray({ values: ['draft', 'published', 'archived'] }),
        publishedAt: f.timestamp(),
        createdAt: f.timestamp(),
      },
    },
    comments: {
      count: counts.comments,
      columns: {
        body: f.loremIpsum({ sentencesCount: 2 }),
        createdAt: f.timestamp(),
      },
    },
  }));
} finally {
  await pool.end();
}

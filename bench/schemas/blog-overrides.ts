// The overrides file the bench passes to `autoseed seed --config` for blog.sql: exactly the
// issue's counts (users 10k → posts 100k → comments 300k); everything else is what autoseed infers.
// `npm run bench -- --quick` sets AUTOSEED_BENCH_SCALE=0.1 in the seed's environment.
import { defineOverrides } from 'autoseed';
import { blogCounts, scaleFromEnvironment } from './blog-counts.js';

const counts = blogCounts(scaleFromEnvironment(process.env.AUTOSEED_BENCH_SCALE));

export default defineOverrides({
  tables: {
    'public.users': { rows: counts.users },
    'public.posts': { rows: counts.posts },
    'public.comments': { rows: counts.comments },
  },
});

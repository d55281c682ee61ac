import { describe, expect, it } from 'vitest';
import { readyToRestore, type Removed } from '../../src/writer/index-rebuild.js';

/** What `--fast` dropped on users → posts → comments (comments.post_id, posts.author_id), in restore order. */
function removed(): Removed[] {
  const item = (table: string, name: string, kind: Removed['kind'], references?: string): Removed => ({
    table, name, kind, drop: `drop ${name}`, create: `create ${name}`, ...(references ? { references } : {}),
  });
  return [
    item('public.users', 'users_pkey', 'key'),
    item('public.posts', 'posts_pkey', 'key'),
    item('public.comments', 'comments_pkey', 'key'),
    item('public.users', 'users_email_idx', 'index'),
    item('public.posts', 'posts_author_id_fkey', 'foreign key', 'public.users'),
    item('public.comments', 'comments_post_id_fkey', 'foreign key', 'public.posts'),
    // a cycle broken by NULLs: users.pinned_comment points at a table loaded after it
    item('public.users', 'users_pinned_fkey', 'foreign key', 'public.comments'),
  ];
}

const names = (items: readonly Removed[]) => items.map((r) => r.name);

describe('--fast rebuilds as the run goes (readyToRestore)', () => {
  it('after the first table: its key and index, not a foreign key to a table still to come', () => {
    const ready = readyToRestore(removed(), new Set(['public.posts', 'public.comments']));
    expect(names(ready)).toEqual(['users_pkey', 'users_email_idx']);
  });

  it('a foreign key waits for both of its tables, and comes after the keys it needs', () => {
    const ready = readyToRestore(removed(), new Set(['public.comments']));
    expect(names(ready)).toEqual(['users_pkey', 'posts_pkey', 'users_email_idx', 'posts_author_id_fkey']);
  });

  it('once nothing is pending, everything, in restore order', () => {
    expect(names(readyToRestore(removed(), new Set()))).toEqual(names(removed()));
  });

  it('nothing of a table a later step still writes (a cycle UPDATE)', () => {
    const ready = readyToRestore(removed(), new Set(['public.users']));
    expect(names(ready)).toEqual(['posts_pkey', 'comments_pkey', 'comments_post_id_fkey']);
  });
});

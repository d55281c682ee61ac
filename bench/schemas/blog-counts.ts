/** Rows per table of the bench's blog schema (blog.sql); `scale` 0.1 is `--quick`. */
export interface BlogCounts {
  readonly users: number;
  readonly posts: number;
  readonly comments: number;
}

export const BLOG_TABLES = ['users', 'posts', 'comments'] as const;

export function blogCounts(scale = 1): BlogCounts {
  return {
    users: Math.round(10_000 * scale),
    posts: Math.round(100_000 * scale),
    comments: Math.round(300_000 * scale),
  };
}

export function totalRows(counts: BlogCounts): number {
  return counts.users + counts.posts + counts.comments;
}

/** The scale the bench asks for through the environment of the process it starts (default 1). */
export function scaleFromEnvironment(value: string | undefined): number {
  const scale = Number(value ?? '1');
  return Number.isFinite(scale) && scale > 0 ? scale : 1;
}

-- The bench's 3-level schema (issue 9): users 10k → posts 100k → comments 300k.
-- Constraints are in place while rows are loaded, as in a real application database: primary keys,
-- a unique (users.email), foreign keys, NOT NULLs and a CHECK (posts.status). No secondary indexes,
-- so every tool pays for the same index upkeep. bench/schemas/blog-drizzle.ts mirrors it for drizzle-seed.

CREATE TABLE users (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email       varchar(255) NOT NULL UNIQUE,
  first_name  varchar(100) NOT NULL,
  last_name   varchar(100) NOT NULL,
  bio         text,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE posts (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  author_id     integer NOT NULL REFERENCES users (id),
  title         varchar(200) NOT NULL,
  body          text NOT NULL,
  status        varchar(16) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
  published_at  timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE comments (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  post_id     bigint NOT NULL REFERENCES posts (id),
  author_id   integer NOT NULL REFERENCES users (id),
  body        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE events (id bigint PRIMARY KEY, user_id int NOT NULL, occurred_at timestamptz NOT NULL, kind text NOT NULL);
-- 150 users, 45,000 events with gaps from 1 to 36 minutes (a deterministic pseudo-random walk).
INSERT INTO events
SELECT row_number() OVER (), user_id,
       timestamptz '2024-01-01 00:00Z' + sum(gap) OVER (PARTITION BY user_id ORDER BY n) * interval '1 minute',
       (ARRAY['page_view', 'click', 'purchase'])[1 + n % 3]
  FROM (SELECT u AS user_id, n, 1 + (u * 7919 + n * 104729) % 36 AS gap
          FROM generate_series(1, 150) u, generate_series(1, 300) n) steps;
CREATE INDEX events_user_time_idx ON events (user_id, occurred_at);

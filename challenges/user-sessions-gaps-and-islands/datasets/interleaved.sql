CREATE TABLE events (id bigint PRIMARY KEY, user_id int NOT NULL, occurred_at timestamptz NOT NULL, kind text NOT NULL);
-- Two users whose events interleave: a query that ignores the user sees one long session.
INSERT INTO events
SELECT g, 1 + g % 2, timestamptz '2024-06-01 00:00Z' + g * interval '20 minutes', 'page_view'
  FROM generate_series(1, 40) g;
-- A third user who comes back every 45 minutes: every event is its own session.
INSERT INTO events
SELECT 100 + g, 3, timestamptz '2024-06-01 00:00Z' + g * interval '45 minutes', 'click'
  FROM generate_series(1, 12) g;

CREATE TABLE events (id bigint PRIMARY KEY, user_id int NOT NULL, occurred_at timestamptz NOT NULL, kind text NOT NULL);
INSERT INTO events VALUES
  (1, 1, '2024-03-01 09:00Z', 'page_view'),
  (2, 1, '2024-03-01 09:20Z', 'click'),
  (3, 1, '2024-03-01 10:30Z', 'page_view'),
  (4, 2, '2024-03-01 09:05Z', 'page_view');

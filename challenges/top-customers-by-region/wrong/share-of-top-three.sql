-- Filters to the top three before computing the share, so shares are of the top three's revenue, not the region's.
WITH revenue AS (
  SELECT c.region, c.name AS customer, sum(o.amount_cents) AS revenue_cents
  FROM orders o
  JOIN customers c ON c.id = o.customer_id
  WHERE o.status = 'paid' AND o.paid_at >= '2024-01-01 00:00Z' AND o.paid_at < '2025-01-01 00:00Z'
  GROUP BY c.region, c.id, c.name
),
top AS (
  SELECT * FROM (
    SELECT region, customer, revenue_cents, rank() OVER (PARTITION BY region ORDER BY revenue_cents DESC) AS rank
    FROM revenue
  ) ranked
  WHERE rank <= 3
)
SELECT region, customer, revenue_cents, rank,
       round(100.0 * revenue_cents / sum(revenue_cents) OVER (PARTITION BY region), 1) AS share_pct
FROM top
ORDER BY region, rank, customer;

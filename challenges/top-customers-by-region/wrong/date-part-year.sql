-- Counts refunded orders as revenue (status <> 'cancelled'), and takes the year with date_part, which follows the session time zone, not UTC.
WITH revenue AS (
  SELECT c.region, c.name AS customer, sum(o.amount_cents) AS revenue_cents
  FROM orders o
  JOIN customers c ON c.id = o.customer_id
  WHERE o.status <> 'cancelled' AND date_part('year', o.paid_at) = 2024
  GROUP BY c.region, c.id, c.name
),
ranked AS (
  SELECT region, customer, revenue_cents,
         rank() OVER (PARTITION BY region ORDER BY revenue_cents DESC) AS rank,
         round(100.0 * revenue_cents / sum(revenue_cents) OVER (PARTITION BY region), 1) AS share_pct
  FROM revenue
)
SELECT region, customer, revenue_cents, rank, share_pct FROM ranked WHERE rank <= 3
ORDER BY region, rank, customer;

WITH revenue AS (
  SELECT c.region, c.name AS customer, sum(o.amount_cents) AS revenue_cents
  FROM orders o
  JOIN customers c ON c.id = o.customer_id
  WHERE o.status = 'paid'
    AND o.paid_at >= timestamptz '2024-01-01 00:00:00+00'
    AND o.paid_at <  timestamptz '2025-01-01 00:00:00+00'
  GROUP BY c.region, c.id, c.name
),
ranked AS (
  SELECT region, customer, revenue_cents,
         rank() OVER (PARTITION BY region ORDER BY revenue_cents DESC) AS rank,
         round(100.0 * revenue_cents / sum(revenue_cents) OVER (PARTITION BY region), 1) AS share_pct
  FROM revenue
)
SELECT region, customer, revenue_cents, rank, share_pct
FROM ranked
WHERE rank <= 3
ORDER BY region, rank, customer;

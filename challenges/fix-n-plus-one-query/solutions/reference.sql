-- Aggregate each child table on its own before joining, so items and shipments do not multiply each other.
WITH page AS (
  SELECT id, placed_at
  FROM orders
  WHERE customer_id = 42
  ORDER BY placed_at DESC, id DESC
  LIMIT 20
),
items AS (
  SELECT order_id, sum(quantity) AS item_count, sum(quantity * unit_price_cents) AS total_cents
  FROM order_items
  WHERE order_id IN (SELECT id FROM page)
  GROUP BY order_id
),
shipped AS (
  SELECT order_id, count(*) AS shipment_count
  FROM shipments
  WHERE order_id IN (SELECT id FROM page)
  GROUP BY order_id
)
SELECT page.id AS order_id,
       page.placed_at,
       coalesce(items.item_count, 0) AS item_count,
       coalesce(items.total_cents, 0) AS total_cents,
       coalesce(shipped.shipment_count, 0) AS shipment_count
FROM page
LEFT JOIN items ON items.order_id = page.id
LEFT JOIN shipped ON shipped.order_id = page.id
ORDER BY page.placed_at DESC, page.id DESC;

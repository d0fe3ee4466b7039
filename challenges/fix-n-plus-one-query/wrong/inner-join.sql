-- Uses inner joins, so orders without items or without shipments drop out of the page.
WITH page AS (
  SELECT id, placed_at FROM orders WHERE customer_id = 42 ORDER BY placed_at DESC, id DESC LIMIT 20
)
SELECT page.id AS order_id, page.placed_at, items.item_count, items.total_cents, shipped.shipment_count
FROM page
JOIN (SELECT order_id, sum(quantity) AS item_count, sum(quantity * unit_price_cents) AS total_cents
      FROM order_items GROUP BY order_id) items ON items.order_id = page.id
JOIN (SELECT order_id, count(*) AS shipment_count FROM shipments GROUP BY order_id) shipped ON shipped.order_id = page.id
ORDER BY page.placed_at DESC, page.id DESC;

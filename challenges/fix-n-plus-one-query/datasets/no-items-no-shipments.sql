CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL, placed_at timestamptz NOT NULL);
CREATE TABLE order_items (
  id int PRIMARY KEY,
  order_id int NOT NULL REFERENCES orders,
  quantity int NOT NULL,
  unit_price_cents int NOT NULL
);
CREATE TABLE shipments (id int PRIMARY KEY, order_id int NOT NULL REFERENCES orders);
INSERT INTO orders VALUES
  (102, 42, '2024-06-09 17:00Z'),
  (104, 42, '2024-06-25 18:00Z'),
  (109, 43, '2024-06-22 22:00Z'),
  (108, 41, '2024-06-14 16:00Z'),
  (103, 42, '2024-06-16 17:00Z'),
  (100, 42, '2024-06-08 18:00Z'),
  (106, 42, '2024-06-13 22:00Z'),
  (105, 42, '2024-06-27 08:00Z'),
  (111, 7, '2024-06-21 18:00Z'),
  (110, 43, '2024-06-19 18:00Z'),
  (107, 42, '2024-06-09 21:00Z'),
  (101, 42, '2024-06-20 15:00Z');
INSERT INTO order_items VALUES
  (1, 101, 5, 199),
  (2, 103, 4, 500),
  (3, 103, 2, 500),
  (4, 103, 5, 4999),
  (5, 103, 1, 199),
  (6, 106, 4, 4999),
  (7, 106, 2, 1250),
  (8, 106, 1, 199),
  (9, 106, 2, 4999),
  (10, 108, 5, 4999),
  (11, 108, 5, 500),
  (12, 108, 3, 199);
INSERT INTO shipments VALUES
  (1, 100),
  (2, 101),
  (3, 102),
  (4, 102),
  (5, 102),
  (6, 105),
  (7, 105),
  (8, 105),
  (9, 107),
  (10, 107),
  (11, 107),
  (12, 108),
  (13, 109),
  (14, 110),
  (15, 110),
  (16, 110);

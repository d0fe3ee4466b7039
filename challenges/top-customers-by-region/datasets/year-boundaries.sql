CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, region text NOT NULL);
CREATE TABLE orders (
  id int PRIMARY KEY,
  customer_id int NOT NULL REFERENCES customers,
  status text NOT NULL,
  amount_cents bigint NOT NULL,
  paid_at timestamptz
);
INSERT INTO customers VALUES
  (1, 'Early', 'amer'), (2, 'Late', 'amer'), (3, 'Steady', 'amer'), (4, 'Refunder', 'amer'),
  (5, 'Quiet', 'amer'), (6, 'Solo', 'latam');
INSERT INTO orders VALUES
  (1, 1, 'paid', 90000, '2023-12-31 23:59:59Z'),
  (2, 1, 'paid', 1000, '2024-01-01 00:00:00Z'),
  (3, 2, 'paid', 80000, '2025-01-01 00:00:00Z'),
  (4, 2, 'paid', 3000, '2024-12-31 23:59:59.999Z'),
  (5, 3, 'paid', 2000, '2024-03-03 03:00Z'),
  (6, 3, 'paid', 2000, '2024-09-09 09:00Z'),
  (7, 4, 'refunded', 99000, '2024-06-06 06:00Z'),
  (8, 4, 'paid', 500, '2024-06-07 06:00Z'),
  (9, 6, 'paid', 12345, '2024-10-10 10:00Z');

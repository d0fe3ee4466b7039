CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, region text NOT NULL);
CREATE TABLE orders (
  id int PRIMARY KEY,
  customer_id int NOT NULL REFERENCES customers,
  status text NOT NULL,
  amount_cents bigint NOT NULL,
  paid_at timestamptz
);
INSERT INTO customers VALUES
  (1, 'Nadir', 'apac'), (2, 'Bolt', 'apac'), (3, 'Cobalt', 'apac'), (4, 'Delta', 'apac'), (5, 'Echo', 'apac'),
  (6, 'Fjord', 'emea'), (7, 'Gale', 'emea'), (8, 'Harbor', 'emea'), (9, 'Iris', 'emea');
INSERT INTO orders VALUES
  (1, 1, 'paid', 70000, '2024-01-10 00:00Z'),
  (2, 2, 'paid', 30000, '2024-02-10 00:00Z'),
  (3, 3, 'paid', 30000, '2024-03-10 00:00Z'),
  (4, 4, 'paid', 20000, '2024-04-10 00:00Z'),
  (5, 5, 'paid', 10000, '2024-05-10 00:00Z'),
  (6, 6, 'paid', 50000, '2024-06-10 00:00Z'),
  (7, 7, 'paid', 20000, '2024-07-10 00:00Z'),
  (8, 8, 'paid', 20000, '2024-08-10 00:00Z'),
  (9, 9, 'paid', 20000, '2024-09-10 00:00Z'),
  (10, 9, 'refunded', 20000, '2024-09-11 00:00Z');

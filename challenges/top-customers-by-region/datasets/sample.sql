CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, region text NOT NULL);
CREATE TABLE orders (
  id int PRIMARY KEY,
  customer_id int NOT NULL REFERENCES customers,
  status text NOT NULL,
  amount_cents bigint NOT NULL,
  paid_at timestamptz
);
INSERT INTO customers VALUES
  (1, 'Acme', 'emea'), (2, 'Globex', 'emea'), (3, 'Initech', 'emea'), (4, 'Umbrella', 'emea'),
  (5, 'Hooli', 'amer'), (6, 'Stark', 'amer');
INSERT INTO orders VALUES
  (1, 1, 'paid', 50000, '2024-02-01 10:00Z'),
  (2, 1, 'paid', 25000, '2024-06-01 10:00Z'),
  (3, 2, 'paid', 40000, '2024-03-15 09:00Z'),
  (4, 3, 'paid', 20000, '2024-04-01 12:00Z'),
  (5, 4, 'paid', 10000, '2024-05-05 08:00Z'),
  (6, 4, 'cancelled', 90000, NULL),
  (7, 5, 'paid', 30000, '2024-07-07 07:00Z'),
  (8, 6, 'paid', 10000, '2024-08-08 08:00Z');

CREATE TABLE tickets (
  id bigint PRIMARY KEY,
  tenant_id int NOT NULL,
  status text NOT NULL,
  priority text NOT NULL,
  subject text NOT NULL,
  created_at timestamptz NOT NULL
);
INSERT INTO tickets VALUES
  (1, 17, 'open', 'urgent', 'Checkout down', '2024-03-01 10:00Z'),
  (2, 17, 'open', 'low', 'Typo on invoice', '2024-03-01 11:00Z'),
  (3, 17, 'closed', 'high', 'Refund stuck', '2024-03-01 12:00Z'),
  (4, 17, 'open', 'high', 'Slow search', '2024-03-02 09:00Z'),
  (5, 18, 'open', 'urgent', 'Other tenant', '2024-03-02 10:00Z'),
  (6, 17, 'open', 'urgent', 'Login loop', '2024-03-02 09:00Z');

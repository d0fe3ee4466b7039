CREATE TABLE tickets (
  id bigint PRIMARY KEY,
  tenant_id int NOT NULL,
  status text NOT NULL,
  priority text NOT NULL,
  subject text NOT NULL,
  created_at timestamptz NOT NULL
);
-- 200,000 tickets over 97 tenants; a tenant's tickets arrive in bursts of 100 per hour, so many share a timestamp.
INSERT INTO tickets
SELECT g,
       g % 97 + 1,
       (ARRAY['open', 'pending', 'closed', 'closed', 'closed', 'closed'])[g % 6 + 1],
       (ARRAY['low', 'normal', 'normal', 'high', 'urgent'])[g % 5 + 1],
       'Ticket ' || g,
       timestamptz '2023-01-01 00:00Z' + (g / 9700) * interval '1 hour'
FROM generate_series(1, 200000) g;
ANALYZE tickets;

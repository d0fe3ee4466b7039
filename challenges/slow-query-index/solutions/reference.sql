-- Equality columns first, then the sort column: the index finds the tenant's open tickets already in order.
CREATE INDEX tickets_tenant_open_idx ON tickets (tenant_id, status, created_at DESC, id DESC);

SELECT id, priority, subject, created_at
FROM tickets
WHERE tenant_id = 17
  AND status = 'open'
  AND priority IN ('high', 'urgent')
ORDER BY created_at DESC, id DESC
LIMIT 50;

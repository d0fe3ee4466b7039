-- Sorts by created_at alone; tickets created in the same minute come back in any order and the 50th row changes.
CREATE INDEX tickets_tenant_created_idx ON tickets (tenant_id, created_at DESC);

SELECT id, priority, subject, created_at
FROM tickets
WHERE tenant_id = 17 AND status = 'open' AND priority IN ('high', 'urgent')
ORDER BY created_at DESC
LIMIT 50;

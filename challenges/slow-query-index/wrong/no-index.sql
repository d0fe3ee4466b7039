-- Writes the right query but adds no index, so PostgreSQL reads the whole table.
SELECT id, priority, subject, created_at
FROM tickets
WHERE tenant_id = 17 AND status = 'open' AND priority IN ('high', 'urgent')
ORDER BY created_at DESC, id DESC
LIMIT 50;

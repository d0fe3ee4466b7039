-- Optional: CREATE INDEX ... ;
SELECT id, priority, subject, created_at
FROM tickets
WHERE tenant_id = 17
ORDER BY created_at DESC
LIMIT 50;

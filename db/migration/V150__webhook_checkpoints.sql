-- A global webhook may also receive the audit trail's signed checkpoints (kind audit.checkpoint), so a copy of the
-- chain's head lives outside the portal's machines too (docs/audit-integrity.md). Off for existing webhooks.
ALTER TABLE notification_webhook ADD COLUMN receives_checkpoints BOOLEAN NOT NULL DEFAULT FALSE;

-- 0024 undone: the action receipts and their two functions.
DROP FUNCTION IF EXISTS qlue_action_committed(uuid);
DROP FUNCTION IF EXISTS qlue_action_receipt(uuid);
DROP TABLE IF EXISTS action_receipts;

-- Load balancers that end on time: the end date a request asks for, carried into the inventory, and the moments the
-- portal reminded the team (7 days and 1 day before) and filed the decommission at the end. Each moment is set once,
-- by a conditional update, so several instances and restarts send each reminder and file each decommission once.
ALTER TABLE lb_request ADD COLUMN ends_on DATE;

ALTER TABLE internal_load_balancer ADD COLUMN ends_on DATE;
ALTER TABLE internal_load_balancer ADD COLUMN reminded_week_before_at TIMESTAMPTZ;
ALTER TABLE internal_load_balancer ADD COLUMN reminded_day_before_at TIMESTAMPTZ;
ALTER TABLE internal_load_balancer ADD COLUMN end_decommission_filed_at TIMESTAMPTZ;
CREATE INDEX internal_load_balancer_ends_on_ix ON internal_load_balancer (ends_on)
    WHERE status = 'ACTIVE' AND ends_on IS NOT NULL;

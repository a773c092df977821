-- Proof status: what verification has proven about each internal load balancer, apart from its life-cycle.
-- PROVEN (the last run passed, within the interval), EXPOSED (the last run found it open), UNPROVEN (never passed or
-- the last run was inconclusive), STALE (no passing run within twice the interval).
ALTER TABLE internal_load_balancer ADD COLUMN proof_status VARCHAR(20) NOT NULL DEFAULT 'UNPROVEN';
ALTER TABLE internal_load_balancer ADD COLUMN proof_status_since TIMESTAMPTZ NOT NULL DEFAULT now();
ALTER TABLE internal_load_balancer ADD COLUMN last_passed_at TIMESTAMPTZ;

-- Drift was a life-cycle status before; it is a proof status now.
UPDATE internal_load_balancer SET proof_status = 'EXPOSED', status = 'ACTIVE' WHERE status = 'DRIFTED';
UPDATE internal_load_balancer SET proof_status = 'EXPOSED' WHERE last_verification = 'FAIL';
UPDATE internal_load_balancer SET proof_status = 'PROVEN', last_passed_at = last_verified_at
    WHERE last_verification = 'PASS' AND proof_status = 'UNPROVEN';
UPDATE internal_load_balancer l SET last_passed_at = (
    SELECT max(r.finished_at) FROM verification_run r WHERE r.load_balancer_id = l.id AND r.outcome = 'PASS')
    WHERE last_passed_at IS NULL;
UPDATE internal_load_balancer SET proof_status_since = coalesce(last_verified_at, created_at);

-- The home page's and the sweep's look-ups: load balancers that need attention, and the ones still looked after.
CREATE INDEX internal_load_balancer_proof_ix ON internal_load_balancer (proof_status, team);

-- When the cluster-wide watch of Civo's side last ran (guarded by its own advisory lock, like the round).
ALTER TABLE verification_schedule ADD COLUMN last_watch_at TIMESTAMPTZ;

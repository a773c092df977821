-- At most one open decommission per load balancer, also when two are asked for at the same moment (the service's
-- check before the insert cannot see a concurrent one). Open means DRAFT, SUBMITTED or APPROVED, as in the check.
CREATE UNIQUE INDEX lb_request_one_open_decommission_ux ON lb_request (load_balancer_id)
    WHERE kind = 'DECOMMISSION' AND status IN ('DRAFT', 'SUBMITTED', 'APPROVED');

-- A request either builds an internal load balancer or takes one down; a decommission names the inventory entry.
ALTER TABLE lb_request ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'PROVISION';
ALTER TABLE lb_request ADD COLUMN load_balancer_id UUID;
CREATE INDEX lb_request_load_balancer_ix ON lb_request (load_balancer_id) WHERE load_balancer_id IS NOT NULL;

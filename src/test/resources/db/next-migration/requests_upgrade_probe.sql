-- A stand-in for the next migration of the requests module (test only): the upgrade-path test copies it under the
-- next free version above every file in db/migration, as a helper adding a real one would.
ALTER TABLE lb_request ADD COLUMN upgrade_probe VARCHAR(40);
CREATE INDEX lb_request_upgrade_probe_ix ON lb_request (upgrade_probe);

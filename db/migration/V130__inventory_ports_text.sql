-- The ports an internal load balancer listens on, as approved: up to 50 rows of "65535/HTTP" do not fit 500
-- characters, and a value that does not fit made the inventory step fail on every attempt. TEXT has no such limit.
ALTER TABLE internal_load_balancer ALTER COLUMN ports TYPE TEXT;

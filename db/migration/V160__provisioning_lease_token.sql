-- Fencing for provisioning jobs. Each claim writes a new token; the worker that claimed keeps it and checks it,
-- with the row locked, before every Civo write and in the transaction that saves the step. A worker whose lease ran
-- out and was claimed by another instance (or whose job an admin abandoned) no longer matches and stops without
-- creating or saving anything. NULL between steps: no worker holds the job.
ALTER TABLE provisioning_job ADD COLUMN lease_token UUID;

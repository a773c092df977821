-- A principal name (the OIDC subject Spring Session indexes each session by) may be longer than the 100 characters
-- V1 gave it: providers are free to send long subjects, and sign-in then failed on the insert. The column now holds
-- 255 characters; the portal stores a name up to 255 characters as it is and a longer one as "sha256:" followed by
-- the SHA-256 of the name in hex (71 characters), so the indexed value is always short enough for the index and the
-- same name always maps to the same value (identity's SessionPrincipalNames, docs/hardening.md "Identity").
ALTER TABLE spring_session ALTER COLUMN principal_name TYPE VARCHAR(255);

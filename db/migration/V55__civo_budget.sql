-- The Civo account's one rate-limit budget (issue 14), shared by every portal instance: a token bucket kept in one row
-- per account, updated under its row lock, and one row per lane for the weighted turns and what each lane spent.
-- Times are microseconds since the epoch on the database's clock, so instances with skewed clocks still agree.
CREATE TABLE civo_budget (
    account         varchar(64) PRIMARY KEY, -- a fingerprint of the API's base URL and key, never the key itself
    tokens          double precision NOT NULL,
    refilled_us     bigint NOT NULL,
    paused_until_us bigint NOT NULL DEFAULT 0 -- Civo said its window is spent: nobody calls before this
);

CREATE TABLE civo_budget_lane (
    account          varchar(64) NOT NULL REFERENCES civo_budget (account) ON DELETE CASCADE,
    lane             varchar(16) NOT NULL,
    pass             double precision NOT NULL DEFAULT 0, -- stride scheduling: the lane with the lowest pass goes next
    wanted_until_us  bigint NOT NULL DEFAULT 0,           -- some instance has a call of this lane waiting until then
    calls            bigint NOT NULL DEFAULT 0,
    waited_us        bigint NOT NULL DEFAULT 0,
    longest_wait_us  bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (account, lane)
);

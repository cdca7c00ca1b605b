-- Rate limits shared by every node: one token bucket per (limit, client network). A take is one
-- UPDATE that refills and takes in the same statement, so two nodes (or two threads) can never
-- both spend the last token. Rows of buckets that have refilled completely are deleted now and
-- then: a missing row is a full bucket.
CREATE TABLE rate_buckets (
    -- which limit: 'links', 'class-creates', 'class-joins', 'class-guesses'
    limiter         VARCHAR(32)  NOT NULL,
    -- the client's network: an IPv4 address, or an IPv6 /64 prefix such as '2001:db8:0:1::/64'
    client          VARCHAR(64)  NOT NULL,
    tokens          DOUBLE PRECISION NOT NULL,
    -- when tokens was last computed (epoch milliseconds of the node that computed it)
    updated_ms      BIGINT       NOT NULL,
    PRIMARY KEY (limiter, client)
);

CREATE INDEX rate_buckets_updated ON rate_buckets (updated_ms);

-- Display names are limited to 40 code points by the application. H2 counts a VARCHAR's length in
-- UTF-16 units, so 40 emoji (80 units) broke VARCHAR(40) with a 500; 160 holds 40 code points in
-- any representation either database uses.
ALTER TABLE class_members ALTER COLUMN display_name TYPE VARCHAR(160);
ALTER TABLE class_members ALTER COLUMN alias TYPE VARCHAR(160);

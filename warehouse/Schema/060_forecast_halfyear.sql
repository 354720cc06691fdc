-- 060: the half-year gap forecast (docs/forecasts.md). Each run stores what it shipped: the point forecast with
-- its intervals, the backtest table and the measured interval coverage. The nightly refresh and the dashboard read
-- the same stored run. Created if absent, so an existing warehouse is migrated as it opens.

CREATE TABLE IF NOT EXISTS forecast_run (
    run_at            TIMESTAMP NOT NULL,
    data_vintage      DATE,                 -- the latest roster snapshot the run saw
    history_until     DATE,                 -- the cut (--history-until), NULL = all data
    data_fingerprint  VARCHAR NOT NULL,     -- what the warehouse held (loads), to know when a run is stale
    horizon_year      INTEGER NOT NULL,
    gap_method        VARCHAR NOT NULL,     -- naive | drift | damped | partial-adjustment | mean | ml-unit
    qualified_method  VARCHAR NOT NULL
);

-- One row per run × district (or the city, 510100) × half-year end. Counts are expected values; intervals NULL
-- when none could be measured.
CREATE TABLE IF NOT EXISTS forecast_point (
    run_at                 TIMESTAMP NOT NULL,
    district_code          VARCHAR NOT NULL,
    district_name          VARCHAR NOT NULL,
    as_of                  DATE NOT NULL,
    required_posts         DOUBLE NOT NULL,
    qualified_posts        DOUBLE NOT NULL,
    qualified_lo80         DOUBLE,
    qualified_hi80         DOUBLE,
    qualified_lo95         DOUBLE,
    qualified_hi95         DOUBLE,
    gap_posts              DOUBLE NOT NULL,
    gap_lo80               DOUBLE,
    gap_hi80               DOUBLE,
    gap_lo95               DOUBLE,
    gap_hi95               DOUBLE,
    method                 VARCHAR NOT NULL,
    qualified_method       VARCHAR NOT NULL,
    interval_extrapolated  BOOLEAN NOT NULL
);

-- The rolling-origin backtest of each run: MAE per district (posts) by method, quantity (gap | qualified) and
-- horizon (half-years), relative to naive on the same forecasts, with the number of origins behind it.
CREATE TABLE IF NOT EXISTS forecast_backtest_cell (
    run_at             TIMESTAMP NOT NULL,
    method             VARCHAR NOT NULL,
    quantity           VARCHAR NOT NULL,
    horizon            INTEGER NOT NULL,
    mae                DOUBLE NOT NULL,
    relative_to_naive  DOUBLE,
    origins            INTEGER NOT NULL,
    forecasts          INTEGER NOT NULL
);

-- Measured coverage of the shipped intervals: area district (pooled) | city, level 80 | 95; coverage NULL = too few origins.
CREATE TABLE IF NOT EXISTS forecast_coverage (
    run_at     TIMESTAMP NOT NULL,
    area       VARCHAR NOT NULL,
    quantity   VARCHAR NOT NULL,
    horizon    INTEGER NOT NULL,
    level      INTEGER NOT NULL,
    coverage   DOUBLE,
    forecasts  INTEGER NOT NULL
);

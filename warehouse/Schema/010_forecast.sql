-- 010: gap forecasts. Named planner scenarios, and the results of the last forecast runs (nightly refresh).

-- A planner's scenario: what is assumed for the projection years (JSON of ScenarioAssumptions:
-- {"PostsApprovedPerYear":{"510104":30},"PassRateChange":0.05,"AttritionChange":-0.1}).
CREATE TABLE forecast_scenario (
    name              VARCHAR NOT NULL PRIMARY KEY,
    created_at        TIMESTAMP NOT NULL,
    assumptions_json  VARCHAR NOT NULL
);

-- One row per run × scenario × district (or city, 510100) × projected year. Counts are expected values.
CREATE TABLE forecast_result (
    run_at           TIMESTAMP NOT NULL,
    scenario         VARCHAR NOT NULL,
    data_vintage     DATE NOT NULL,          -- the latest roster snapshot the run saw
    district_code    VARCHAR NOT NULL,
    district_name    VARCHAR NOT NULL,
    year             INTEGER NOT NULL,
    method           VARCHAR NOT NULL,       -- ml-sdca | ml-fasttree | ml-lightgbm | drift
    required_posts   DOUBLE NOT NULL,
    qualified_posts  DOUBLE NOT NULL,
    lower80          DOUBLE NOT NULL,
    upper80          DOUBLE NOT NULL,
    lower95          DOUBLE NOT NULL,
    upper95          DOUBLE NOT NULL,
    gap_posts        DOUBLE NOT NULL,
    certified        DOUBLE NOT NULL,
    stock_certified  DOUBLE NOT NULL,
    new_certified    DOUBLE NOT NULL,
    approved_posts   DOUBLE NOT NULL,
    reason_zh        VARCHAR,                -- why a district got the baseline only
    reason_en        VARCHAR
);

-- The backtest behind each run: MAE and MASE per method, per district and overall (district_code NULL).
CREATE TABLE forecast_backtest (
    run_at         TIMESTAMP NOT NULL,
    method         VARCHAR NOT NULL,
    district_code  VARCHAR,
    mae            DOUBLE NOT NULL,
    mase           DOUBLE,
    forecasts      INTEGER NOT NULL,
    chosen         BOOLEAN NOT NULL
);

-- The latest run's rows of each scenario.
CREATE VIEW forecast_latest AS
    SELECT r.* FROM forecast_result r
    JOIN (SELECT scenario, max(run_at) AS run_at FROM forecast_result GROUP BY scenario) l
      ON l.scenario = r.scenario AND l.run_at = r.run_at;

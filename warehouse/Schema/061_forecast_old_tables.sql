-- 061: the yearly forecast tables of 010 are superseded by the half-year run tables of 060 (forecast_run,
-- forecast_point, forecast_backtest_cell, forecast_coverage); nothing writes or reads them any more.
DROP VIEW IF EXISTS forecast_latest;
DROP TABLE IF EXISTS forecast_result;
DROP TABLE IF EXISTS forecast_backtest;

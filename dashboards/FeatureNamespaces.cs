// The feature folders whose AddX()/UseX()/MapX() extensions Program.cs lists, so it reads as a table of contents.
global using Analytics.Dashboards.Audit;
global using Analytics.Dashboards.Auth;
global using Analytics.Dashboards.Charts;
global using Analytics.Dashboards.Components;
global using Analytics.Dashboards.Forecast;
global using Analytics.Dashboards.Localization;
global using Analytics.Dashboards.Quality;
global using Analytics.Dashboards.Sql;
global using Analytics.Dashboards.Targets;
global using Analytics.Dashboards.WarehouseReads;
global using Analytics.Etl.DemoData;
global using Analytics.Etl.Scheduling;

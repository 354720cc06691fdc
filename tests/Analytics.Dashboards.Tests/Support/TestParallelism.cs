// Each test here starts real hosts, forecast fits and Chromium; on a 2-core machine running them side by side starves
// the Blazor circuits the browser tests drive. One class at a time keeps them honest and repeatable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

using System.Collections.Concurrent;

namespace Analytics.Etl.Loading;

/// <summary>
/// Runs the reading half of a load (decode, parse, check, key the people) on a second thread while the calling thread
/// appends, so each half keeps a core busy. Items are handed over in small batches through a bounded queue (a few
/// thousand rows in flight at most), so memory stays flat. An exception on the reading side (a refused file) comes
/// out of the enumeration as it was thrown; stopping the enumeration early stops the reading side too.
/// </summary>
internal static class ReadAhead
{
    public const int BatchSize = 2048, Depth = 4;

    public static IEnumerable<TOut> Run<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> prepare)
    {

        using var queue = new BlockingCollection<TOut[]>(Depth);
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            try
            {
                var batch = new List<TOut>(BatchSize);
                foreach (var item in source)
                {
                    batch.Add(prepare(item));
                    if (batch.Count < BatchSize) continue;
                    queue.Add([.. batch], stop.Token);
                    batch.Clear();
                }

                if (batch.Count > 0) queue.Add([.. batch], stop.Token);
            }
            finally
            {
                queue.CompleteAdding();
            }
        });
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable())
                foreach (var item in batch)
                    yield return item;
            reader.GetAwaiter().GetResult();
        }
        finally
        {
            stop.Cancel();
            try
            {
                reader.Wait();
            }
            catch (AggregateException)
            {
                // Rethrown above when the reading side failed on its own; else it stopped because this side stopped.
            }
        }
    }
}

using System.Text.Json;
using NexGen.Core.Store;

namespace NexGen.Web.Api;

/// <summary>A run as the API shows it: status, progress (0..1) and, once it succeeded, its metrics.</summary>
/// <param name="Status">running, succeeded, failed or cancelled.</param>
public sealed record RunResponse(long Id, string Kind, string Trigger, string Status, double Progress, string? Phase,
    DateTime Started, DateTime? Finished, string? Error, long? ModelId, JsonElement Parameters, JsonElement? Metrics)
{
    /// <summary>The record, with the live progress of the run in progress when there is one.</summary>
    public static RunResponse From(RunRecord run, NexGen.Core.Forecasting.RunProgress? live)
    {
        var (progress, phase) = run.Status == "running" && live?.RunId == run.Id ? (live.Fraction, live.Phase) : (run.Progress, run.Phase);
        return new(run.Id, run.Kind, run.Trigger, run.Status, Math.Round(progress, 4), phase, run.Started, run.Finished, run.Error,
            run.ModelId, Parse(run.Parameters), run.Metrics is null ? null : Parse(run.Metrics));
    }

    static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using NexGen.Core.Forecasting;
using NexGen.Core.Store;
using NexGen.Web.Components.Pages;
using NexGen.Web.Components.Shared;

namespace NexGen.Tests.Web.Components;

/// <summary>
/// Live run progress with the app's one <see cref="ForecastService"/> running real forecasts on <see cref="WebSamples"/>
/// (10 weeks, 6 series: about a second). The run reports from its own thread; <see cref="RunHold"/> stops it at its
/// first step past the start so the components can be checked showing that step, then lets it finish.
/// </summary>
[Collection(Name)]
public sealed class RunProgressTests() : ComponentTests(samples: true)
{
    static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);

    static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    static string Percent(RunProgress step) => (step.Fraction * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    /// <summary>The progress block shows <paramref name="step"/>: its run, phase and percent.</summary>
    static void ShowsStep<T>(IRenderedComponent<T> component, RunProgress step) where T : Microsoft.AspNetCore.Components.IComponent
    {
        var progress = component.Find("[data-testid=run-progress]");
        Assert.Equal(Id(step.RunId), progress.GetAttribute("data-run-id"));
        Assert.Equal(step.Phase, progress.QuerySelector("[data-testid=run-phase]")!.TextContent.Trim(), ignoreCase: true);
        Assert.Equal(Percent(step), progress.QuerySelector("[data-testid=run-percent]")!.TextContent.Trim());
    }

    /// <summary>The Runs page once it has read the store: no run yet.</summary>
    static IRenderedComponent<Runs> OpenRunsPage(BunitContext context)
    {
        var (_, page) = context.RenderPage<Runs>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=no-runs]")), NexGenBunit.Patience);
        return page;
    }

    [Fact]
    public async Task LatestRunCardShowsThePhaseAndPercentReportedFromTheRunsThreadAndClearsThemWhenTheRunEnds()
    {
        await using var context = NewContext();
        var service = context.Services.GetRequiredService<ForecastService>();
        var (_, card) = context.RenderPage<LatestRunCard>();
        card.WaitForAssertion(() => Assert.Equal("none", card.Find("[data-testid=latest-run]").GetAttribute("data-status")), NexGenBunit.Patience);

        Task<RunRecord> completion;
        using (var hold = new RunHold(service, at: step => step.Fraction > 0))
        {
            // Started elsewhere (the API, the schedule): the card hears of it only through ProgressChanged.
            var started = await service.StartAsync(LatestRunCardTests.SmallRequest());
            completion = started.Completion;
            var step = await hold.Held;
            Assert.Equal(started.Id, step.RunId);

            card.WaitForAssertion(() =>
            {
                Assert.Equal("running", card.Find("[data-testid=latest-run]").GetAttribute("data-status"));
                ShowsStep(card, step);
            }, NexGenBunit.Patience);
        }

        var run = await completion.WaitAsync(RunTimeout);
        Assert.True(run.Status == "succeeded", $"the forecast on the web samples succeeds (it {run.Status}: {run.Error})");
        card.WaitForAssertion(() =>
        {
            var latest = card.Find("[data-testid=latest-run]");
            Assert.Equal("succeeded", latest.GetAttribute("data-status"));
            Assert.Equal(Id(run.Id), latest.GetAttribute("data-run-id"));
            Assert.Empty(card.FindAll("[data-testid=run-progress]"));
            Assert.NotEmpty(card.FindAll("[data-metric=wape-nexgen]"));
        }, NexGenBunit.Patience);
    }

    [Fact]
    public async Task ARunStartedOnTheRunsPageShowsItsProgressAndEndsInTheHistoryWithItsModel()
    {
        await using var context = NewContext();
        var service = context.Services.GetRequiredService<ForecastService>();
        var page = OpenRunsPage(context);
        page.Find("input[data-testid=run-horizon]").Input("4");

        RunProgress step;
        using (var hold = new RunHold(service, at: s => s.Fraction > 0))
        {
            page.Find("[data-testid=run-forecast]").Click();
            step = await hold.Held;

            page.WaitForAssertion(() =>
            {
                ShowsStep(page, step);
                Assert.Equal("true", page.Find("[data-testid=run-panel]").GetAttribute("data-running"));
                Assert.Empty(page.FindAll("[data-testid=run-forecast]"));
                Assert.False(page.Find("[data-testid=cancel-run]").HasAttribute("disabled"));
                Assert.Equal("running", page.Find($"[data-testid=run-history] tr[data-run-id='{Id(step.RunId)}']").GetAttribute("data-status"));
            }, NexGenBunit.Patience);
        }

        page.WaitForAssertion(() =>
        {
            Assert.Equal("succeeded", page.Find($"[data-testid=run-history] tr[data-run-id='{Id(step.RunId)}']").GetAttribute("data-status"));
            Assert.Empty(page.FindAll("[data-testid=run-progress]"));
            Assert.Equal("false", page.Find("[data-testid=run-panel]").GetAttribute("data-running"));
            Assert.NotEmpty(page.FindAll("[data-testid=run-forecast]"));
        }, RunTimeout);
        var run = (await context.Services.GetRequiredService<RunStore>().FindAsync(step.RunId))!;
        Assert.Equal(("succeeded", "manual"), (run.Status, run.Trigger));
        Assert.Contains("\"horizon\":4", run.Parameters);
        // The run trained the first model, so it is the active one.
        page.WaitForAssertion(() =>
            Assert.Equal("true", page.Find($"[data-testid=models] tr[data-model-id='{Id(run.ModelId!.Value)}']").GetAttribute("data-active")), NexGenBunit.Patience);
    }

    [Fact]
    public async Task CancelOnTheRunsPageStopsTheRunAndTheHistoryShowsItCancelled()
    {
        await using var context = NewContext();
        var service = context.Services.GetRequiredService<ForecastService>();
        var page = OpenRunsPage(context);

        RunProgress step;
        using (var hold = new RunHold(service, at: s => s.Fraction > 0))
        {
            page.Find("[data-testid=run-forecast]").Click();
            step = await hold.Held;
            page.WaitForAssertion(() => ShowsStep(page, step), NexGenBunit.Patience);

            // Progress re-renders the page meanwhile: find and click in one dispatch, so the handler found is the current one.
            await page.InvokeAsync(() => page.Find("[data-testid=cancel-run]").Click());
            page.WaitForAssertion(() => Assert.Contains("Cancelling", page.Find("[data-testid=cancel-run]").TextContent), NexGenBunit.Patience);
        }

        page.WaitForAssertion(() =>
        {
            Assert.Equal("cancelled", page.Find($"[data-testid=run-history] tr[data-run-id='{Id(step.RunId)}']").GetAttribute("data-status"));
            Assert.Empty(page.FindAll("[data-testid=run-progress]"));
            Assert.NotEmpty(page.FindAll("[data-testid=run-forecast]"));
        }, RunTimeout);
        Assert.Equal("cancelled", (await context.Services.GetRequiredService<RunStore>().FindAsync(step.RunId))!.Status);
        Assert.Empty(await context.Services.GetRequiredService<RunStore>().ForecastsAsync(step.RunId));
    }
}

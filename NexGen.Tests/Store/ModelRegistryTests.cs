using NexGen.Core.Store;

namespace NexGen.Tests.Store;

public class ModelRegistryTests
{
    static ModelRecord Model(double? wrmsse, string kind = "global") =>
        new(0, new DateTime(2024, 5, 1, 12, 0, 0), kind, """{"leaves":31}""", new DateOnly(2022, 1, 1), new DateOnly(2024, 4, 30),
            """{"lags":[7,14]}""", """{"mae":1.5}""", wrmsse, $"/models/{Guid.NewGuid():N}.zip", new string('a', 64));

    [Fact]
    public async Task RegisteredModelsAreListedNewestFirstAndNoneIsActiveUntilPromoted()
    {
        await using var test = new TestStore();
        var registry = new ModelRegistry(test.Store);
        var first = await registry.RegisterAsync(Model(0.9) with { Id = 42 });
        var second = await registry.RegisterAsync(Model(null, "seasonal_naive") with { TrainingFrom = null, TrainingTo = null, BacktestMetrics = null });

        Assert.NotEqual(42, first);
        Assert.Null(await registry.ActiveAsync());
        var list = await registry.ListAsync();
        Assert.Equal([(second, false), (first, false)], list.Select(m => (m.Model.Id, m.Active)));
        Assert.Equal(Model(0.9) with { Id = first, Path = list[1].Model.Path }, list[1].Model);
        Assert.Equal((null, null, null, null), (list[0].Model.TrainingFrom, list[0].Model.TrainingTo, list[0].Model.BacktestMetrics, list[0].Model.Wrmsse));

        await registry.PromoteAsync(first);

        Assert.Equal(first, (await registry.ActiveAsync())!.Id);
        Assert.Equal([(second, false), (first, true)], (await registry.ListAsync()).Select(m => (m.Model.Id, m.Active)));
    }

    [Fact]
    public async Task PromotingAnUnknownModelSaysSo()
    {
        await using var test = new TestStore();
        var registry = new ModelRegistry(test.Store);
        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() => registry.PromoteAsync(7));
        Assert.Contains("no model 7", error.Message);
        Assert.Equal(0, test.Count("model_activations"));
    }

    [Fact]
    public async Task TheFirstModelIsActivatedAndLaterOnesOnlyWhenNoWorse()
    {
        await using var test = new TestStore();
        var registry = new ModelRegistry(test.Store);

        var first = await RegisterAndDecideAsync(registry, Model(0.80));
        Assert.True(first.Activated, first.Reason);
        Assert.Contains("no model was active", first.Reason);

        var worse = await RegisterAndDecideAsync(registry, Model(0.81));
        Assert.False(worse.Activated, worse.Reason);
        Assert.Equal($"not activated: WRMSSE 0.81 is worse than model {first.Id}'s 0.8", worse.Reason);
        Assert.Equal(first.Id, (await registry.ActiveAsync())!.Id);

        var equal = await RegisterAndDecideAsync(registry, Model(0.80));
        Assert.True(equal.Activated, equal.Reason);

        var better = await RegisterAndDecideAsync(registry, Model(0.70));
        Assert.True(better.Activated, better.Reason);
        Assert.Equal(better.Id, (await registry.ActiveAsync())!.Id);
        Assert.Equal(4, (await registry.ListAsync()).Count);
        Assert.Equal(["auto", "auto", "auto"], test.Query<string>("SELECT reason FROM model_activations ORDER BY activated"));
    }

    [Fact]
    public async Task ToleranceLetsASlightlyWorseModelThrough()
    {
        await using var test = new TestStore();
        var registry = new ModelRegistry(test.Store);
        var active = await RegisterAndDecideAsync(registry, Model(1.00));

        var tooWorse = await RegisterAndDecideAsync(registry, Model(1.06), tolerance: 0.05);
        var slightlyWorse = await RegisterAndDecideAsync(registry, Model(1.04), tolerance: 0.05);

        Assert.False(tooWorse.Activated, tooWorse.Reason);
        Assert.Equal($"not activated: WRMSSE 1.06 is worse than model {active.Id}'s 1 × 1.05 = 1.05", tooWorse.Reason);
        Assert.True(slightlyWorse.Activated, slightlyWorse.Reason);
        Assert.Equal(slightlyWorse.Id, (await registry.ActiveAsync())!.Id);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => registry.ActivateIfNoWorseAsync(active.Id, tolerance: -0.1));
    }

    [Fact]
    public async Task AModelWithoutWrmsseIsRegisteredButNotActivatedOverOneWithIt()
    {
        await using var test = new TestStore();
        var registry = new ModelRegistry(test.Store);
        var active = await RegisterAndDecideAsync(registry, Model(0.9));

        var unscored = await RegisterAndDecideAsync(registry, Model(null));
        var nan = await RegisterAndDecideAsync(registry, Model(double.NaN));

        Assert.False(unscored.Activated, unscored.Reason);
        Assert.False(nan.Activated, nan.Reason);
        Assert.Equal(active.Id, (await registry.ActiveAsync())!.Id);
        Assert.Equal(3, (await registry.ListAsync()).Count);
    }

    [Fact]
    public async Task RollingBackTwiceWalksBackThroughTheActivationHistory()
    {
        await using var test = new TestStore();
        var registry = new ModelRegistry(test.Store);
        var a = await registry.RegisterAsync(Model(0.9));
        var b = await registry.RegisterAsync(Model(0.8));
        var c = await registry.RegisterAsync(Model(0.7));
        await registry.PromoteAsync(a);
        await registry.PromoteAsync(b);
        await registry.PromoteAsync(c);
        await registry.PromoteAsync(c);

        Assert.Equal(b, (await registry.RollbackAsync()).Id);
        Assert.Equal(b, (await registry.ActiveAsync())!.Id);
        Assert.Equal(a, (await registry.RollbackAsync()).Id);
        Assert.Equal(a, (await registry.ActiveAsync())!.Id);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => registry.RollbackAsync());
        Assert.Contains("no earlier model to roll back to", error.Message);
        Assert.Equal(a, (await registry.ActiveAsync())!.Id);
        Assert.Equal(["promoted", "promoted", "promoted", "rollback", "rollback"],
            test.Query<string>("SELECT reason FROM model_activations ORDER BY activated"));

        // A promotion after rollbacks starts a new branch that rolls back to where it left.
        await registry.PromoteAsync(c);
        Assert.Equal(a, (await registry.RollbackAsync()).Id);
    }

    [Fact]
    public async Task RollbackSkipsEarlierActivationsOfTheCurrentModel()
    {
        await using var test = new TestStore();
        var registry = new ModelRegistry(test.Store);
        var a = await registry.RegisterAsync(Model(0.9));
        var b = await registry.RegisterAsync(Model(0.8));
        await registry.PromoteAsync(b);
        await registry.PromoteAsync(a);
        await registry.PromoteAsync(b);

        Assert.Equal(a, (await registry.RollbackAsync()).Id);
        Assert.Equal(b, (await registry.RollbackAsync()).Id);
        await Assert.ThrowsAsync<InvalidOperationException>(() => registry.RollbackAsync());
    }

    [Fact]
    public async Task RollbackWithoutHistoryThrows()
    {
        await using var test = new TestStore();
        var registry = new ModelRegistry(test.Store);

        var empty = await Assert.ThrowsAsync<InvalidOperationException>(() => registry.RollbackAsync());
        Assert.Contains("no earlier model to roll back to", empty.Message);

        await RegisterAndDecideAsync(registry, Model(0.9));
        var single = await Assert.ThrowsAsync<InvalidOperationException>(() => registry.RollbackAsync());
        Assert.Contains("no earlier model to roll back to", single.Message);
        Assert.Equal(1, test.Count("model_activations"));
    }

    /// <summary>How a forecast run uses the registry: register the model, write its forecasts, then decide.</summary>
    static async Task<(long Id, bool Activated, string Reason)> RegisterAndDecideAsync(ModelRegistry registry, ModelRecord model, double tolerance = 0)
    {
        var id = await registry.RegisterAsync(model);
        var (activated, reason) = await registry.ActivateIfNoWorseAsync(id, tolerance);
        return (id, activated, reason);
    }
}

namespace NexGen.Core.Store;

/// <summary>A row of the <c>models</c> table: a trained model file and what it was trained on.</summary>
/// <param name="Id">Model id, from the <c>model_ids</c> sequence; ignored when registering.</param>
/// <param name="Created">When the model was trained, UTC.</param>
/// <param name="Kind">The model's kind (for example the forecasting model's name).</param>
/// <param name="Parameters">Training parameters as JSON.</param>
/// <param name="TrainingFrom">First date of the training history, inclusive.</param>
/// <param name="TrainingTo">Last date of the training history, inclusive.</param>
/// <param name="FeatureSpec">The feature spec (lags, windows, date parts, exogenous columns) as JSON.</param>
/// <param name="BacktestMetrics">The rolling-origin backtest's metrics as JSON.</param>
/// <param name="Wrmsse">Backtest WRMSSE (lower is better; 1 is as good as the naive scale); null if not backtested.</param>
/// <param name="Path">Path of the saved model file.</param>
/// <param name="Hash">SHA-256 of the model file, as hex.</param>
public sealed record ModelRecord(
    long Id, DateTime Created, string Kind, string Parameters, DateOnly? TrainingFrom, DateOnly? TrainingTo,
    string FeatureSpec, string? BacktestMetrics, double? Wrmsse, string Path, string Hash);

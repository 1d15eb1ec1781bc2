using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace NexGen.Core.Forecasting;

/// <summary>Trains the global gradient-boosted model (LightGBM or FastTree through ML.NET) on rows of a <see cref="FeatureMatrix"/>.</summary>
public sealed class DemandModelTrainer(GlobalModelOptions options)
{
    /// <summary>
    /// Trains on <paramref name="rows"/> of <paramref name="matrix"/>. With <paramref name="validation"/> rows (LightGBM
    /// only), training stops once the squared error on them has not improved for <see cref="GlobalModelOptions.EarlyStoppingRounds"/>
    /// trees and keeps the best number of trees (<see cref="GlobalDemandModel.Trees"/>).
    /// </summary>
    public GlobalDemandModel Train(FeatureMatrix matrix, int[] rows, IReadOnlyList<string> featureNames, int[]? validation = null,
        CancellationToken cancellationToken = default)
    {
        if (rows.Length == 0)
            throw new InvalidOperationException("There are no training rows: the history before the cutoff is too short.");
        cancellationToken.ThrowIfCancellationRequested();
        var ml = new MLContext(seed: options.Seed);
        using var cancel = cancellationToken.Register(() => CancelExecution(ml));
        if (options.Kind == ModelKind.FastTreeTweedie)
            rows = rows.Where(r => matrix.Labels[r] >= 0).ToArray();
        var data = new MatrixDataView(matrix, rows);
        ITransformer model = options.Kind switch
        {
            ModelKind.FastTreeTweedie => ml.Regression.Trainers.FastTreeTweedie(new FastTreeTweedieTrainer.Options
            {
                LabelColumnName = MatrixDataView.LabelColumn,
                FeatureColumnName = MatrixDataView.FeaturesColumn,
                NumberOfTrees = options.Trees,
                NumberOfLeaves = options.Leaves,
                MinimumExampleCountPerLeaf = options.MinimumExamplesPerLeaf,
                LearningRate = options.LearningRate,
                NumberOfThreads = options.Threads > 0 ? options.Threads : null,
            }).Fit(data),
            ModelKind.FastTree => ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
            {
                LabelColumnName = MatrixDataView.LabelColumn,
                FeatureColumnName = MatrixDataView.FeaturesColumn,
                NumberOfTrees = options.Trees,
                NumberOfLeaves = options.Leaves,
                MinimumExampleCountPerLeaf = options.MinimumExamplesPerLeaf,
                LearningRate = options.LearningRate,
                NumberOfThreads = options.Threads > 0 ? options.Threads : null,
            }).Fit(data),
            _ => LightGbm(ml, data, validation is { Length: > 0 } ? new MatrixDataView(matrix, validation) : null, cancellationToken),
        };
        return new GlobalDemandModel(ml, model, featureNames);
    }

    /// <summary>
    /// LightGBM's boosting loop runs in native code that ML.NET does not stop on cancellation, so it runs on its own
    /// thread and a cancellation returns at once; a fit already under way finishes in the background and is dropped.
    /// </summary>
    ITransformer LightGbm(MLContext ml, IDataView data, IDataView? validation, CancellationToken cancellationToken)
    {
        var trainer = ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            LabelColumnName = MatrixDataView.LabelColumn,
            FeatureColumnName = MatrixDataView.FeaturesColumn,
            ExampleWeightColumnName = options.VolumeWeight == 0 ? null : MatrixDataView.WeightColumn,
            NumberOfIterations = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinimumExamplesPerLeaf,
            LearningRate = options.LearningRate,
            NumberOfThreads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount,
            EarlyStoppingRound = validation is null ? 0 : options.EarlyStoppingRounds,
            EvaluationMetric = LightGbmRegressionTrainer.Options.EvaluateMetricType.RootMeanSquaredError,
            // Each tree sees 80 % of the rows and 80 % of the features: faster, and less prone to chase noise.
            Booster = new GradientBooster.Options { SubsampleFraction = 0.8, SubsampleFrequency = 1, FeatureFraction = 0.8 },
            Seed = options.Seed,
            Deterministic = true,
            Silent = true,
            Verbose = false,
        });
        var fit = Task.Factory.StartNew<ITransformer>(() => validation is null ? trainer.Fit(data) : trainer.Fit(data, validation),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            fit.Wait(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            fit.ContinueWith(f => f.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
        catch (AggregateException)
        {
        }
        return fit.GetAwaiter().GetResult();
    }

    /// <summary>
    /// ML.NET stops a running trainer through <c>ICancelable.CancelExecution</c>, which MLContext implements
    /// explicitly on an internal interface; the trainer then throws <see cref="OperationCanceledException"/>.
    /// </summary>
    static void CancelExecution(MLContext ml)
    {
        var cancel = typeof(MLContext).GetMethod("Microsoft.ML.Runtime.ICancelable.CancelExecution",
            System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic);
        cancel?.Invoke(ml, null);
    }
}

using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace NexGen.Core.Forecasting;

/// <summary>Trains the global gradient-boosted model (ML.NET FastTree) on a <see cref="TrainingSet"/>.</summary>
public sealed class DemandModelTrainer(GlobalModelOptions options)
{
    public GlobalDemandModel Train(TrainingSet set, IReadOnlyList<string> featureNames, CancellationToken cancellationToken = default)
    {
        if (set.Count == 0)
            throw new InvalidOperationException("There are no training rows: the history before the cutoff is too short.");
        var ml = new MLContext(seed: options.Seed);
        using var cancel = cancellationToken.Register(() => CancelExecution(ml));
        var schema = Schema(set.FeatureCount);
        var data = ml.Data.LoadFromEnumerable(Rows(set), schema);
        var trainer = options.Kind switch
        {
            ModelKind.FastTreeTweedie => (IEstimator<ITransformer>)ml.Regression.Trainers.FastTreeTweedie(new FastTreeTweedieTrainer.Options
            {
                LabelColumnName = nameof(FeatureRow.Label),
                FeatureColumnName = nameof(FeatureRow.Features),
                NumberOfTrees = options.Trees,
                NumberOfLeaves = options.Leaves,
                MinimumExampleCountPerLeaf = options.MinimumExamplesPerLeaf,
                LearningRate = options.LearningRate,
                NumberOfThreads = options.Threads > 0 ? options.Threads : null,
            }),
            _ => ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
            {
                LabelColumnName = nameof(FeatureRow.Label),
                FeatureColumnName = nameof(FeatureRow.Features),
                NumberOfTrees = options.Trees,
                NumberOfLeaves = options.Leaves,
                MinimumExampleCountPerLeaf = options.MinimumExamplesPerLeaf,
                LearningRate = options.LearningRate,
                NumberOfThreads = options.Threads > 0 ? options.Threads : null,
            }),
        };
        var model = trainer.Fit(options.Kind == ModelKind.FastTreeTweedie ? ml.Data.FilterRowsByColumn(data, nameof(FeatureRow.Label), 0) : data);
        return new GlobalDemandModel(ml, model, schema, featureNames);
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

    internal static SchemaDefinition Schema(int features)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        return schema;
    }

    static IEnumerable<FeatureRow> Rows(TrainingSet set)
    {
        for (var row = 0; row < set.Count; row++)
            yield return new FeatureRow { Label = set.Label(row), Features = set.Features(row).ToArray() };
    }
}

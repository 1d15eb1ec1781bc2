using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace NexGen.Core.Forecasting;

/// <summary>
/// A trained global model: predicts scaled demand from feature rows. Either one model for every horizon (the horizon
/// is a feature) or one per horizon bucket (<see cref="GlobalModelOptions.HorizonBuckets"/>), chosen for each row by
/// its horizon feature.
/// </summary>
public sealed class GlobalDemandModel
{
    readonly IReadOnlyList<Part> _parts;
    readonly SchemaDefinition _schema;

    /// <summary>One model for every horizon.</summary>
    public GlobalDemandModel(MLContext ml, ITransformer model, SchemaDefinition schema, IReadOnlyList<string> featureNames)
        : this([new Part(ml, model, 1, int.MaxValue)], schema, featureNames)
    {
    }

    GlobalDemandModel(IReadOnlyList<Part> parts, SchemaDefinition schema, IReadOnlyList<string> featureNames)
    {
        _parts = parts;
        _schema = schema;
        FeatureNames = featureNames;
    }

    /// <summary>
    /// Joins models trained on consecutive horizon buckets, each <paramref name="bucketWidth"/> periods wide, the
    /// first covering horizon 1 .. <paramref name="bucketWidth"/>; the last also covers any longer horizon.
    /// </summary>
    public static GlobalDemandModel ByHorizon(IReadOnlyList<GlobalDemandModel> buckets, int bucketWidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketWidth, 1);
        var parts = buckets.Select((b, i) => b._parts.Single() with
        {
            FirstHorizon = i * bucketWidth + 1,
            LastHorizon = i == buckets.Count - 1 ? int.MaxValue : (i + 1) * bucketWidth,
        }).ToList();
        return new GlobalDemandModel(parts, buckets[0]._schema, buckets[0].FeatureNames);
    }

    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Models in the ensemble: 1, or the number of horizon buckets.</summary>
    public int Models => _parts.Count;

    /// <summary>Scaled predictions for rows of <paramref name="features"/> (row-major, <see cref="FeatureNames"/> wide).</summary>
    public float[] Predict(float[] features)
    {
        var result = new float[features.Length / FeatureNames.Count];
        foreach (var (part, rows) in RowsByPart(features))
        {
            var scores = part.Model.Transform(Load(part, features, rows)).GetColumn<float>("Score").ToArray();
            for (var i = 0; i < rows.Count; i++)
                result[rows[i]] = scores[i];
        }
        return result;
    }

    /// <summary>
    /// Global importance: each feature's share of the trees' split gain, largest first (averaged over the horizon
    /// buckets' models).
    /// </summary>
    public IReadOnlyList<(string Feature, double Share)> Importance()
    {
        var shares = new double[FeatureNames.Count];
        foreach (var part in _parts)
        {
            if (part.Model is not ISingleFeaturePredictionTransformer<TreeEnsembleModelParameters> trees)
                return [];
            VBuffer<float> weights = default;
            trees.Model.GetFeatureWeights(ref weights);
            var values = weights.DenseValues().ToArray();
            var total = values.Sum(v => (double)Math.Abs(v));
            for (var i = 0; i < values.Length && total > 0; i++)
                shares[i] += Math.Abs(values[i]) / total / _parts.Count;
        }
        return shares.Select((share, i) => (FeatureNames[i], share))
            .OrderByDescending(x => x.share).ThenBy(x => x.Item1, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Per row, the <paramref name="top"/> features that moved the (scaled) prediction most, with their contributions
    /// in the model's scaled units, largest absolute contribution first.
    /// </summary>
    public IReadOnlyList<(string Feature, float Contribution)>[] Contributions(float[] features, int top)
    {
        var result = new IReadOnlyList<(string, float)>[features.Length / FeatureNames.Count];
        foreach (var (part, rows) in RowsByPart(features))
        {
            if (part.Model is not ISingleFeaturePredictionTransformer<ICalculateFeatureContribution> explainable)
                return [];
            var data = Load(part, features, rows);
            var calculator = part.Ml.Transforms.CalculateFeatureContribution(explainable, numberOfPositiveContributions: top, numberOfNegativeContributions: top, normalize: false);
            var scored = calculator.Fit(part.Model.Transform(data)).Transform(part.Model.Transform(data));
            var contributions = scored.GetColumn<float[]>("FeatureContributions").ToArray();
            for (var i = 0; i < rows.Count; i++)
                result[rows[i]] = contributions[i].Select((v, f) => (FeatureNames[f], v))
                    .Where(x => x.v != 0).OrderByDescending(x => Math.Abs(x.v)).ThenBy(x => x.Item1, StringComparer.Ordinal).Take(top).ToList();
        }
        return result;
    }

    /// <summary>Saves the model as an ML.NET zip; with horizon buckets, a zip holding one ML.NET zip per bucket.</summary>
    public void Save(string path)
    {
        using var file = File.Create(path);
        if (_parts.Count == 1)
        {
            _parts[0].Ml.Model.Save(_parts[0].Model, null, file);
            return;
        }
        using var archive = new ZipArchive(file, ZipArchiveMode.Create);
        foreach (var part in _parts)
        {
            var last = part.LastHorizon == int.MaxValue ? "" : part.LastHorizon.ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var entry = archive.CreateEntry($"horizon-{part.FirstHorizon}-{last}.zip").Open();
            using var buffer = new MemoryStream();
            part.Ml.Model.Save(part.Model, null, buffer);
            buffer.Position = 0;
            buffer.CopyTo(entry);
        }
    }

    /// <summary>Loads a model written by <see cref="Save"/>, one model or one per horizon bucket.</summary>
    /// <param name="featureNames">The feature names it was trained with, in order.</param>
    /// <param name="seed">Seed of the ML.NET context (predictions do not depend on it).</param>
    public static GlobalDemandModel Load(string path, IReadOnlyList<string> featureNames, int seed)
    {
        var schema = DemandModelTrainer.Schema(featureNames.Count);
        using var file = File.OpenRead(path);
        using (var archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true))
        {
            var buckets = archive.Entries.Where(e => e.FullName.StartsWith("horizon-", StringComparison.Ordinal)).ToList();
            if (buckets.Count > 0 && buckets.Count == archive.Entries.Count)
                return new GlobalDemandModel(buckets.Select(entry => LoadPart(entry, seed)).OrderBy(p => p.FirstHorizon).ToList(), schema, featureNames);
        }
        file.Position = 0;
        var ml = new MLContext(seed);
        return new GlobalDemandModel(ml, ml.Model.Load(file, out _), schema, featureNames);
    }

    static Part LoadPart(ZipArchiveEntry entry, int seed)
    {
        // horizon-{first}-{last}.zip, last empty for the open-ended bucket.
        var range = entry.FullName["horizon-".Length..^".zip".Length].Split('-');
        using var buffer = new MemoryStream();
        using (var stream = entry.Open())
            stream.CopyTo(buffer);
        buffer.Position = 0;
        var ml = new MLContext(seed);
        return new Part(ml, ml.Model.Load(buffer, out _), int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture),
            range[1].Length == 0 ? int.MaxValue : int.Parse(range[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Row indexes per model, by each row's horizon (the first feature).</summary>
    IEnumerable<(Part Part, List<int> Rows)> RowsByPart(float[] features)
    {
        var width = FeatureNames.Count;
        var rows = _parts.Select(_ => new List<int>()).ToArray();
        for (var r = 0; r < features.Length / width; r++)
        {
            var horizon = (int)features[r * width];
            var p = 0;
            while (p < _parts.Count - 1 && horizon > _parts[p].LastHorizon)
                p++;
            rows[p].Add(r);
        }
        return _parts.Select((part, p) => (part, rows[p])).Where(x => x.Item2.Count > 0);
    }

    IDataView Load(Part part, float[] features, List<int> rows)
    {
        var width = FeatureNames.Count;
        return part.Ml.Data.LoadFromEnumerable(rows.Select(r => new FeatureRow { Features = features.AsSpan(r * width, width).ToArray() }), _schema);
    }

    sealed record Part(MLContext Ml, ITransformer Model, int FirstHorizon, int LastHorizon);
}

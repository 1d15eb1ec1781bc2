using Microsoft.ML.Trainers.FastTree;

namespace NexGen.Core.Forecasting;

/// <summary>
/// A trained tree ensemble copied into flat arrays and scored straight from a <see cref="FeatureMatrix"/> row: the same
/// sum ML.NET computes (bias + each tree's weight x its leaf value; a node goes left when the feature is at most the
/// threshold), without its per-row cursor and buffer copies, several times faster. Only for ensembles of numerical
/// splits whose score is that sum (LightGBM and FastTree regression, not Tweedie, which takes the exponential).
/// </summary>
sealed class FlatTreeEnsemble
{
    readonly int[] _roots;
    readonly double[] _weights;
    readonly double _bias;
    readonly int[] _feature;
    readonly float[] _threshold;

    /// <summary>Children as global indexes: a node index, or ~leaf index for a leaf.</summary>
    readonly int[] _left, _right;

    readonly double[] _leaves;

    FlatTreeEnsemble(TreeEnsemble<RegressionTree> ensemble)
    {
        var trees = ensemble.Trees;
        _roots = new int[trees.Count];
        _weights = [.. ensemble.TreeWeights];
        _bias = ensemble.Bias;
        var nodes = trees.Sum(t => t.NumberOfNodes);
        _feature = new int[nodes];
        _threshold = new float[nodes];
        _left = new int[nodes];
        _right = new int[nodes];
        _leaves = new double[trees.Sum(t => t.NumberOfLeaves)];
        int nodeBase = 0, leafBase = 0;
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            _roots[t] = tree.NumberOfNodes > 0 ? nodeBase : ~leafBase;
            for (var n = 0; n < tree.NumberOfNodes; n++)
            {
                _feature[nodeBase + n] = tree.NumericalSplitFeatureIndexes[n];
                _threshold[nodeBase + n] = tree.NumericalSplitThresholds[n];
                _left[nodeBase + n] = Global(tree.LeftChild[n], nodeBase, leafBase);
                _right[nodeBase + n] = Global(tree.RightChild[n], nodeBase, leafBase);
            }
            for (var l = 0; l < tree.NumberOfLeaves; l++)
                _leaves[leafBase + l] = tree.LeafValues[l];
            nodeBase += tree.NumberOfNodes;
            leafBase += tree.NumberOfLeaves;
        }
    }

    static int Global(int child, int nodeBase, int leafBase) => child >= 0 ? nodeBase + child : ~(leafBase + ~child);

    /// <summary>The flat copy of <paramref name="model"/>'s trees, or null when it cannot score them the same way.</summary>
    public static FlatTreeEnsemble? From(TreeEnsembleModelParametersBasedOnRegressionTree? model) =>
        model is null or FastTreeTweedieModelParameters || model.TrainedTreeEnsemble.Trees.Any(t => t.CategoricalSplitFlags.Any(c => c))
            ? null
            : new FlatTreeEnsemble(model.TrainedTreeEnsemble);

    public float Score(ReadOnlySpan<float> row)
    {
        var sum = _bias;
        for (var t = 0; t < _roots.Length; t++)
        {
            var node = _roots[t];
            while (node >= 0)
                node = row[_feature[node]] <= _threshold[node] ? _left[node] : _right[node];
            sum += _weights[t] * _leaves[~node];
        }
        return (float)sum;
    }
}

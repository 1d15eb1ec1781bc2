using Microsoft.ML;
using Microsoft.ML.Data;

namespace NexGen.Core.Forecasting;

/// <summary>
/// An ML.NET <see cref="IDataView"/> over rows of a <see cref="FeatureMatrix"/>: a <c>Label</c> and a <c>Features</c>
/// vector column read straight from its buffers, so training and scoring copy no per-row objects.
/// </summary>
public sealed class MatrixDataView : IDataView
{
    public const string LabelColumn = "Label";
    public const string FeaturesColumn = "Features";
    public const string WeightColumn = "Weight";

    readonly FeatureMatrix _matrix;
    readonly int[]? _rows;

    /// <param name="rows">Row indexes to expose, in order; null for every row.</param>
    public MatrixDataView(FeatureMatrix matrix, int[]? rows = null)
    {
        _matrix = matrix;
        _rows = rows;
        Schema = SchemaFor(matrix.Width);
    }

    public static DataViewSchema SchemaFor(int width)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(LabelColumn, NumberDataViewType.Single);
        builder.AddColumn(FeaturesColumn, new VectorDataViewType(NumberDataViewType.Single, width));
        builder.AddColumn(WeightColumn, NumberDataViewType.Single);
        return builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rows?.Length ?? _matrix.Count;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    sealed class Cursor(MatrixDataView view) : DataViewRowCursor
    {
        readonly long _count = view.GetRowCount()!.Value;
        long _position = -1;

        int Row => view._rows is null ? (int)_position : view._rows[_position];

        public override DataViewSchema Schema => view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override bool MoveNext() => ++_position < _count;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var matrix = view._matrix;
            if (column.Index == 0)
            {
                ValueGetter<float> label = (ref float value) => value = matrix.Labels[Row];
                return (ValueGetter<TValue>)(Delegate)label;
            }
            if (column.Index == 2)
            {
                ValueGetter<float> weight = (ref float value) => value = matrix.Weights[Row];
                return (ValueGetter<TValue>)(Delegate)weight;
            }
            ValueGetter<VBuffer<float>> features = (ref VBuffer<float> value) =>
            {
                var editor = VBufferEditor.Create(ref value, matrix.Width);
                matrix.Values.AsSpan(Row * matrix.Width, matrix.Width).CopyTo(editor.Values);
                value = editor.Commit();
            };
            return (ValueGetter<TValue>)(Delegate)features;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);
    }
}

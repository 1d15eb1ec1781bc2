namespace NexGen.Core.Catalog;

/// <summary>The series whose sales rose most and fell most against the period before, largest change first.</summary>
/// <param name="Compared">False when the sales history does not reach back over the period before: nothing was compared.</param>
public sealed record SalesMovers(IReadOnlyList<SeriesSales> Risers, IReadOnlyList<SeriesSales> Fallers, bool Compared = true);

namespace NexGen.Core.Catalog;

/// <summary>The series whose sales rose most and fell most against the period before, largest change first.</summary>
public sealed record SalesMovers(IReadOnlyList<SeriesSales> Risers, IReadOnlyList<SeriesSales> Fallers);

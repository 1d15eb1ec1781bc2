namespace NexGen.Core.Ingestion;

/// <summary>
/// Where each canonical column is in a file: its 0-based index, or -1 when the file has none. <paramref name="Excluded"/>
/// holds the indexes of columns a mapping told to ignore (never read, not even as a wide file's variables).
/// </summary>
sealed record HeaderMatch(CanonicalTable Table, int[] SourceIndex, string[] SourceName, IReadOnlyList<string> Ignored, IReadOnlySet<int> Excluded)
{
    public IReadOnlyDictionary<string, string> UsedColumns =>
        Table.Columns.Select((c, i) => (c, i)).Where(x => SourceIndex[x.i] >= 0)
            .ToDictionary(x => SourceName[x.i], x => x.c.Name);
}

/// <summary>Where column names come from: a file's header line, or the columns a SQL source's query returns.</summary>
/// <param name="Noun">How messages name the input: "the file", "the query".</param>
/// <param name="Line">The line issues about the columns are on: 1 (the header) in a file, 0 (the whole source) in a query.</param>
/// <param name="MapExample">How to map a column, with {0} the input's column and {1} the canonical one.</param>
sealed record HeaderSource(string Noun, long Line, string MapExample)
{
    public static HeaderSource File { get; } = new("the file", 1, "--map \"{0}={1}\"");
    public static HeaderSource Query { get; } = new("the query", 0, "\"Columns\": {{ \"{0}\": \"{1}\" }} in the source's settings");
}

/// <summary>
/// Matches a file's headers (or a query's column names) to a canonical table: explicit mapping first, then the canonical name, then aliases,
/// all compared ignoring case, spaces, underscores, dashes and dots. A mapping to <see cref="ColumnMapping.Ignore"/> keeps a
/// column out of the alias matching (and of a wide file's variables).
/// </summary>
static class HeaderMatcher
{
    public static string Normalize(string header)
    {
        Span<char> buffer = stackalloc char[Math.Min(header.Length, 256)];
        var length = 0;
        foreach (var c in header.AsSpan(0, Math.Min(header.Length, 256)))
            if (c is not (' ' or '_' or '-' or '.' or '\t' or '\uFEFF') && length < buffer.Length)
                buffer[length++] = char.ToLowerInvariant(c);
        return new string(buffer[..length]);
    }

    /// <summary>Matches the headers; problems go to <paramref name="log"/> as errors on the header's line.</summary>
    public static HeaderMatch Match(CanonicalTable table, IReadOnlyList<string> headers, ColumnMapping mapping, IssueLog log, HeaderSource from)
    {
        var index = Enumerable.Repeat(-1, table.Columns.Count).ToArray();
        var names = new string[table.Columns.Count];
        var normalized = headers.Select(Normalize).ToArray();

        var excluded = new HashSet<int>();
        foreach (var (source, target) in mapping.SourceToCanonical)
        {
            var ignore = string.Equals(target, ColumnMapping.Ignore, StringComparison.OrdinalIgnoreCase);
            var column = table.Columns.Select((c, i) => (c, i)).FirstOrDefault(x => x.c.Name == target);
            if (column.c is null && !ignore)
            {
                log.Error("bad_mapping", from.Line, 0, "", $"{source}={target}",
                    $"'{target}' is not a column of {table.Name}; use one of: {string.Join(", ", table.Columns.Select(c => c.Name))} (or {ColumnMapping.Ignore}).");
                continue;
            }
            var at = Array.IndexOf(normalized, Normalize(source));
            if (at < 0)
            {
                log.Error("bad_mapping", from.Line, 0, "", $"{source}={target}",
                    $"{from.Noun} has no column '{source}'; its columns are: {string.Join(", ", headers)}.");
                continue;
            }
            if (ignore)
            {
                excluded.Add(at);
                continue;
            }
            if (index[column.i] >= 0 && index[column.i] != at)
            {
                log.Error("bad_mapping", from.Line, at + 1, headers[at], $"{source}={target}",
                    $"columns {names[column.i]} and {headers[at]} are both mapped to '{target}'; map one of them.");
                continue;
            }
            index[column.i] = at;
            names[column.i] = headers[at];
        }

        var taken = index.Where(i => i >= 0).Concat(excluded).ToHashSet();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            if (index[c] >= 0)
                continue;
            var column = table.Columns[c];
            var exact = Array.IndexOf(normalized, Normalize(column.Name));
            var candidates = exact >= 0 && !taken.Contains(exact)
                ? [exact]
                : column.Aliases.Select(Normalize).Select(a => Array.IndexOf(normalized, a))
                    .Where(i => i >= 0 && !taken.Contains(i)).Distinct().ToArray();
            if (candidates.Length > 1)
            {
                var found = string.Join(", ", candidates.Select(i => headers[i]));
                log.Error("ambiguous_header", from.Line, candidates[1] + 1, headers[candidates[1]], "",
                    $"columns {found} could each be '{column.Name}'; choose one with a mapping, e.g. {string.Format(from.MapExample, headers[candidates[0]], column.Name)}.");
                continue;
            }
            if (candidates.Length == 1)
            {
                index[c] = candidates[0];
                names[c] = headers[candidates[0]];
                taken.Add(candidates[0]);
            }
        }

        // The example maps a column nothing else took ("Item No=sku", not the location's "Store=sku").
        var free = headers.Where((_, i) => !taken.Contains(i)).FirstOrDefault() ?? headers.FirstOrDefault() ?? "Column";
        foreach (var (column, c) in table.Columns.Select((column, c) => (column, c)))
        {
            if (index[c] >= 0 || !column.Required)
                continue;
            if (column.Name == CanonicalTables.Location && table.UsesDefaultLocation)
                continue;
            log.Error("missing_column", from.Line, 0, "", "",
                $"no column for '{column.Name}' (also accepted: {string.Join(", ", column.Aliases.Take(6))}); " +
                $"{from.Noun}'s columns are {string.Join(", ", headers)}. Map one, e.g. {string.Format(from.MapExample, free, column.Name)}.");
        }

        var ignored = headers.Where((_, i) => !index.Contains(i)).ToList();
        return new HeaderMatch(table, index, names, ignored, excluded);
    }
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using NexGen.Core.Ingestion;
using NexGen.Core.Store;
using NexGen.Web.Forecasts;
using NexGen.Web.Services;

namespace NexGen.Web.Components.Pages;

/// <summary>
/// The Data page: what the store holds (the sales' dates, grain, locations, SKUs and series; the rows of each table),
/// upload a file of any kind, check how it will be read in a mapping step (first rows, detected
/// format, the suggested column mapping to change per column, date order, repeated keys) before anything is
/// written, import it with progress and cancel, read the report (a rejected file changes nothing), and the import
/// history. Holds view state only: spooling, previewing and importing are <see cref="UploadImporter"/>'s (over Core's
/// <see cref="CsvPreviewer"/> and <see cref="CsvImporter"/>), the summary and the history <see cref="StoreInfoReader"/>'s.
/// </summary>
public sealed partial class Data : IDisposable
{
    const int HistoryCount = 30;
    static readonly TimeSpan ProgressRenderInterval = TimeSpan.FromMilliseconds(150);

    /// <summary>The kinds in the order a new user loads them, with the table each fills.</summary>
    static readonly (DataKind Kind, string Label, string Icon)[] Kinds =
    [
        (DataKind.Sales, "Sales", Icons.Material.Filled.ReceiptLong),
        (DataKind.Products, "Products", Icons.Material.Filled.Inventory2),
        (DataKind.Inventory, "Inventory", Icons.Material.Filled.Warehouse),
        (DataKind.Promotions, "Promotions", Icons.Material.Filled.LocalOffer),
        (DataKind.Events, "Events", Icons.Material.Filled.Event),
        (DataKind.Locations, "Locations", Icons.Material.Filled.Store),
        (DataKind.Exogenous, "Exogenous", Icons.Material.Filled.Thermostat),
    ];

    [Inject] PageAudit Audit { get; set; } = default!;
    [Inject] StoreInfoReader StoreInfo { get; set; } = default!;
    [Inject] UploadImporter Uploads { get; set; } = default!;
    [Inject] ImportNotifier Notifier { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;
    [Inject] ILogger<Data> Logger { get; set; } = default!;

    DataKind _kind = DataKind.Sales;
    StoreInfo? _info;
    string? _loadError;
    MudFileUpload<IBrowserFile>? _fileInput;
    bool _dragging;

    // The file being mapped: its server copy, the preview and the user's choices.
    SpooledUpload? _upload;
    CsvPreview? _preview;
    List<string> _choices = [];
    DateOrder _dateOrder = DateOrder.Auto;
    DuplicateKeyPolicy _duplicates;
    bool _replaceRows;
    bool _previewing;

    // Uploading or importing: progress and its cancellation.
    UploadProgress? _progress;
    string? _busyFile;
    CancellationTokenSource? _cancel;

    ImportReport? _report;
    long? _shownImportId;

    readonly CancellationTokenSource _disposed = new();
    readonly Stopwatch _sinceRender = Stopwatch.StartNew();
    int _loadVersion;

    protected override async Task OnInitializedAsync()
    {
        _duplicates = Uploads.DefaultOptions.Duplicates;
        // The prerendered page shows the layout only: the live circuit reads the store (once, not twice).
        if (!RendererInfo.IsInteractive)
            return;
        Notifier.ImportFinished += OnImportFinished;
        await LoadAsync();
    }

    /// <summary>Reads the store summary and the import history off the circuit's thread; a newer load wins.</summary>
    async Task LoadAsync()
    {
        var version = ++_loadVersion;
        try
        {
            var token = _disposed.Token;
            var info = await Task.Run(() => StoreInfo.ReadAsync(HistoryCount, token), token);
            if (version == _loadVersion)
                (_info, _loadError) = (info, null);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            // The page is gone.
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Could not read the store summary");
            if (version == _loadVersion)
                _loadError = $"Could not read the store: {e.Message}";
        }
    }

    /// <summary>Another user's (or this page's) import finished: the counts and the history change.</summary>
    void OnImportFinished() => _ = InvokeAsync(async () =>
    {
        if (_disposed.IsCancellationRequested)
            return;
        await LoadAsync();
        StateHasChanged();
    });

    bool Busy => _cancel is not null;

    async Task ChooseKindAsync(DataKind kind)
    {
        if (kind == _kind || Busy)
            return;
        _kind = kind;
        _report = null;
        _shownImportId = null;
        if (_upload is not null)
        {
            // The same file as another kind: start again from the suggested mapping.
            _choices = [];
            await PreviewAsync(suggest: true);
        }
    }

    async Task OnFileChosenAsync(InputFileChangeEventArgs args)
    {
        _dragging = false;
        if (Busy || args.FileCount != 1)
        {
            if (args.FileCount > 1)
                Snackbar.Add("Upload one file at a time.", Severity.Warning);
            return;
        }

        var file = args.File;
        Discard();
        _report = null;
        _shownImportId = null;
        _busyFile = file.Name;
        _progress = new UploadProgress(UploadStage.Uploading, 0, file.Size, 0);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
        _cancel = cancel;
        StateHasChanged();
        try
        {
            var upload = await Uploads.SpoolAsync(file, new CallbackProgress<UploadProgress>(OnProgress), cancel.Token);
            if (_disposed.IsCancellationRequested)
                upload.Dispose(); // the page closed as the copy finished: nobody will import it
            else
                _upload = upload;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            if (!_disposed.IsCancellationRequested)
                Snackbar.Add($"Upload of {file.Name} cancelled; nothing was changed.", Severity.Info);
        }
        catch (Exception e)
        {
            // Too large, the browser gone, the disk full: say why, keep the page.
            Logger.LogWarning(e, "Upload of {File} failed", file.Name);
            Snackbar.Add(e is UploadTooLargeException ? e.Message : $"Could not upload {file.Name}: {e.Message}", Severity.Error,
                options => options.RequireInteraction = true);
        }
        finally
        {
            (_cancel, _progress, _busyFile) = (null, null, null);
        }
        if (_fileInput is not null && !_disposed.IsCancellationRequested)
            await _fileInput.ClearAsync();
        if (_upload is not null)
        {
            _dateOrder = DateOrder.Auto;
            await PreviewAsync(suggest: true);
        }
    }

    /// <summary>
    /// Reads the spooled file's start with the current choices. <paramref name="suggest"/>: with no mapping, so the
    /// preview's mapping is the suggestion (aliases) and becomes the choices.
    /// </summary>
    async Task PreviewAsync(bool suggest)
    {
        if (_upload is not { } upload)
            return;
        _previewing = true;
        try
        {
            var mapping = suggest || _preview is null ? null : CsvPreview.ToMapping(_preview.Headers, _choices);
            var preview = await Uploads.PreviewAsync(upload, _kind, mapping, _dateOrder, _disposed.Token);
            if (_upload != upload)
                return;
            _preview = preview;
            if (suggest)
            {
                _choices = [.. preview.Mapping];
                // Repeats can be summed only where the table has measures (sales, inventory, exogenous).
                _duplicates = preview.CanSumDuplicates ? Uploads.DefaultOptions.Duplicates : DuplicateKeyPolicy.Reject;
            }
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            // The page is gone.
        }
        catch (Exception e)
        {
            Logger.LogWarning(e, "Could not preview {File}", upload.FileName);
            Snackbar.Add($"Could not read {upload.FileName}: {e.Message}", Severity.Error, options => options.RequireInteraction = true);
            Discard();
        }
        finally
        {
            _previewing = false;
        }
    }

    async Task ChooseColumnAsync(int column, string choice)
    {
        if (column < 0 || column >= _choices.Count || _choices[column] == choice)
            return;
        _choices[column] = choice;
        await PreviewAsync(suggest: false);
    }

    async Task ChooseDateOrderAsync(DateOrder order)
    {
        if (order == _dateOrder)
            return;
        _dateOrder = order;
        await PreviewAsync(suggest: false);
    }

    /// <summary>Imports the mapped file. A rejected or cancelled file keeps the mapping step, so it can be fixed and imported again.</summary>
    async Task ImportAsync()
    {
        if (Busy || _upload is not { } upload || _preview is not { CanImport: true } preview)
            return;
        _report = null;
        _shownImportId = null;
        _busyFile = upload.FileName;
        _progress = new UploadProgress(UploadStage.Importing, 0, upload.Size, 0);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
        _cancel = cancel;
        StateHasChanged();
        try
        {
            var options = Uploads.DefaultOptions with { DateOrder = _dateOrder, Duplicates = _duplicates, ReplaceRows = _replaceRows };
            var actor = await Audit.ActorAsync();
            var report = await Uploads.ImportAsync(upload, preview.Kind, CsvPreview.ToMapping(preview.Headers, _choices), options, actor,
                new CallbackProgress<UploadProgress>(OnProgress), cancel.Token);
            if (_disposed.IsCancellationRequested)
                return;
            _report = report;
            _shownImportId = report.ImportId;
            if (report.Status == ImportStatus.Succeeded)
            {
                Snackbar.Add(report.Message, Severity.Success);
                Discard();
            }
            else if (report.Status == ImportStatus.Cancelled)
            {
                Snackbar.Add($"Import of {upload.FileName} cancelled; nothing was changed.", Severity.Info);
            }
            await LoadAsync();
        }
        catch (Exception e) when (!_disposed.IsCancellationRequested)
        {
            // The store held by another process, ...: say why, keep the mapping so the user can try again.
            Logger.LogWarning(e, "Import of {File} failed", upload.FileName);
            Snackbar.Add($"Could not import {upload.FileName}: {e.Message}", Severity.Error, options => options.RequireInteraction = true);
        }
        finally
        {
            (_cancel, _progress, _busyFile) = (null, null, null);
        }
    }

    void OnProgress(UploadProgress progress)
    {
        _progress = progress;
        if (_sinceRender.Elapsed < ProgressRenderInterval)
            return;
        _sinceRender.Restart();
        _ = InvokeAsync(StateHasChanged);
    }

    void Cancel() => _cancel?.Cancel();

    /// <summary>Drops the file being mapped (its server copy is deleted).</summary>
    void Discard()
    {
        _upload?.Dispose();
        (_upload, _preview, _choices) = (null, null, []);
    }

    /// <summary>Shows a past import's report, as recorded in the history.</summary>
    void ShowReport(ImportAudit audit)
    {
        try
        {
            _report = ImportReports.FromAudit(audit) is { } report ? report with { ImportId = audit.Id } : null;
            _shownImportId = audit.Id;
        }
        catch (System.Text.Json.JsonException e)
        {
            Snackbar.Add($"The report of import #{audit.Id} cannot be read: {e.Message}", Severity.Warning);
        }
    }

    public void Dispose()
    {
        Notifier.ImportFinished -= OnImportFinished;
        _disposed.Cancel();
        _cancel = null;
        _upload?.Dispose();
    }

    CanonicalTable Table => CanonicalTables.For(_kind);

    long RowCount(DataKind kind) => _info?.RowCounts.GetValueOrDefault(CanonicalTables.For(kind).Name) ?? 0;

    string GrainPeriod => SalesGrain.Parse(_info?.Grain)?.Period ?? "–";

    string? GrainDetail => SalesGrain.Parse(_info?.Grain)?.Weekday is { } day ? $"weeks end on {day}" : null;

    static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";

    string KindLabel => Kinds.First(k => k.Kind == _kind).Label.ToLowerInvariant();

    /// <summary>The choices of a column's mapping: ignore, every canonical column of the table, and a wide file's variable.</summary>
    IEnumerable<(string Value, string Label)> ChoicesFor(CsvPreview preview)
    {
        yield return (ColumnMapping.Ignore, "— ignore —");
        foreach (var column in preview.Columns)
            yield return (column.Name, column.Required ? $"{column.Name} (required)" : column.Name);
        if (preview.Kind == DataKind.Exogenous)
            yield return (CsvPreview.Variable, "variable (wide file)");
    }

    /// <summary>The chosen mapping as the closed select shows it: the column's name, or "ignore".</summary>
    static string ChoiceText(string? choice) => choice switch
    {
        null or ColumnMapping.Ignore => "— ignore —",
        CsvPreview.Variable => "variable",
        _ => choice,
    };

    /// <summary>"Required: location, sku, date, quantity. Optional: price, promo." for the chosen kind.</summary>
    string ColumnsHelp
    {
        get
        {
            var required = Table.Columns.Where(c => c.Required).Select(c => c.Name).ToList();
            var optional = Table.Columns.Where(c => !c.Required).Select(c => c.Name).ToList();
            var text = $"Required: {string.Join(", ", required)}.";
            if (optional.Count > 0)
                text += $" Optional: {string.Join(", ", optional)}.";
            if (Table.UsesDefaultLocation)
                text += $" Without a location column, rows go to location '{Uploads.DefaultOptions.DefaultLocation}'.";
            if (_kind == DataKind.Exogenous)
                text += " A wide file (one column per variable beside location and date) works too.";
            return text;
        }
    }

    string ProgressText => _progress switch
    {
        { Stage: UploadStage.Uploading } p => $"Uploading {_busyFile}: {Percent(p.Fraction)} of {ByteSize.Format(p.TotalBytes)}",
        { } p => $"Importing {_busyFile} into {KindLabel}: {Count(p.Rows)} rows read ({Percent(p.Fraction)})",
        null => "",
    };

    string DropZoneClass => "d-flex align-center gap-4 pa-4 rounded-lg border-2 border-dashed " +
                            (_dragging ? "mud-border-primary" : "mud-border-lines-default");

    /// <summary>How the file is written, one fact per entry (data-fact key, label, value).</summary>
    static IEnumerable<(string Key, string Label, string Value)> Facts(CsvPreview preview)
    {
        var dialect = preview.Dialect;
        yield return ("delimiter", "Separator", dialect.DelimiterName);
        yield return ("encoding", "Encoding", dialect.Encoding + (dialect.Gzip ? ", gzip" : ""));
        yield return ("line-endings", "Line endings", dialect.LineEnding);
        yield return ("dates", "Dates", preview.DateFormat ?? "none read");
        if (preview.Kind == DataKind.Sales)
            yield return ("grain", "Grain", preview.Grain ?? "not detected");
        yield return ("rows", "Rows read", $"{Count(preview.RowsScanned)}{(preview.WholeFile ? " (whole file)" : " (first rows)")}");
    }

    static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    static string Duration(ImportAudit audit) => audit.Finished is { } end
        ? RunSummary.Format(end - audit.Started)
        : "–";

    static Color StatusColor(string status) => status switch
    {
        "succeeded" => Color.Success,
        "rejected" or "failed" => Color.Error,
        "cancelled" => Color.Default,
        _ => Color.Info,
    };
}

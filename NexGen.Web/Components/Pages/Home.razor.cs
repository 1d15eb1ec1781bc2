using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using NexGen.Core.Ingestion;
using NexGen.Core.Store;
using NexGen.Web.Services;

namespace NexGen.Web.Components.Pages;

/// <summary>
/// The home page: what the store holds, the latest forecast (<see cref="Shared.LatestRunCard"/>), the top replenishment
/// alerts (<see cref="Shared.TopAlertsCard"/>), the latest imports,
/// and the upload of a sales file. Holds view state only; reading the store and importing are Core's (through
/// <see cref="StoreInfoReader"/> and <see cref="UploadImporter"/>).
/// </summary>
public sealed partial class Home : IDisposable
{
    const int RecentImportCount = 10;
    static readonly TimeSpan ProgressRenderInterval = TimeSpan.FromMilliseconds(150);

    static readonly (string Table, string Label)[] OtherTables =
        [("products", "Products"), ("inventory", "Inventory"), ("promotions", "Promotions"), ("events", "Events"), ("locations", "Locations"), ("exogenous", "Exogenous variables")];

    [Inject] StoreInfoReader StoreInfo { get; set; } = default!;
    [Inject] UploadImporter Uploads { get; set; } = default!;
    [Inject] ImportNotifier Notifier { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;
    [Inject] ILogger<Home> Logger { get; set; } = default!;

    [Inject] PageAudit Audit { get; set; } = default!;

    MudFileUpload<IBrowserFile>? _upload;
    StoreInfo? _info;
    string? _loadError;
    ImportReport? _report;
    UploadProgress? _progress;
    string? _fileName;
    bool _busy;
    bool _dragging;
    CancellationTokenSource? _cancel;
    CancellationTokenSource? _load;
    int _loadVersion;
    readonly CancellationTokenSource _disposed = new();
    readonly Stopwatch _sinceRender = Stopwatch.StartNew();

    protected override async Task OnInitializedAsync()
    {
        Notifier.ImportFinished += OnImportFinished;
        // The prerendered page shows the layout only: the live circuit reads the store (once, not twice).
        if (RendererInfo.IsInteractive)
            await LoadAsync();
    }

    /// <summary>Reads the store summary. A newer load cancels a stale one, whose result or error is then ignored.</summary>
    async Task LoadAsync()
    {
        _load?.Cancel();
        var version = ++_loadVersion;
        using var load = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
        _load = load;
        try
        {
            // Off the circuit's thread: DuckDB's calls block.
            var info = await Task.Run(() => StoreInfo.ReadAsync(RecentImportCount, load.Token), load.Token);
            if (version == _loadVersion)
                (_info, _loadError) = (info, null);
        }
        catch (Exception e) when (version != _loadVersion || _disposed.IsCancellationRequested)
        {
            // Superseded or the page is gone: a newer load (or none) decides what is shown.
            Logger.LogDebug(e, "A stale store summary load ended");
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Could not read the store summary");
            _loadError = $"Could not read the store: {e.Message}";
        }
        finally
        {
            if (_load == load)
                _load = null;
        }
    }

    void OnImportFinished() => _ = InvokeAsync(async () =>
    {
        if (_disposed.IsCancellationRequested)
            return;
        await LoadAsync();
        StateHasChanged();
    });

    async Task OnFileSelectedAsync(InputFileChangeEventArgs args)
    {
        _dragging = false;
        if (_busy || args.FileCount != 1)
        {
            if (args.FileCount > 1)
                Snackbar.Add("Upload one sales file at a time.", Severity.Warning);
            return;
        }

        var file = args.File;
        _busy = true;
        _report = null;
        _fileName = file.Name;
        _progress = new UploadProgress(UploadStage.Uploading, 0, file.Size, 0);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
        _cancel = cancel;
        StateHasChanged();
        try
        {
            var actor = await Audit.ActorAsync();
            _report = await Uploads.ImportAsync(DataKind.Sales, file, actor, new CallbackProgress<UploadProgress>(OnProgress), cancel.Token);
            await LoadAsync();
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            if (!_disposed.IsCancellationRequested)
                Snackbar.Add($"Upload of {file.Name} cancelled; nothing was changed.", Severity.Info);
        }
        catch (Exception e)
        {
            // File too large, store locked by another process, browser gone...: say why, keep the page alive.
            Logger.LogWarning(e, "Upload of {File} failed", file.Name);
            Snackbar.Add(e is UploadTooLargeException ? e.Message : $"Could not import {file.Name}: {e.Message}", Severity.Error,
                options => options.RequireInteraction = true);
        }
        finally
        {
            _cancel = null;
            _busy = false;
            _progress = null;
        }
        if (_upload is not null && !_disposed.IsCancellationRequested)
            await _upload.ClearAsync();
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

    public void Dispose()
    {
        Notifier.ImportFinished -= OnImportFinished;
        _disposed.Cancel();
    }

    string ProgressText => _progress switch
    {
        { Stage: UploadStage.Uploading } p => $"Uploading {_fileName}: {Percent(p.Fraction)} of {ByteSize.Format(p.TotalBytes)}",
        { } p => $"Importing {_fileName}: {Count(p.Rows)} rows read ({Percent(p.Fraction)})",
        null => "",
    };

    string DropZoneClass => "d-flex align-center gap-4 pa-4 rounded-lg border-2 border-dashed " +
                            (_dragging ? "mud-border-primary" : "mud-border-lines-default");

    string GrainPeriod => SalesGrain.Parse(_info?.Grain)?.Period ?? "–";

    string? GrainDetail => SalesGrain.Parse(_info?.Grain)?.Weekday is { } day ? $"weeks end on {day}" : null;

    static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";

    static Color StatusColor(string status) => status switch
    {
        "succeeded" => Color.Success,
        "rejected" => Color.Error,
        "failed" => Color.Error,
        "cancelled" => Color.Default,
        _ => Color.Info,
    };
}

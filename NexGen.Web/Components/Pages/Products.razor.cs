using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using NexGen.Core.Catalog;
using NexGen.Core.Replenishment;
using NexGen.Web.Services;

namespace NexGen.Web.Components.Pages;

/// <summary>
/// The product list: a server-side grid over every location x SKU. Search, filters, sort and paging go to
/// <see cref="ProductCatalog"/>, which runs them in the store; the page holds the filter values only. It follows the
/// app bar's <see cref="LocationFilter"/>.
/// </summary>
public sealed partial class Products : IDisposable
{
    /// <summary>The select value for "no filter" (a select item cannot have a null value).</summary>
    const string AnyValue = "";
    const string Right = "text-align: right";
    static readonly int[] PageSizes = [25, 50, 100];
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Inject] ProductCatalog Catalog { get; set; } = default!;
    [Inject] LocationFilter Filter { get; set; } = default!;
    [Inject] NavigationManager Navigation { get; set; } = default!;
    [Inject] ISnackbar Snackbar { get; set; } = default!;
    [Inject] ILogger<Products> Logger { get; set; } = default!;

    MudDataGrid<ProductSummary>? _grid;
    IReadOnlyList<string> _categories = [];
    string _search = "";
    string _category = AnyValue;
    string _abc = AnyValue;
    string _xyz = AnyValue;
    string _alert = AnyValue;
    long? _total;
    bool _storeEmpty;
    /// <summary>Pages of rows read so far; shown as <c>data-loads</c> beside the count, so a browser can tell new rows from old.</summary>
    int _loads;
    readonly CancellationTokenSource _disposed = new();

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
            return;
        Filter.Changed += OnLocationChangedAsync;
        try
        {
            _categories = await Task.Run(() => Catalog.CategoriesAsync(_disposed.Token));
        }
        catch (Exception e) when (!_disposed.IsCancellationRequested)
        {
            Logger.LogError(e, "Could not read the categories");
            Snackbar.Add($"Could not read the product categories: {e.Message}", Severity.Error);
        }
    }

    /// <summary>The grid's data: one page from the store. The grid cancels a request when a newer one starts.</summary>
    async Task<GridData<ProductSummary>> LoadAsync(GridState<ProductSummary> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var column = sort is not null && Enum.TryParse<ProductSortColumn>(sort.SortBy, out var parsed) ? parsed : ProductSortColumn.ValueLast4Weeks;
        var query = new ProductQuery(
            Search: _search,
            Location: Filter.Location,
            Category: NullIfAny(_category),
            Abc: Enum.TryParse<AbcClass>(_abc, out var abc) ? abc : null,
            Xyz: Enum.TryParse<XyzClass>(_xyz, out var xyz) ? xyz : null,
            Alert: Enum.TryParse<AlertSeverity>(_alert, out var alert) ? alert : null,
            SortBy: column,
            Descending: sort?.Descending ?? true,
            Page: state.Page,
            PageSize: state.PageSize);
        using var load = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        try
        {
            var page = await Task.Run(() => Catalog.SearchAsync(query, load.Token), load.Token);
            _total = page.TotalCount;
            _storeEmpty = page.TotalCount == 0 && IsUnfiltered(query);
            _loads++;
            return new GridData<ProductSummary> { Items = page.Rows, TotalItems = (int)page.TotalCount };
        }
        catch (OperationCanceledException) when (load.IsCancellationRequested)
        {
            return new GridData<ProductSummary> { Items = [], TotalItems = 0 };
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Could not read the products");
            Snackbar.Add($"Could not read the products: {e.Message}", Severity.Error);
            _total = null;
            return new GridData<ProductSummary> { Items = [], TotalItems = 0 };
        }
    }

    static bool IsUnfiltered(ProductQuery query) =>
        string.IsNullOrWhiteSpace(query.Search) && query is { Location: null, Category: null, Abc: null, Xyz: null, Alert: null };

    Task OnSearchChangedAsync(string? value)
    {
        _search = value ?? "";
        return ReloadFromFirstPageAsync();
    }

    Task OnCategoryChangedAsync(string value)
    {
        _category = value;
        return ReloadFromFirstPageAsync();
    }

    Task OnAbcChangedAsync(string value)
    {
        _abc = value;
        return ReloadFromFirstPageAsync();
    }

    Task OnXyzChangedAsync(string value)
    {
        _xyz = value;
        return ReloadFromFirstPageAsync();
    }

    Task OnAlertChangedAsync(string value)
    {
        _alert = value;
        return ReloadFromFirstPageAsync();
    }

    Task OnLocationChangedAsync() => InvokeAsync(async () =>
    {
        await ReloadFromFirstPageAsync();
        StateHasChanged();
    });

    /// <summary>A filter changed: the rows the user was paging through are gone, so start again at the first page.</summary>
    async Task ReloadFromFirstPageAsync()
    {
        if (_grid is null)
            return;
        _grid.NavigateTo(Page.First);
        await _grid.ReloadServerData();
    }

    void OpenProduct(DataGridRowClickEventArgs<ProductSummary> args) => Navigation.NavigateTo(ProductHref(args.Item));

    /// <summary>The product page's address; location and SKU are escaped, since either may hold a slash or a space.</summary>
    public static string ProductHref(ProductSummary row) => ProductDetailPage.Href(row.Location, row.Sku);

    string CountText => _total switch
    {
        null => "",
        1 => "1 product",
        { } total => $"{total.ToString("N0", Invariant)} products",
    };

    /// <summary>A whole number with thousands separators; a dash when unknown (no price, no inventory, no forecast).</summary>
    static string Number(double? value) => value?.ToString("N0", Invariant) ?? "–";

    static string? NullIfAny(string value) => value == AnyValue ? null : value;

    static string TrendText(double? trend) => trend switch
    {
        null => "–",
        > 0 => "▲ " + (trend.Value * 100).ToString("0", Invariant) + " %",
        < 0 => "▼ " + (-trend.Value * 100).ToString("0", Invariant) + " %",
        _ => "0 %",
    };

    static string TrendClass(double? trend) => trend switch
    {
        > 0.005 => "mud-success-text",
        < -0.005 => "mud-error-text",
        _ => "mud-text-secondary",
    };

    static Color AbcColor(AbcClass abc) => abc switch
    {
        AbcClass.A => Color.Primary,
        AbcClass.B => Color.Info,
        _ => Color.Default,
    };

    public void Dispose()
    {
        Filter.Changed -= OnLocationChangedAsync;
        _disposed.Cancel();
    }
}

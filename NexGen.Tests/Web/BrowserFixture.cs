using Microsoft.Playwright;

namespace NexGen.Tests.Web;

/// <summary>
/// One headless Chromium for the web tests: Debian's /usr/bin/chromium driven by Playwright (no browser
/// download). Pages get a 1366x768 window, the smallest screen the app is made for.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    IPlaywright? _playwright;
    IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"The web tests need Chromium at {ChromiumPath}: apt-get install -y chromium (test.sh does it).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        Assertions.SetDefaultExpectTimeout(20_000);
    }

    /// <summary>
    /// Opens <paramref name="url"/> in a fresh 1366x768 page and waits until its Blazor circuit is live: the page's
    /// root element (<c>data-testid</c> = <paramref name="pageTestId"/>) says so. Fails if the page logged a console
    /// error, threw, or violated the content security policy (Chromium reports a violation as a console error) on
    /// its way there.
    /// </summary>
    public async Task<IPage> OpenLiveAsync(string url, string pageTestId = "home")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                lock (errors)
                    errors.Add($"console error: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
                errors.Add($"page error: {error}");
        };
        await page.GotoAsync(url);
        // The prerendered HTML says data-render="static"; only the interactive circuit renders "live".
        await Assertions.Expect(page.Locator($"[data-testid={pageTestId}]")).ToHaveAttributeAsync("data-render", "live");
        lock (errors)
            Assert.True(errors.Count == 0, $"{url} on its way to live: {string.Join("; ", errors)}");
        return page;
    }

    /// <summary>
    /// Chooses <paramref name="path"/> in the page's file input, as a user picking a file would. Blazor's InputFile
    /// only listens for a choice once its start-up script has run (after the first interactive render), so wait for
    /// the mark that script leaves on the element; a file set earlier would be ignored.
    /// </summary>
    public static async Task ChooseFileAsync(IPage page, string path)
    {
        await page.WaitForFunctionAsync("() => document.querySelector('input[type=file]')?._blazorInputFileNextFileId !== undefined");
        await page.Locator("input[type=file]").SetInputFilesAsync(path);
    }

    /// <summary>Opens a MudSelect and picks the first option showing <paramref name="option"/>, then waits for its list to close.</summary>
    public static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = option }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary><see cref="ChooseAsync(IPage, ILocator, string)"/> for the select with <c>data-testid</c> <paramref name="selectTestId"/>.</summary>
    public static Task ChooseAsync(IPage page, string selectTestId, string option) =>
        ChooseAsync(page, page.Locator($"[data-testid={selectTestId}]"), option);

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

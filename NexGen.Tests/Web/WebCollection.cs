namespace NexGen.Tests.Web;

/// <summary>The web tests share one browser and run one at a time (each starts a whole app; the machine has 2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Web";
}

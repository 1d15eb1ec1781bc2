namespace NexGen.Tests.Samples;

/// <summary>A fresh directory under the temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nexgen-samples-" + Guid.NewGuid().ToString("N"));

    public string Combine(string file) => System.IO.Path.Combine(Path, file);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

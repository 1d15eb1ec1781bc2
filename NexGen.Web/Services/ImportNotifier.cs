namespace NexGen.Web.Services;

/// <summary>
/// Tells every open page that an import finished, so a summary on one user's screen follows another user's upload.
/// Subscribers marshal to their own circuit (<c>InvokeAsync</c>) and unsubscribe when disposed.
/// </summary>
public sealed class ImportNotifier
{
    public event Action? ImportFinished;

    public void NotifyImportFinished() => ImportFinished?.Invoke();
}

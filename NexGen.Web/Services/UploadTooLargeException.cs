namespace NexGen.Web.Services;

/// <summary>An upload larger than <c>NexGen:MaxUploadBytes</c>; refused before any byte is read.</summary>
public sealed class UploadTooLargeException(string fileName, long size, long limit)
    : Exception($"{fileName} is {ByteSize.Format(size)}; uploads are limited to {ByteSize.Format(limit)} (setting NexGen:MaxUploadBytes).")
{
    public long Limit { get; } = limit;
}

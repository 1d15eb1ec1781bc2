using System.Globalization;

namespace NexGen.Web.Services;

/// <summary>Formats byte counts the way people read them: 512 MiB, 1.5 GiB, 800 bytes.</summary>
public static class ByteSize
{
    static readonly string[] Units = ["KiB", "MiB", "GiB", "TiB"];

    public static string Format(long bytes)
    {
        if (bytes < 1024)
            return bytes == 1 ? "1 byte" : $"{bytes} bytes";
        var value = (double)bytes;
        var unit = -1;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return value.ToString(value % 1 == 0 ? "0" : "0.#", CultureInfo.InvariantCulture) + " " + Units[unit];
    }
}

namespace NexGen.Core.Samples;

/// <summary>
/// One random stream per purpose, so that adding draws to one aspect (say, promotions) does not shift the numbers
/// of another (say, prices). Values are part of the output's identity: never renumber them.
/// </summary>
internal enum RandomStream : ulong
{
    Location = 1,
    Product = 2,
    Prices = 3,
    Promotions = 4,
    Series = 5,
    Stock = 6,
}

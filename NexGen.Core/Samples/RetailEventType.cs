namespace NexGen.Core.Samples;

/// <summary>The holidays and retail events of the sample calendar; each has its own effect on demand.</summary>
internal enum RetailEventType
{
    NewYearsDay,
    MartinLutherKingDay,
    SuperBowl,
    ValentinesDay,
    PresidentsDay,
    Easter,
    MothersDay,
    MemorialDay,
    Juneteenth,
    IndependenceDay,
    LaborDay,
    ColumbusDay,
    Halloween,
    VeteransDay,
    Thanksgiving,
    BlackFriday,
    ChristmasEve,
    ChristmasDay,
    NewYearsEve,
}

namespace NexGen.Cli;

static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Rejected = 2;
}

using NexGen.Core.Store;

namespace NexGen.Web.Api;

/// <summary>A registered model and whether it is the active one (the model file's path stays on the server).</summary>
public sealed record ModelResponse(long Id, DateTime Created, string Kind, DateOnly? TrainingFrom, DateOnly? TrainingTo,
    double? Wrmsse, string Hash, bool Active)
{
    public static ModelResponse From(ModelRecord model, bool active) =>
        new(model.Id, model.Created, model.Kind, model.TrainingFrom, model.TrainingTo, model.Wrmsse, model.Hash, active);
}

using Npgsql;
using Quartz;

namespace NexGen.Core.Jobs;

/// <summary>The scheduler's store: in memory for one instance, PostgreSQL with clustering for several.</summary>
public static class QuartzClustering
{
    /// <summary>
    /// With <see cref="QuartzClusterOptions.Clustered"/>, keeps jobs and triggers in PostgreSQL (tables <c>qrtz_*</c>,
    /// created when missing) and joins the cluster under a generated instance id: the database's row locks make each
    /// fire run on exactly one instance, and an instance that stops checking in has its fires recovered by another.
    /// </summary>
    /// <exception cref="InvalidOperationException">Clustered without a connection string.</exception>
    public static void UseNexGenStore(this IQuartzBuilder quartz, QuartzClusterOptions options, string? connectionString)
    {
        quartz.ConfigureScheduler(scheduler =>
        {
            scheduler.InstanceName = "nexgen";
            scheduler.GenerateInstanceId = options.Clustered;
        });
        if (!options.Clustered)
            return;
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                $"Quartz:Clustered is true but there is no connection string '{options.ConnectionStringName}': set ConnectionStrings:{options.ConnectionStringName} " +
                $"(or the environment variable {options.ConnectionStringName}) to the PostgreSQL database the instances share.");
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(NpgsqlFactory.Instance, connectionString);
            store.UseClustering(cluster =>
            {
                cluster.CheckinInterval = options.CheckinInterval;
                cluster.CheckinMisfireThreshold = options.CheckinInterval * 2;
            });
            store.ProvisionSchema();
            store.ConfigureStore(ado => ado.StoreJobDataAsStrings = true);
        });
    }
}

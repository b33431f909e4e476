using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BaoPhu.Platform.Jobs;

public static class JobRegistration
{
    /// <summary><see cref="IJobs"/> and the in-process board; safe to call more than once.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        // Loggers must resolve whatever the host set up; this adds no output of its own.
        services.AddLogging();
        services.TryAddSingleton<JobBoard>();
        services.TryAddSingleton<JobExecutor>();
        services.TryAddScoped<IJobs, JobService>();
        return services;
    }

    /// <summary>A module's handler for its kind of job, resolved in the job's own scope.</summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services)
        where THandler : class, IJobHandler
    {
        services.AddJobs();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IJobHandler, THandler>());
        return services;
    }

    /// <summary>The runner of queued jobs; the web host's alone, as the command line runs its jobs itself.</summary>
    public static IServiceCollection AddJobRunner(this IServiceCollection services)
    {
        services.AddJobs();
        services.AddHostedService<JobRunner>();
        return services;
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Platform.Jobs;

/// <summary>One row of <c>platform_job</c>. Written only by the jobs services, never inside a handler's transaction.</summary>
internal sealed class Job
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public string Kind { get; init; } = "";

    public string Title { get; init; } = "";

    public string ParametersJson { get; init; } = "{}";

    public string? IdempotencyKey { get; init; }

    public JobState State { get; set; }

    public long Done { get; set; }

    public long? Total { get; set; }

    public string? Message { get; set; }

    public bool CancelRequested { get; set; }

    public string? ResultJson { get; set; }

    public string? Error { get; set; }

    public string RequestedBy { get; init; } = "";

    /// <summary>The requester's user id (none for the command line), for the audit log of the work.</summary>
    public Guid? RequestedById { get; init; }

    public DateTime CreatedUtc { get; init; }

    public DateTime? StartedUtc { get; set; }

    public DateTime? HeartbeatUtc { get; set; }

    public DateTime? EndedUtc { get; set; }

    public JobView View() => new(
        Id, Kind, Title, State, Done, Total, Message, ResultJson, Error, RequestedBy, CreatedUtc, StartedUtc, EndedUtc, CancelRequested);

    public static void Configure(ModelBuilder builder) => builder.Entity<Job>(job =>
    {
        job.ToTable("platform_job");
        job.HasKey(j => j.Id);
        job.Property(j => j.Kind).HasMaxLength(60);
        job.Property(j => j.Title).HasMaxLength(300);
        job.Property(j => j.IdempotencyKey).HasMaxLength(200);
        job.Property(j => j.State).HasMaxLength(20)
            .HasConversion(s => s.ToString().ToLowerInvariant(), s => Enum.Parse<JobState>(s, true));
        job.Property(j => j.Message).HasMaxLength(500);
        job.Property(j => j.RequestedBy).HasMaxLength(256);
        job.HasIndex(j => j.CreatedUtc);
        job.HasIndex(j => new { j.State, j.Kind });
        // The database keeps one live job per key even when two requests race past the look-up.
        job.HasIndex(j => new { j.Kind, j.IdempotencyKey }).IsUnique()
            .HasFilter("\"idempotency_key\" IS NOT NULL AND \"state\" IN ('queued', 'running')");
    });
}

/// <summary>Parameters and results as readable JSON: camelCase, Vietnamese letters as themselves.</summary>
internal static class JobJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

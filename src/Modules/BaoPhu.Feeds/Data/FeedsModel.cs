using System.Text.Json;
using BaoPhu.Feeds.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace BaoPhu.Feeds.Data;

internal static class FeedsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<FeedIntake>(intake =>
        {
            intake.ToTable("feeds_intake");
            intake.HasKey(i => i.Id);
            intake.Property(i => i.Feed).HasMaxLength(40);
            intake.Property(i => i.Period).HasMaxLength(7);
            intake.Property(i => i.FileName).HasMaxLength(260);
            intake.Property(i => i.Mapping).HasMaxLength(100);
            intake.Property(i => i.StoredFile).HasMaxLength(1000);
            intake.Property(i => i.Outcome).HasConversion<string>().HasMaxLength(20);
            intake.Property(i => i.Encoding).HasMaxLength(20);
            intake.Property(i => i.Reason).HasMaxLength(2000);
            intake.Property(i => i.RequestedBy).HasMaxLength(256);
            intake.HasIndex(i => new { i.Feed, i.Period, i.Outcome });
        });

        builder.Entity<FeedProblem>(problem =>
        {
            problem.ToTable("feeds_problem");
            problem.HasKey(p => new { p.IntakeId, p.Number });
            problem.Property(p => p.Column).HasMaxLength(100);
            problem.Property(p => p.Value).HasMaxLength(300);
            problem.Property(p => p.Message).HasMaxLength(1000);
        });

        builder.Entity<ColumnMapping>(mapping =>
        {
            mapping.ToTable("feeds_mapping");
            mapping.HasKey(m => m.Id);
            mapping.HasIndex(m => m.Name).IsUnique();
            mapping.Property(m => m.Name).HasMaxLength(100);
            mapping.Property(m => m.Feed).HasMaxLength(40);
            mapping.Property(m => m.Agency).HasMaxLength(200);
            mapping.Property(m => m.UpdatedBy).HasMaxLength(256);
            mapping.Property(m => m.Columns)
                .HasConversion(
                    columns => JsonSerializer.Serialize(columns, JsonSerializerOptions.Default),
                    json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonSerializerOptions.Default) ?? new Dictionary<string, string>(),
                    new ValueComparer<Dictionary<string, string>>(
                        (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                        c => c.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
                        c => new Dictionary<string, string>(c, StringComparer.Ordinal)))
                .HasMaxLength(4000);
        });
    }
}

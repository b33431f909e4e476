using BaoPhu.Platform.Identifiers;
using BaoPhu.Registry.Feeds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BaoPhu.Registry.Data;

/// <summary>
/// The feeds' rows as received, one table per feed. They have no key and no index: a file is written
/// once by the engine's bulk path and removed whole when re-sent (by its intake id), and every read is
/// a set-based scan or goes through the derived tables, so an index would only slow the import
/// (docs/adr/0010).
/// </summary>
internal static class RegistryModel
{
    public static void Configure(ModelBuilder builder)
    {
        FeedTable<BusinessRecord>(builder, "registry_business", e =>
        {
            e.Property(r => r.TaxCode).HasMaxLength(14);
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(12);
            e.Property(r => r.Vsic).HasMaxLength(5);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
        });
        FeedTable<SiEmployerRecord>(builder, "registry_si_employer", e =>
        {
            e.Property(r => r.EmployerTaxCode).HasMaxLength(14);
            e.Property(r => r.SiUnitCode).HasMaxLength(20);
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
        });
        FeedTable<SiParticipation>(builder, "registry_si_participation", e =>
        {
            e.Property(r => r.Period).HasMaxLength(7);
            e.Property(r => r.SiNumber).HasMaxLength(10);
            e.Property(r => r.PersonId).HasMaxLength(12);
            e.Property(r => r.FullName).HasMaxLength(100);
            e.Property(r => r.NameKey).HasMaxLength(100);
            e.Property(r => r.Gender).HasConversion(SexCode).HasMaxLength(1);
            e.Property(r => r.Scheme).HasConversion<string>().HasMaxLength(12);
            e.Property(r => r.EmployerTaxCode).HasMaxLength(14);
        });
        FeedTable<SiContribution>(builder, "registry_si_contribution", e =>
        {
            e.Property(r => r.Period).HasMaxLength(7);
            e.Property(r => r.EmployerTaxCode).HasMaxLength(14);
        });
        FeedTable<TaxEmployee>(builder, "registry_tax_employee", e =>
        {
            e.Property(r => r.Period).HasMaxLength(7);
            e.Property(r => r.EmployerTaxCode).HasMaxLength(14);
            e.Property(r => r.PersonId).HasMaxLength(12);
            e.Property(r => r.FullName).HasMaxLength(100);
            e.Property(r => r.NameKey).HasMaxLength(100);
        });
        FeedTable<TaxPayroll>(builder, "registry_tax_payroll", e => e.Property(r => r.EmployerTaxCode).HasMaxLength(14));
        FeedTable<LabourStatistics>(builder, "registry_labour_statistics", _ => { });
        FeedTable<BenefitRecipient>(builder, "registry_benefit_recipient", e =>
        {
            e.Property(r => r.Period).HasMaxLength(7);
            e.Property(r => r.PersonId).HasMaxLength(12);
            e.Property(r => r.Benefit).HasConversion<string>().HasMaxLength(16);
        });
        ConfigureReadModels(builder);
    }

    /// <summary>The derived tables pages read: keyed and indexed, rebuilt after each commit (RegistryReadModels).</summary>
    private static void ConfigureReadModels(ModelBuilder builder)
    {
        builder.Entity<RegistryEmployer>(e =>
        {
            e.ToTable("registry_employer");
            e.HasKey(r => r.TaxCode);
            e.Property(r => r.TaxCode).HasMaxLength(14);
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.NameKey).HasMaxLength(200);
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(12);
            e.Property(r => r.Vsic).HasMaxLength(5);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
            e.Property(r => r.SiUnitCode).HasMaxLength(20);
            e.Property(r => r.SiName).HasMaxLength(200);
            e.Property(r => r.SiStatus).HasConversion<string>().HasMaxLength(12);
            e.Property(r => r.LastPeriod).HasMaxLength(7);
            e.HasIndex(r => r.NameKey);
            e.HasIndex(r => r.SiUnitCode);
            e.HasIndex(r => r.UnitId);
        });
        builder.Entity<RegistryWorker>(e =>
        {
            e.ToTable("registry_worker");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedOnAdd();
            e.Property(r => r.PersonId).HasMaxLength(12);
            e.Property(r => r.FullName).HasMaxLength(100);
            e.Property(r => r.NameKey).HasMaxLength(100);
            e.Property(r => r.Gender).HasConversion(NullableSexCode).HasMaxLength(1);
            e.Property(r => r.SiNumber).HasMaxLength(10);
            e.Property(r => r.LastPeriod).HasMaxLength(7);
            // The upsert's conflict target.
            e.HasIndex(r => r.PersonId).IsUnique();
            e.HasIndex(r => r.NameKey);
            e.HasIndex(r => r.SiNumber);
            e.HasIndex(r => r.UnitId);
        });
        builder.Entity<RegistryEmployerMonth>(e =>
        {
            e.ToTable("registry_employer_month");
            e.HasKey(r => new { r.TaxCode, r.Period });
            e.Property(r => r.TaxCode).HasMaxLength(14);
            e.Property(r => r.Period).HasMaxLength(7);
            e.HasIndex(r => r.Period);
        });
        builder.Entity<RegistryEmployment>(e =>
        {
            e.ToTable("registry_employment");
            e.HasKey(r => new { r.EmployerTaxCode, r.Period, r.PersonId });
            e.Property(r => r.EmployerTaxCode).HasMaxLength(14);
            e.Property(r => r.Period).HasMaxLength(7);
            e.Property(r => r.PersonId).HasMaxLength(12);
            e.Property(r => r.FullName).HasMaxLength(100);
            e.Property(r => r.Scheme).HasConversion<string>().HasMaxLength(12);
            e.Property(r => r.Benefit).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(r => new { r.PersonId, r.Period });
            // Covers the cross-check's walk of a month's people in order (who is taxed, who insured) without reading the rows.
            e.HasIndex(r => new { r.Period, r.PersonId, r.Scheme, r.InTax });
        });
    }

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<Sex, string> SexCode =
        new(sex => sex == Sex.Female ? "F" : "M", code => code == "F" ? Sex.Female : Sex.Male);

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<Sex?, string?> NullableSexCode =
        new(sex => sex == null ? null : sex == Sex.Female ? "F" : "M", code => code == null ? null : code == "F" ? Sex.Female : Sex.Male);

    private static void FeedTable<T>(ModelBuilder builder, string table, Action<EntityTypeBuilder<T>> configure)
        where T : class
    {
        builder.Entity<T>(entity =>
        {
            entity.ToTable(table);
            entity.HasNoKey();
            configure(entity);
        });
    }
}

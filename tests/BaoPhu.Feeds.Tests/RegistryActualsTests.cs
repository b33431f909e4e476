using System.Globalization;
using System.Text;
using BaoPhu.Feeds.Contracts;
using BaoPhu.Platform.Identifiers;
using BaoPhu.Targets.Contracts;
using BaoPhu.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Feeds.Tests;

/// <summary>Person-level lists become the communes' actuals on the coverage dashboard.</summary>
public abstract class RegistryActualsTests<TFixture>(TFixture fixture) : NationalUnitsTest<TFixture>(fixture)
    where TFixture : FeedsFixture
{
    // Xã Thọ Tiến and Xã Hợp Lý (Triệu Sơn, Thanh Hóa), before the 2025 merger.
    private const string ThoTien = "15673";
    private const string HopLy = "15676";

    private static readonly string[] Indicators = ["si.compulsory.participants", "si.voluntary.participants", "ui.participants", "pension.recipients"];

    [Fact]
    public async Task Import_OfParticipantsAndRecipients_FillsTheCommunesActuals()
    {
        var participants = new StringBuilder("period,si_number,person_id,full_name,birth_date,gender,residence_commune_code,scheme,employer_tax_code,insured_wage,has_ui\n");
        for (var n = 0; n < 7; n++)
        {
            var (id, birth, sex) = FeedFiles.Person(500 + n);
            var voluntary = n >= 5;
            participants.Append(CultureInfo.InvariantCulture,
                $"2025-04,{9_000_000_000L + n},{id},Người {n},{birth:yyyy-MM-dd},{(sex == Sex.Male ? "M" : "F")},{(n % 2 == 0 ? ThoTien : HopLy)},{(voluntary ? "voluntary" : "compulsory")},{(voluntary ? "" : FeedFiles.TaxCode(n))},6000000,{(voluntary || n == 4 ? 0 : 1)}\n");
        }

        var recipients = new StringBuilder("period,person_id,residence_commune_code,benefit\n");
        recipients.Append(CultureInfo.InvariantCulture, $"2025-04,{FeedFiles.Person(900).Id},{ThoTien},pension\n");
        recipients.Append(CultureInfo.InvariantCulture, $"2025-04,{FeedFiles.Person(901).Id},{ThoTien},social_pension\n");

        await ImportAsync("si-participants", Files.Write("si-2025-04.csv", participants.ToString()));
        await ImportAsync("benefit-recipients", Files.Write("benefits-2025-04.csv", recipients.ToString()));

        // Persons 0, 2, 4 compulsory and 6 voluntary live in Thọ Tiến; 1, 3 compulsory and 5 voluntary in Hợp Lý.
        Assert.Equal([3m, 1m, 2m, 2m], await ActualsAsync(ThoTien));
        Assert.Equal([2m, 1m, 2m, null], await ActualsAsync(HopLy));

        // A corrected file for the month replaces the counts, and a commune left out falls to nothing.
        var corrected = string.Join('\n', participants.ToString().Split('\n').Where(line => !line.Contains(HopLy, StringComparison.Ordinal)));
        await ImportAsync("si-participants", Files.Write("si-2025-04-v2.csv", corrected));

        Assert.Equal([3m, 1m, 2m, 2m], await ActualsAsync(ThoTien));
        Assert.Equal([null, null, null, null], await ActualsAsync(HopLy));
    }

    private async Task ImportAsync(string feed, string file)
    {
        var result = await Db.InScopeAsync(s => s.GetRequiredService<IFeedImports>().ImportAsync(new FeedImportRequest(feed, file), null, Token));
        Assert.Equal(FeedOutcome.Committed, result.Outcome);
    }

    private async Task<decimal?[]> ActualsAsync(string commune)
    {
        var values = await Db.InScopeAsync(s => s.GetRequiredService<ICoverageReader>()
            .ValuesAsync(commune, 2025, new DateOnly(2025, 4, 30), ValueBasis.Actual, Indicators, Token));
        return [.. Indicators.Select(i => values!.Total.Values.GetValueOrDefault(i))];
    }
}

public sealed class SqliteRegistryActualsTests(SqliteFeeds fixture) : RegistryActualsTests<SqliteFeeds>(fixture), IClassFixture<SqliteFeeds>;

public sealed class PostgresRegistryActualsTests(PostgresFeeds fixture) : RegistryActualsTests<PostgresFeeds>(fixture), IClassFixture<PostgresFeeds>;

using BaoPhu.Feeds.Contracts;
using BaoPhu.Platform.Persistence;
using BaoPhu.Registry.BrowseRegistry;
using BaoPhu.Registry.Data;
using BaoPhu.Testing;
using BaoPhu.Units.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Registry.Tests;

/// <summary>The agencies' lists, imported through the real intake, become the employers and workers the registry pages show.</summary>
public abstract class RegistryReadModelsTests<TFixture>(TFixture fixture) : NationalUnitsTest<TFixture>(fixture)
    where TFixture : NationalUnitsFixture
{
    private const string ListsAsOf = "2025-01";

    [Fact]
    public async Task Import_OfAMonthsLists_ShowsEachEmployerAcrossTheFeeds()
    {
        var month = new RegistryFeedFiles("2025-01", 100);
        await ImportMonthAsync(month);

        var builder = await QueryAsync(q => q.EmployerAsync(month.Builder, Token));
        Assert.NotNull(builder);
        Assert.Equal($"Công ty TNHH Xây dựng Đức Lượng 100", builder.Employer.Name);
        Assert.Equal(month.SiUnitCode, builder.Employer.SiUnitCode);
        Assert.Equal(new DateOnly(2016, 1, 1), builder.Employer.SiRegisteredOn);
        Assert.Equal("Xã Thọ Tiến", builder.Commune);
        Assert.Equal("2025-01", builder.Employer.LastPeriod);

        // Four declared to tax (one without a usable ID), two of them in SI: the gap the page shows.
        var row = Assert.Single(builder.Months);
        Assert.Equal((4, 2), (row.TaxEmployees, row.SiParticipants));
        Assert.Equal(20_000_000 + 19_000_000 + 18_000_000 + 7_000_000, row.GrossIncome);
        Assert.Equal(27_000_000, row.InsuredWages);
        Assert.Equal((8_000_000L, 5_000_000L), (row.ContributionsDue, row.ContributionsPaid));

        // The employee list holds those with an ID, each marked as tax and SI know them.
        Assert.Equal(
            new[] { (month.Person(0).Id, true, true), (month.Person(1).Id, true, true), (month.Person(2).Id, true, false) }.Order(),
            builder.Employees.OrderBy(e => e.PersonId).Select(e => (e.PersonId, e.InTax, e.InSi)));

        var bakery = await QueryAsync(q => q.EmployerAsync(month.Bakery, Token));
        Assert.NotNull(bakery);
        Assert.Null(bakery.Employer.SiUnitCode);
        Assert.Equal("Xã Hợp Lý", bakery.Commune);

        // A person known to tax only lives, as far as the registry knows, where the employer is;
        // SI's residence wins over it.
        var taxOnly = await QueryAsync(q => q.WorkerAsync(month.Person(2).Id, Token));
        Assert.Equal("Xã Thọ Tiến", taxOnly?.Commune);
        Assert.Null(taxOnly?.Worker.SiNumber);
        var insured = await QueryAsync(q => q.WorkerAsync(month.Person(1).Id, Token));
        Assert.Equal("Xã Hợp Lý", insured?.Commune);
        var history = Assert.Single(insured!.Months);
        Assert.Equal((month.Builder, true, 19_000_000L, 12_000_000L), (history.EmployerTaxCode, history.InTax, history.GrossIncome, history.InsuredWage));
    }

    [Fact]
    public async Task Import_OfAMonthAgain_ReplacesItsRowsWithoutDoubling()
    {
        var month = new RegistryFeedFiles("2025-02", 200);
        await ImportMonthAsync(month);
        var before = await CountsAsync(month);

        await ImportAsync("tax-employees", Files.Write("tax-again.csv", month.TaxEmployees()), month.Period);
        await ImportAsync("si-participants", Files.Write("si-again.csv", month.SiParticipants()), month.Period);
        Assert.Equal(before, await CountsAsync(month));

        // A corrected file with one employee fewer at the builder: the month drops to it.
        await ImportAsync("tax-employees", Files.Write("tax-corrected.csv", month.TaxEmployees(people: 2)), month.Period);
        var after = await CountsAsync(month);
        Assert.Equal(before.TaxEmployees - 1, after.TaxEmployees);
        Assert.Equal(before.Employments - 1, after.Employments);
    }

    [Fact]
    public async Task Search_WithoutDiacritics_FindsEmployersAndWorkersByNameAndCode()
    {
        var month = new RegistryFeedFiles("2025-03", 300);
        await ImportMonthAsync(month);

        var byName = await QueryAsync(q => q.EmployersAsync("xay dung duc luong 300", 1, 10, Token));
        Assert.Equal([month.Builder], byName.Rows.Select(r => r.TaxCode));
        var bySiCode = await QueryAsync(q => q.EmployersAsync(month.SiUnitCode, 1, 10, Token));
        Assert.Equal([month.Builder], bySiCode.Rows.Select(r => r.TaxCode));
        var byTaxCode = await QueryAsync(q => q.EmployersAsync(month.Bakery, 1, 10, Token));
        Assert.Equal([month.Bakery], byTaxCode.Rows.Select(r => r.TaxCode));

        var workers = await QueryAsync(q => q.WorkersAsync("NGUYEN van an", 1, 500, Token));
        Assert.Contains(workers.Rows, w => w.PersonId == month.Person(0).Id && w.FullName == "Nguyễn Văn An");
        Assert.DoesNotContain(workers.Rows, w => w.PersonId == month.Person(3).Id);
        var bySiNumber = await QueryAsync(q => q.WorkersAsync((9_000_000_000L + 301).ToString(System.Globalization.CultureInfo.InvariantCulture), 1, 10, Token));
        Assert.Equal([month.Person(1).Id], bySiNumber.Rows.Select(w => w.PersonId));
    }

    [Fact]
    public async Task Queries_OfACommuneUser_HideAnotherCommunesEmployersAndWorkers()
    {
        var month = new RegistryFeedFiles("2025-04", 400);
        await ImportMonthAsync(month);

        var (builder, bakery, resident, elsewhere, found) = await Db.InScopeAsync(async s =>
        {
            var thoTien = await s.GetRequiredService<IUnitDirectory>().FindAsync(RegistryFeedFiles.ThoTien, NationalUnitsFixture.ListDate, Token);
            s.GetRequiredService<UnitScope>().Restrict(await s.GetRequiredService<IUnitScopeSource>().UnitIdsCoveredByAsync(thoTien!.Id, Token));
            var queries = s.GetRequiredService<RegistryQueries>();
            return (
                await queries.EmployerAsync(month.Builder, Token),
                await queries.EmployerAsync(month.Bakery, Token),
                await queries.WorkerAsync(month.Person(0).Id, Token),
                await queries.WorkerAsync(month.Person(1).Id, Token),
                await queries.EmployersAsync("400", 1, 10, Token));
        });

        Assert.NotNull(builder);
        Assert.Null(bakery);
        Assert.NotNull(resident);
        Assert.Null(elsewhere);
        Assert.DoesNotContain(found.Rows, r => r.TaxCode == month.Bakery);
        Assert.Contains(found.Rows, r => r.TaxCode == month.Builder);
    }

    private async Task ImportMonthAsync(RegistryFeedFiles month)
    {
        // The registry lists of one as-of month for every test: each test's list replaces the one
        // before, whichever order the tests run in (an older list would be refused).
        await ImportAsync("business-registry", Files.Write($"dkkd-{month.Period}.csv", month.BusinessRegistry()), ListsAsOf);
        await ImportAsync("si-employers", Files.Write($"si-employers-{month.Period}.csv", month.SiEmployers()), ListsAsOf);
        await ImportAsync("tax-employees", Files.Write($"tax-{month.Period}.csv", month.TaxEmployees()), month.Period);
        await ImportAsync("si-participants", Files.Write($"si-{month.Period}.csv", month.SiParticipants()), month.Period);
        await ImportAsync("si-contributions", Files.Write($"contributions-{month.Period}.csv", month.SiContributions()), month.Period);
    }

    private async Task ImportAsync(string feed, string file, string period)
    {
        var result = await Db.InScopeAsync(s => s.GetRequiredService<IFeedImports>().ImportAsync(new FeedImportRequest(feed, file, period), null, Token));
        Assert.True(result.Outcome == FeedOutcome.Committed, $"{feed}: {result.Reason} {string.Join("; ", result.Problems)}");
    }

    private Task<T> QueryAsync<T>(Func<RegistryQueries, Task<T>> query) =>
        Db.InScopeAsync(s => query(s.GetRequiredService<RegistryQueries>()));

    private Task<(int TaxEmployees, int Employments, int Workers, int Employers)> CountsAsync(RegistryFeedFiles month) =>
        Db.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<BaoPhuDbContext>();
            var codes = new[] { month.Builder, month.Bakery };
            var ids = Enumerable.Range(0, 5).Select(n => month.Person(n).Id).ToList();
            return (
                await db.Set<RegistryEmployerMonth>().Where(m => codes.Contains(m.TaxCode) && m.Period == month.Period).SumAsync(m => m.TaxEmployees, Token),
                await db.Set<RegistryEmployment>().CountAsync(e => e.Period == month.Period && ids.Contains(e.PersonId), Token),
                await db.Set<RegistryWorker>().CountAsync(w => ids.Contains(w.PersonId), Token),
                await db.Set<RegistryEmployer>().CountAsync(e => codes.Contains(e.TaxCode), Token));
        });
}

public sealed class SqliteRegistryReadModelsTests(SqliteRegistry fixture) : RegistryReadModelsTests<SqliteRegistry>(fixture), IClassFixture<SqliteRegistry>;

public sealed class PostgresRegistryReadModelsTests(PostgresRegistry fixture) : RegistryReadModelsTests<PostgresRegistry>(fixture), IClassFixture<PostgresRegistry>;

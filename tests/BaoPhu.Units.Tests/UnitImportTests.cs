using BaoPhu.Platform.Auditing;
using BaoPhu.Platform.Persistence;
using BaoPhu.Testing;
using BaoPhu.Units.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Units.Tests;

/// <summary>Small hand-made files: how lists over time and bad input are handled, on each provider.</summary>
public abstract class UnitImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateOnly March = new(2025, 3, 1);
    private static readonly DateOnly May = new(2025, 5, 1);
    private readonly TempFolder files = new();
    private TestDatabase db = null!;

    public async ValueTask InitializeAsync() => db = await TestDatabase.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        if (db is not null)
        {
            await db.DisposeAsync();
        }

        files.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string UnitList(params (string Code, string Name)[] communes) => $$"""
        {"data":[{"level1_id":"98","name":"Tỉnh Thử","type":"Tỉnh","level2s":[
          {"level2_id":"981","name":"Huyện Một","type":"Huyện","level3s":[
            {{string.Join(",", communes.Select(c => $$"""{"level3_id":"{{c.Code}}","name":"{{c.Name}}","type":"Xã"}"""))}}
          ]}]}]}
        """;

    private Task<UnitImportResult> ImportListAsync(string file, DateOnly on) =>
        db.InScopeAsync(s => s.GetRequiredService<IUnitImports>().ImportUnitListAsync(file, on, CancellationToken.None));

    private Task<UnitCounts> CountAsync(DateOnly on) =>
        db.InScopeAsync(s => s.GetRequiredService<IUnitDirectory>().CountAsync(on, CancellationToken.None));

    [Fact]
    public async Task ImportList_WhenLaterListRenamesAndDropsCommunes_KeepsHistoryOnBothDates()
    {
        await ImportListAsync(files.Write("a.json", UnitList(("98001", "Xã An"), ("98002", "Xã Bình"), ("98003", "Xã Cát"))), March);

        var result = await ImportListAsync(files.Write("b.json", UnitList(("98001", "Xã An"), ("98002", "Xã Bình Minh"))), May);

        Assert.Equal(new UnitImportResult(Created: 1, Ended: 2, Unchanged: 3, 0, 0), result);
        Assert.Equal(new UnitCounts(1, 1, 3), await CountAsync(March));
        Assert.Equal(new UnitCounts(1, 1, 2), await CountAsync(May));
        var renamed = await db.InScopeAsync(s => s.GetRequiredService<IUnitDirectory>().FindAsync("98002", May, CancellationToken.None));
        var before = await db.InScopeAsync(s => s.GetRequiredService<IUnitDirectory>().FindAsync("98002", March, CancellationToken.None));
        Assert.Equal("Xã Bình Minh", renamed!.Name);
        Assert.Equal("Xã Bình", before!.Name);
    }

    [Fact]
    public async Task ImportList_WhenNamesComeDecomposed_StoresThemComposed()
    {
        var decomposed = "Xã Bình".Normalize(System.Text.NormalizationForm.FormD);
        await ImportListAsync(files.Write("nfd.json", UnitList(("98001", decomposed))), March);

        var unit = await db.InScopeAsync(s => s.GetRequiredService<IUnitDirectory>().FindAsync("98001", March, CancellationToken.None));

        Assert.Equal("Xã Bình", unit!.Name);
        Assert.True(unit.Name.IsNormalized(System.Text.NormalizationForm.FormC));
    }

    [Fact]
    public async Task ImportList_WhenJsonIsTruncated_NamesFileAndLineAndWritesNothing()
    {
        var file = files.Write("broken.json", UnitList(("98001", "Xã An"))[..80]);

        var error = await Assert.ThrowsAsync<UnitImportException>(() => ImportListAsync(file, March));

        Assert.Contains("broken.json", error.Message);
        Assert.Contains("line", error.Message);
        Assert.Equal(new UnitCounts(0, 0, 0), await CountAsync(March));
    }

    [Fact]
    public async Task ImportList_WhenCodesAreMalformedOrRepeated_ListsEveryProblemAndWritesNothing()
    {
        var file = files.Write("bad.json", UnitList(("98001", "Xã An"), ("9800", "Xã Ngắn"), ("98001", "Xã Trùng")));

        var error = await Assert.ThrowsAsync<UnitImportException>(() => ImportListAsync(file, March));

        Assert.Equal(2, error.Problems.Count);
        Assert.Equal("data[0].level2s[0].level3s[1].level3_id", error.Problems[0].Location);
        Assert.Contains("'9800'", error.Problems[0].MessageEn);
        Assert.Equal("data[0].level2s[0].level3s[2].level3_id", error.Problems[1].Location);
        Assert.Contains("appears twice", error.Problems[1].MessageEn);
        Assert.Equal(new UnitCounts(0, 0, 0), await CountAsync(March));
    }

    [Fact]
    public async Task ImportMerger_WhenOldUnitsWereNeverImported_RefusesAndWritesNothing()
    {
        var merges = files.Write("m.json", """
            {"data":[{"level1_id":"98","name":"Tỉnh Thử","merges":[{"old_id":"98","name":"Tỉnh Thử","type":"full"}],
              "level2s":[{"level2_id":"98001","name":"Xã Mới","merges":[{"old_id":"98001","name":"Xã An","type":"full"}]}]}]}
            """);
        var provinces = files.Write("p.csv", "Stt,Mã số,Tên\n1,98,Thử\n");

        var error = await Assert.ThrowsAsync<UnitImportException>(() =>
            db.InScopeAsync(s => s.GetRequiredService<IUnitImports>().ImportMergerAsync(merges, provinces, new DateOnly(2025, 7, 1), CancellationToken.None)));

        Assert.Contains("import the unit list first", error.Message);
        Assert.Equal(new UnitCounts(0, 0, 0), await CountAsync(new DateOnly(2025, 7, 1)));
    }

    [Fact]
    public async Task ImportMerger_WhenProvinceCsvHasBadCode_NamesRowAndColumn()
    {
        await ImportListAsync(files.Write("a.json", UnitList(("98001", "Xã An"))), March);
        var merges = files.Write("m.json", """{"data":[{"level1_id":"98","name":"Tỉnh Thử","merges":[{"old_id":"98","name":"Tỉnh Thử","type":"full"}],"level2s":[]}]}""");
        var provinces = files.Write("p.csv", "Stt,Mã số,Tên\n1,98,Thử\n2,9x,Sai\n");

        var error = await Assert.ThrowsAsync<UnitImportException>(() =>
            db.InScopeAsync(s => s.GetRequiredService<IUnitImports>().ImportMergerAsync(merges, provinces, new DateOnly(2025, 7, 1), CancellationToken.None)));

        Assert.Contains("p.csv", error.Message);
        Assert.Contains("row 3", error.Problems[0].Location);
        Assert.Contains("Mã số", error.Problems[0].Location);
    }

    [Fact]
    public async Task Import_OfManyUnits_LeavesOneSummaryAuditEntry()
    {
        await ImportListAsync(files.Write("a.json", UnitList(("98001", "Xã An"), ("98002", "Xã Bình"))), March);

        var entries = await db.InScopeAsync(s => s.GetRequiredService<BaoPhuDbContext>().AuditEntries.ToListAsync());

        var entry = Assert.Single(entries);
        Assert.Equal(AuditKinds.Import, entry.Kind);
        Assert.Contains("a.json", entry.Detail);
        Assert.Contains("\"Created\":4", entry.Detail);
    }
}

public sealed class SqliteUnitImportTests() : UnitImportTests(DatabaseProvider.Sqlite);

public sealed class PostgresUnitImportTests() : UnitImportTests(DatabaseProvider.Postgres);

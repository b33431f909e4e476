using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Security;
using BaoPhu.Testing;
using BaoPhu.Units.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Units.Tests;

/// <summary>Vietnam's real units, imported from ../shared/data, on each provider.</summary>
public abstract class NationalUnitsTests<TFixture>(TFixture fixture)
    where TFixture : NationalUnitsFixture
{
    private static readonly DateOnly Before = NationalUnitsFixture.ListDate;
    private static readonly DateOnly After = NationalUnitsFixture.MergerDate;

    private TestDatabase Db => fixture.Database;

    [Fact]
    public async Task Count_BeforeAndAfterMerger_MatchesTheOfficialCounts()
    {
        var before = await Db.InScopeAsync(s => s.GetRequiredService<IUnitDirectory>().CountAsync(Before, CancellationToken.None));
        var lastDayBefore = await Db.InScopeAsync(s => s.GetRequiredService<IUnitDirectory>().CountAsync(new DateOnly(2025, 6, 30), CancellationToken.None));
        var after = await Db.InScopeAsync(s => s.GetRequiredService<IUnitDirectory>().CountAsync(After, CancellationToken.None));

        Assert.Equal(new UnitCounts(63, 696, 10_047), before);
        Assert.Equal(before, lastDayBefore);
        Assert.Equal(new UnitCounts(34, 0, 3_321), after);
    }

    [Fact]
    public async Task Find_WhenCodeWasReusedAfterMerger_ResolvesTheUnitInForceOnTheDate()
    {
        var old = await Db.InScopeAsync(s => s.GetRequiredService<IUnitDirectory>().FindAsync("00008", Before, CancellationToken.None));
        var current = await Db.InScopeAsync(s => s.GetRequiredService<IUnitDirectory>().FindAsync("00008", After, CancellationToken.None));

        Assert.Equal("Phường Liễu Giai", old!.Name);
        Assert.Equal("Phường Ngọc Hà", current!.Name);
        Assert.NotEqual(old.Id, current.Id);
    }

    [Fact]
    public async Task Successors_OfCongVi_AreNgocHaAndGiangVoBothPartial()
    {
        var successors = await Db.InScopeAsync(s => s.GetRequiredService<IUnitDirectory>().SuccessorsAsync("00007", Before, CancellationToken.None));

        Assert.Equal(
            [new LineageEntry("00008", "Phường Ngọc Hà", "partial"), new LineageEntry("00025", "Phường Giảng Võ", "partial")],
            successors);
    }

    [Fact]
    public async Task Reattribute_CountOnCongVi_SplitsEquallyOntoItsSuccessors()
    {
        var congVi = await Db.InScopeAsync(s => s.GetRequiredService<IUnitDirectory>().FindAsync("00007", Before, CancellationToken.None));
        var ngocHa = await Db.InScopeAsync(s => s.GetRequiredService<IUnitDirectory>().FindAsync("00008", After, CancellationToken.None));

        var moved = await Db.InScopeAsync(s => s.GetRequiredService<IUnitLineage>()
            .ReattributeAsync(new Dictionary<Guid, decimal> { [congVi!.Id] = 1000m }, After, CancellationToken.None));

        Assert.Equal(2, moved.Counts.Count);
        Assert.Equal(500m, moved.Counts[ngocHa!.Id]);
        Assert.Equal(1000m, moved.Counts.Values.Sum());
    }

    [Fact]
    public async Task Import_SameFilesAgain_ChangesNothing()
    {
        var list = await Db.InScopeAsync(s => s.GetRequiredService<IUnitImports>().ImportUnitListAsync(SharedData.UnitList, Before, CancellationToken.None));
        var merger = await Db.InScopeAsync(s => s.GetRequiredService<IUnitImports>().ImportMergerAsync(SharedData.Merges, SharedData.Provinces, After, CancellationToken.None));
        var after = await Db.InScopeAsync(s => s.GetRequiredService<IUnitDirectory>().CountAsync(After, CancellationToken.None));

        Assert.True(list.ChangedNothing, list.ToString());
        Assert.True(merger.ChangedNothing, merger.ToString());
        Assert.Equal(10_047 + 696 + 63, list.Unchanged);
        Assert.Equal(new UnitCounts(34, 0, 3_321), after);
    }

    [Fact]
    public async Task Scope_OfMergedProvince_CoversItsOldProvincesButNoOther()
    {
        var ids = await Db.InScopeAsync(async s =>
        {
            var directory = s.GetRequiredService<IUnitDirectory>();
            var tuyenQuang = await directory.FindAsync("08", After, CancellationToken.None);
            var covered = await s.GetRequiredService<IUnitScopeSource>().UnitIdsCoveredByAsync(tuyenQuang!.Id, CancellationToken.None);
            var haGiangCommune = await directory.FindAsync("00688", Before, CancellationToken.None); // Phường Quang Trung, Hà Giang
            var haNoiCommune = await directory.FindAsync("00001", Before, CancellationToken.None);
            return (covered, haGiangCommune: haGiangCommune!, haNoiCommune: haNoiCommune!);
        });

        Assert.Contains(ids.haGiangCommune.Id, ids.covered);
        Assert.DoesNotContain(ids.haNoiCommune.Id, ids.covered);
    }

    [Fact]
    public async Task Users_WhenScopeIsRestricted_OnlyThoseWithinItAreListed()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (thanhHoaUser, haNoiUser, seen) = await Db.InScopeAsync(async s =>
        {
            var directory = s.GetRequiredService<IUnitDirectory>();
            var thanhHoa = await directory.FindAsync("38", After, CancellationToken.None);
            var trieuSon = await directory.FindAsync("397", Before, CancellationToken.None);
            var haNoi = await directory.FindAsync("01", After, CancellationToken.None);
            var admin = s.GetRequiredService<UserAdministration>();
            var inThanhHoa = await admin.CreateAsync(new NewUser("ts" + suffix, "Cán bộ Triệu Sơn", Roles.LocalGovernment, Agencies.PeoplesCommittee, trieuSon!.Id), "mat-khau-dai-1");
            var inHaNoi = await admin.CreateAsync(new NewUser("hn" + suffix, "Cán bộ Hà Nội", Roles.Coordinator, Agencies.LabourDepartment, haNoi!.Id), "mat-khau-dai-2");

            s.GetRequiredService<UnitScope>().Restrict(await s.GetRequiredService<IUnitScopeSource>().UnitIdsCoveredByAsync(thanhHoa!.Id, CancellationToken.None));
            var visible = await s.GetRequiredService<BaoPhuDbContext>().Users.Where(u => u.UserName!.EndsWith(suffix)).Select(u => u.Id).ToListAsync();
            return (inThanhHoa.Id, inHaNoi.Id, visible);
        });

        Assert.Contains(thanhHoaUser, seen);
        Assert.DoesNotContain(haNoiUser, seen);
    }
}

public sealed class SqliteNationalUnitsTests(SqliteNationalUnits fixture)
    : NationalUnitsTests<SqliteNationalUnits>(fixture), IClassFixture<SqliteNationalUnits>;

public sealed class PostgresNationalUnitsTests(PostgresNationalUnits fixture)
    : NationalUnitsTests<PostgresNationalUnits>(fixture), IClassFixture<PostgresNationalUnits>;

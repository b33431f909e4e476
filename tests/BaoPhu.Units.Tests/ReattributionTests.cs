using BaoPhu.Units.Domain;

namespace BaoPhu.Units.Tests;

public sealed class ReattributionTests
{
    private static readonly DateOnly Merger = new(2025, 7, 1);
    private static readonly Guid OldA = Guid.CreateVersion7(), OldB = Guid.CreateVersion7(), NewX = Guid.CreateVersion7(), NewY = Guid.CreateVersion7();

    private static readonly Dictionary<Guid, UnitValidity> Validity = new()
    {
        [OldA] = new(null, Merger),
        [OldB] = new(null, Merger),
        [NewX] = new(Merger, null),
        [NewY] = new(Merger, null),
    };

    // OldA went wholly into NewX; OldB was split between NewX and NewY.
    private static List<LinkShare> Links(decimal? bToX = null, decimal? bToY = null, decimal? xBackToA = null) =>
    [
        new(OldA, NewX, Merger, null, xBackToA),
        new(OldB, NewX, Merger, bToX, null),
        new(OldB, NewY, Merger, bToY, null),
    ];

    [Fact]
    public void Reattribute_WhenForwardWithDefaultShares_MovesFullCountAndSplitsPartialEqually()
    {
        var outcome = Reattribution.Reattribute(new Dictionary<Guid, decimal> { [OldA] = 100, [OldB] = 50 }, Merger, Validity, Links());

        Assert.Equal(125m, outcome.Placed[NewX]);
        Assert.Equal(25m, outcome.Placed[NewY]);
        Assert.Empty(outcome.Unplaced);
    }

    [Fact]
    public void Reattribute_WhenShareIsSet_UsesItAndGivesTheRestToTheOtherLinks()
    {
        var outcome = Reattribution.Reattribute(new Dictionary<Guid, decimal> { [OldB] = 50 }, Merger, Validity, Links(bToX: 0.8m));

        Assert.Equal(40m, outcome.Placed[NewX]);
        Assert.Equal(10m, outcome.Placed[NewY]);
    }

    [Fact]
    public void Reattribute_WhenBackward_SplitsNewCountAmongPredecessors()
    {
        var before = new DateOnly(2025, 3, 1);
        var outcome = Reattribution.Reattribute(new Dictionary<Guid, decimal> { [NewX] = 90, [NewY] = 30 }, before, Validity, Links(xBackToA: 2m / 3m));

        Assert.Equal(60m, decimal.Round(outcome.Placed[OldA], 6));
        Assert.Equal(60m, decimal.Round(outcome.Placed[OldB], 6));
        Assert.Equal(120m, decimal.Round(outcome.Placed.Values.Sum(), 6));
    }

    [Fact]
    public void Reattribute_WhenUnitStillInForce_LeavesCountWhereItIs()
    {
        var outcome = Reattribution.Reattribute(new Dictionary<Guid, decimal> { [OldA] = 7 }, new DateOnly(2025, 6, 30), Validity, Links());

        Assert.Equal(7m, outcome.Placed[OldA]);
    }

    [Fact]
    public void Reattribute_WhenEndedUnitHasNoSuccessor_ReportsCountAsUnplaced()
    {
        var orphan = Guid.CreateVersion7();
        var validity = new Dictionary<Guid, UnitValidity>(Validity) { [orphan] = new(null, Merger) };

        var outcome = Reattribution.Reattribute(new Dictionary<Guid, decimal> { [orphan] = 5 }, Merger, validity, Links());

        Assert.Equal(5m, outcome.Unplaced[orphan]);
        Assert.Empty(outcome.Placed);
    }

    [Fact]
    public void Reattribute_WhenTwoReorganisationsFollowEachOther_FollowsTheChain()
    {
        var later = new DateOnly(2030, 1, 1);
        var newest = Guid.CreateVersion7();
        var validity = new Dictionary<Guid, UnitValidity>(Validity) { [NewY] = new(Merger, later), [newest] = new(later, null) };
        var links = Links().Append(new LinkShare(NewY, newest, later, null, null)).ToList();

        var outcome = Reattribution.Reattribute(new Dictionary<Guid, decimal> { [OldB] = 50 }, later, validity, links);

        Assert.Equal(25m, outcome.Placed[newest]);
        Assert.Equal(25m, outcome.Placed[NewX]);
    }

    [Fact]
    public void Split_WhenSetSharesExceedTheWhole_Throws()
    {
        Assert.Throws<ShareException>(() => Reattribution.Split([(NewX, 0.7m), (NewY, 0.5m)]));
    }

    [Fact]
    public void Split_WhenAllSharesSetButShortOfTheWhole_Throws()
    {
        Assert.Throws<ShareException>(() => Reattribution.Split([(NewX, 0.3m), (NewY, 0.3m)]));
    }
}

namespace BaoPhu.Demo.Generation.Feeds;

/// <summary>
/// What the generator meant to plant: the problem of each employer, and the (employer, person) pairs
/// it kept out of SI or declared below the floor. A truth row outside these is an accident of the
/// background, which must have none.
/// </summary>
internal sealed class PlantedCases(FeedPeople people, FeedEmployers employers)
{
    private readonly HashSet<long> withheld = [];
    private readonly HashSet<long> belowFloor = [];
    private Dictionary<string, int>? employerByCode;
    private Dictionary<string, int>? personById;

    public FeedEmployers Employers => employers;

    public void Withheld(int employer, int person) => withheld.Add(Pair(employer, person));

    public void BelowFloor(int employer, int person) => belowFloor.Add(Pair(employer, person));

    public bool Explains(TruthRow row)
    {
        var plant = employers.Plants[row.Employer];
        return row.Kind switch
        {
            TruthKind.UnregisteredEmployer => plant == Plant.Unregistered,
            TruthKind.HeadcountGap or TruthKind.UninsuredWorker => withheld.Contains(Pair(row.Employer, row.Person)),
            TruthKind.PayrollGap => plant is Plant.Unregistered or Plant.LeavesWorkersOut or Plant.LowWages or Plant.BelowFloor,
            TruthKind.WageBelowFloor => belowFloor.Contains(Pair(row.Employer, row.Person)),
            TruthKind.LatePayment or TruthKind.Evasion => plant is Plant.Arrears or Plant.ClosedWithArrears,
            _ => plant == Plant.ClosedWithArrears,
        };
    }

    /// <summary>
    /// The same check for a row read back from <c>truth.csv</c>. A person named there by a payroll row
    /// without a usable ID may stand for any worker of the same folded name and birth date.
    /// </summary>
    public bool Explains(string kind, string employerTaxCode, string personId)
    {
        employerByCode ??= Enumerable.Range(0, employers.Count).ToDictionary(e => employers.TaxCode[e], StringComparer.Ordinal);
        personById ??= Enumerable.Range(0, people.Count).ToDictionary(people.NationalIdOf, StringComparer.Ordinal);
        var row = new TruthRow((TruthKind)Array.IndexOf(FeedOracle.KindNames, kind), employerByCode[employerTaxCode], -1, "");
        if (personId.Length == 0)
        {
            return Explains(row);
        }

        var named = personById.TryGetValue(personId, out var person) ? person : -1;
        var key = named >= 0 ? people.MatchKey(named) : personId;
        return (named >= 0 && Explains(row with { Person = named }))
            || Enumerable.Range(0, people.Workers).Any(p => people.MatchKey(p) == key && Explains(row with { Person = p }));
    }

    /// <summary>The tax codes of the employers that carry <paramref name="plant"/>.</summary>
    public IEnumerable<string> EmployersWith(Plant plant) =>
        Enumerable.Range(0, employers.Count).Where(e => employers.Plants[e] == plant).Select(e => employers.TaxCode[e]);

    private static long Pair(int employer, int person) => ((long)employer << 32) | (uint)person;
}

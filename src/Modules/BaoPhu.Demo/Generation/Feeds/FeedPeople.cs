using BaoPhu.Platform.Identifiers;
using BaoPhu.Platform.Text;

namespace BaoPhu.Demo.Generation.Feeds;

/// <summary>What a person past working age receives, if anything.</summary>
internal enum Benefit : byte
{
    None,
    Pension,
    MonthlySi,

    /// <summary>Asks for the social pension once old enough and not receiving either of the others.</summary>
    SocialPensionOnceEligible,
}

/// <summary>
/// Everyone the feeds mention, held as parallel arrays rather than objects so that a million people
/// cost tens of megabytes: the first <see cref="Workers"/> are of working age, the rest retirees.
/// Names and IDs are spelled out only when a row is written.
/// </summary>
internal sealed class FeedPeople
{
    private static readonly string[] BirthProvinces = [.. NationalId.ProvinceCodes.Order(StringComparer.Ordinal)];

    private readonly string provinceCode;

    // Folded names numbered as first met, per combination of name parts: a person's name is matched
    // by number, and spelled only for the truth.
    private readonly Dictionary<int, int> foldedNameOf = [];
    private readonly Dictionary<string, int> foldedNameNumbers = new(StringComparer.Ordinal);
    private readonly List<string> foldedNames = [];

    public FeedPeople(DemoFeedOptions options, FeedCommunes communes, Random random)
    {
        provinceCode = options.ProvinceCode;
        Workers = options.Workers;
        var retirees = Math.Max(1, options.Workers / 10);
        Count = Workers + retirees;
        OldCommune = new short[Count];
        NewCommune = new short[Count];
        Female = new bool[Count];
        BirthDay = new int[Count];
        Family = new byte[Count];
        Middle = new byte[Count];
        Given = new byte[Count];
        IdProvince = new byte[Count];
        IdSerial = new int[Count];
        WageFactor = new float[Count];
        Benefits = new Benefit[Count];

        // Most people were born in the province itself or the one next door; some moved in from anywhere.
        var home = random.Next(BirthProvinces.Length);
        var neighbour = (home + 1 + random.Next(BirthProvinces.Length - 1)) % BirthProvinces.Length;
        var residence = WeightedDraw.Cumulative(communes.ResidentWeight);
        var serials = new Dictionary<int, int>();
        var firstYear = options.FirstMonth.Year;
        for (var p = 0; p < Count; p++)
        {
            var worker = p < Workers;
            var old = WeightedDraw.Pick(residence, random);
            OldCommune[p] = (short)old;
            NewCommune[p] = (short)communes.Successor(old, random);
            var female = random.NextDouble() < (worker ? 0.49 : 0.56);
            Female[p] = female;

            // Working age: born 1965–2007, most in the 1980s and 1990s. Retirees: 60 to 90.
            var birthYear = worker
                ? 1965 + (int)((random.NextDouble() + random.NextDouble()) * 21.5)
                : firstYear - 60 - (int)(random.NextDouble() * random.NextDouble() * 31);
            var birth = new DateOnly(birthYear, 1, 1).AddDays(random.Next(DateTime.IsLeapYear(birthYear) ? 366 : 365));
            BirthDay[p] = birth.DayNumber;
            (Family[p], Middle[p], Given[p]) = PersonNames.Draw(random, female, birthYear);

            var birthProvince = random.NextDouble() switch
            {
                < 0.7 => home,
                < 0.85 => neighbour,
                _ => random.Next(BirthProvinces.Length),
            };
            IdProvince[p] = (byte)birthProvince;

            // Six digits unique among people of the same birth province, sex and year: a stride coprime
            // to a million walks through every serial before it repeats one.
            var key = (birthProvince << 16) | (birthYear << 1) | (female ? 1 : 0);
            serials.TryGetValue(key, out var taken);
            serials[key] = taken + 1;
            IdSerial[p] = (int)(((taken * 7_919L) + (long)(FeedHash.Mix((ulong)key) % 1_000_000)) % 1_000_000);

            if (worker)
            {
                // Gross pay is the regional minimum times this: log-normal, a few managers far above.
                var factor = Math.Exp(0.3 + (0.35 * Normal(random)));
                if (random.NextDouble() < 0.05)
                {
                    factor *= 2 + (2 * random.NextDouble());
                }

                WageFactor[p] = (float)Math.Max(1, factor);
            }
            else
            {
                Benefits[p] = random.NextDouble() switch
                {
                    < 0.50 => Benefit.Pension,
                    < 0.56 => Benefit.MonthlySi,
                    < 0.92 => Benefit.SocialPensionOnceEligible,
                    _ => Benefit.None,
                };
            }
        }
    }

    public int Count { get; }

    /// <summary>People 0 … Workers − 1 are of working age; the rest are retirees.</summary>
    public int Workers { get; }

    public short[] OldCommune { get; }

    /// <summary>The new commune that took the part of the old one where the person lives.</summary>
    public short[] NewCommune { get; }

    public bool[] Female { get; }

    public int[] BirthDay { get; }

    public byte[] Family { get; }

    public byte[] Middle { get; }

    public byte[] Given { get; }

    public byte[] IdProvince { get; }

    public int[] IdSerial { get; }

    public float[] WageFactor { get; }

    public Benefit[] Benefits { get; }

    public DateOnly Birth(int p) => DateOnly.FromDayNumber(BirthDay[p]);

    public string Name(int p) => PersonNames.Full(Family[p], Female[p], Middle[p], Given[p]);

    /// <summary>
    /// The person's folded name (as matching folds it, <see cref="VietnameseText.Fold"/>) and birth date,
    /// what a payroll row without a usable ID is matched on, as one number: people with the same are namesakes.
    /// </summary>
    public long MatchPair(int p) => ((long)FoldedName(p) << 32) | (uint)BirthDay[p];

    /// <summary>The folded name and birth date as matching writes them for a row it could not tie to one person.</summary>
    public string MatchKey(int p) => foldedNames[FoldedName(p)] + "|" + FeedCsvFile.Date(BirthDay[p]);

    /// <summary>For each of <paramref name="persons"/>, every worker with the same folded name and birth date (the person among them).</summary>
    public Dictionary<long, List<int>> Namesakes(IEnumerable<int> persons)
    {
        var found = persons.Select(MatchPair).Distinct().ToDictionary(pair => pair, _ => new List<int>());
        var days = found.Keys.Select(pair => (int)pair).ToHashSet();
        for (var q = 0; q < Workers; q++)
        {
            if (days.Contains(BirthDay[q]) && found.TryGetValue(MatchPair(q), out var namesakes))
            {
                namesakes.Add(q);
            }
        }

        return found;
    }

    public string NationalIdOf(int p) =>
        NationalId.Create(BirthProvinces[IdProvince[p]], Birth(p).Year, Female[p] ? Sex.Female : Sex.Male, IdSerial[p]);

    /// <summary>Ten digits: the province's two, then eight unique to the person.</summary>
    public string SiNumber(int p) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{provinceCode}{((p * 39_916_801L) + 12_345_678) % 100_000_000:D8}");

    /// <summary>The nine-digit identity card number (CMND) issued before the CCCD, which some payrolls still carry.</summary>
    public string OldIdCard(int p, int seed) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{100_000_000 + (int)(FeedHash.Unit(seed, p, 0, Salt.OldIdNumber) * 899_999_999):D9}");

    public int AgeOn(int p, DateOnly day)
    {
        var birth = Birth(p);
        var age = day.Year - birth.Year;
        return birth.AddYears(age) > day ? age - 1 : age;
    }

    private int FoldedName(int p)
    {
        var combination = (((((Family[p] * 2) + (Female[p] ? 1 : 0)) * 32) + Middle[p]) * 64) + Given[p];
        if (!foldedNameOf.TryGetValue(combination, out var number))
        {
            var folded = VietnameseText.Fold(Name(p));
            if (!foldedNameNumbers.TryGetValue(folded, out number))
            {
                number = foldedNames.Count;
                foldedNames.Add(folded);
                foldedNameNumbers[folded] = number;
            }

            foldedNameOf[combination] = number;
        }

        return number;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

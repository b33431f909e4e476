namespace BaoPhu.Demo.Generation.Feeds;

/// <summary>Draws an index in proportion to weights, through a cumulative array made once and searched per draw.</summary>
internal static class WeightedDraw
{
    public static double[] Cumulative(IReadOnlyList<double> weights)
    {
        var cumulative = new double[weights.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
        }

        return cumulative;
    }

    /// <summary>An index drawn in proportion to the weights a cumulative array was made from.</summary>
    public static int Pick(double[] cumulative, Random random)
    {
        // The first entry above the target, so an entry of weight zero is never drawn.
        var target = random.NextDouble() * cumulative[^1];
        int low = 0, high = cumulative.Length - 1;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (cumulative[middle] > target)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}

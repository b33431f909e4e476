namespace BaoPhu.Feeds.Contracts;

/// <summary>A request the intake cannot take (unknown feed, bad period, unknown mapping), with a "Vietnamese / English" message.</summary>
public sealed class FeedException(string message) : Exception(message);

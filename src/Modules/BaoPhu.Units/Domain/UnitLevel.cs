namespace BaoPhu.Units.Domain;

/// <summary>Level in the hierarchy. Codes have 2, 3 and 5 digits for the first three levels.</summary>
public enum UnitLevel
{
    Province = 1,
    District = 2,
    Commune = 3,
    Village = 4,
}

/// <summary>How much of an old unit went to a new one in a reorganisation.</summary>
public enum LinkKind
{
    /// <summary>The whole old unit went into the new one.</summary>
    Full = 1,

    /// <summary>Only part of the old unit went into the new one; counts move by a share.</summary>
    Partial = 2,
}

using BaoPhu.Platform.Persistence;
using Microsoft.AspNetCore.Identity;

namespace BaoPhu.Platform.Security;

/// <summary>A person who signs in. What they may see is bounded by <see cref="UnitId"/> and below.</summary>
public sealed class AppUser : IdentityUser<Guid>, IUnitOwned, IAudited
{
    [PersonalData]
    public string FullName { get; set; } = "";

    /// <summary>Code from <see cref="Agencies"/>.</summary>
    public string Agency { get; set; } = Agencies.LabourDepartment;

    /// <summary>The unit the user's scope starts from: that unit and all below it; null for the whole country.</summary>
    public Guid? UnitId { get; set; }

    public DateTime CreatedAt { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole()
    {
    }

    public AppRole(string name)
        : base(name)
    {
        Id = Guid.CreateVersion7();
        NormalizedName = name.ToUpperInvariant();
    }
}

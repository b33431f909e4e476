namespace BaoPhu.Platform.Security;

/// <summary>The claims the web host puts in the sign-in cookie, read by the host and by modules' pages.</summary>
public static class BaoPhuClaims
{
    /// <summary>The id of the user's scope unit; absent for a user who sees the whole country.</summary>
    public const string Unit = "baophu:unit";

    public const string Agency = "baophu:agency";

    public const string FullName = "baophu:name";
}

using BaoPhu.Platform.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Platform.Security;

public static class IdentityRegistration
{
    /// <summary>Identity for both hosts: the same password and lockout rules wherever a user is made.</summary>
    public static IdentityBuilder AddBaoPhuIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<AppUser>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<BaoPhuDbContext>();
}

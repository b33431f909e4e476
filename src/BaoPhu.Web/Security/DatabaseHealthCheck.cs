using BaoPhu.Platform.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BaoPhu.Web.Security;

internal sealed class DatabaseHealthCheck(BaoPhuDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
}

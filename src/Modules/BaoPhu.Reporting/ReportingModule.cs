using BaoPhu.Platform.Excel;
using BaoPhu.Platform.Modules;
using BaoPhu.Reporting.BuildAnnex;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Reporting;

/// <summary>Reports and annexes built from other modules' contracts; owns no tables yet.</summary>
public sealed class ReportingModule : IModule
{
    public string Name => "reporting";

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<AnnexReport>();

    public void ConfigureModel(ModelBuilder modelBuilder)
    {
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/annex/{code}.xlsx", async (AnnexReport annex, string code, int year, DateOnly? on, CancellationToken ct) =>
            {
                // The workbook is written to a temporary file: the zip writer is synchronous, which the response refuses.
                var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
                if (!await annex.WriteAsync(code, year, on, buffer, ct))
                {
                    await buffer.DisposeAsync();
                    return Results.NotFound();
                }

                buffer.Position = 0;
                return Results.File(buffer, ExcelExport.ContentType, AnnexReport.FileName(code, year));
            })
            .WithTags("Reports")
            .WithSummary("The annex (Phụ biểu) of seed 001 for a unit and year as .xlsx: targets of the unit and each child, with rates.");
    }
}

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
                await annex.DataAsync(code, year, on, ct) is { } data
                    ? ExcelExport.File(AnnexReport.FileName(code, year), buffer =>
                    {
                        AnnexWorkbook.Write(buffer, data);
                        return Task.CompletedTask;
                    })
                    : Results.NotFound())
            .WithTags("Reports")
            .WithSummary("The annex (Phụ biểu) of seed 001 for a unit and year as .xlsx: targets of the unit and each child, with rates.");
    }
}

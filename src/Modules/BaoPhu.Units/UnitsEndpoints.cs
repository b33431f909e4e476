using System.Globalization;
using BaoPhu.Platform.Excel;
using BaoPhu.Platform.Security;
using BaoPhu.Units.BrowseUnits;
using BaoPhu.Units.Contracts;
using BaoPhu.Units.Domain;
using BaoPhu.Units.SetLinkShare;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using static BaoPhu.Platform.Text.Localized;

namespace BaoPhu.Units;

/// <summary>The module's HTTP API (documented in OpenAPI), its Excel export and its form posts.</summary>
internal static class UnitsEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/units").WithTags("Units");
        api.MapGet("/", async (UnitBrowser browser, string? q, DateOnly? on, Guid? parent, CancellationToken ct) =>
                string.IsNullOrWhiteSpace(q)
                    ? await browser.ChildrenAsync(parent, on ?? browser.Today(), ct)
                    : await browser.SearchAsync(q, on ?? browser.Today(), 200, ct))
            .WithSummary("Units in force on a date: children of a parent (provinces by default), or a search ignoring diacritics.");
        api.MapGet("/count", (IUnitDirectory directory, DateOnly on, CancellationToken ct) => directory.CountAsync(on, ct))
            .WithSummary("Provinces, districts and communes in force on a date.");
        api.MapGet("/{code}", async (IUnitDirectory directory, string code, DateOnly on, CancellationToken ct) =>
                await directory.FindAsync(code, on, ct) is { } unit ? Results.Ok(unit) : Results.NotFound())
            .WithSummary("The unit with this code in force on the date.");
        api.MapGet("/{code}/lineage", async (IUnitDirectory directory, string code, DateOnly on, CancellationToken ct) =>
                await directory.SuccessorsAsync(code, on, ct) is { } successors ? Results.Ok(successors) : Results.NotFound())
            .WithSummary("The units that succeeded the unit with this code in force on the date, each link full or partial.");

        endpoints.MapGet("/units/export.xlsx", ExportAsync).ExcludeFromDescription();
        endpoints.MapGet("/units/{id:guid}/lineage.xlsx", ExportLineageAsync).ExcludeFromDescription();
        endpoints.MapPost("/units/links/{linkId:guid}/share", SetShareAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Administrator, Roles.Coordinator))
            .ExcludeFromDescription();
    }

    private static async Task<IResult> ExportAsync(UnitBrowser browser, string? q, DateOnly? on, Guid? parent, CancellationToken ct)
    {
        var date = on ?? browser.Today();
        var rows = string.IsNullOrWhiteSpace(q)
            ? await browser.ChildrenAsync(parent, date, ct)
            : await browser.SearchAsync(q, date, 10_000, ct);
        var columns = new List<ExcelColumn<UnitRow>>
        {
            new(T("Mã", "Code"), r => r.Code),
            new(T("Tên", "Name"), r => r.Name),
            new(T("Loại", "Type"), r => r.TypeName),
            new(T("Cấp", "Level"), r => UnitText.Level(r.Level)),
            new(T("Hiệu lực từ", "In force from"), r => Date(r.ValidFrom)),
            new(T("Hiệu lực đến", "In force until"), r => Date(r.ValidTo?.AddDays(-1))),
        };
        return ExcelExport.File($"don-vi-{date:yyyy-MM-dd}.xlsx", T("Đơn vị", "Units"), columns, rows);
    }

    private static async Task<IResult> ExportLineageAsync(UnitBrowser browser, Guid id, CancellationToken ct)
    {
        if (await browser.DetailAsync(id, ct) is not { } detail)
        {
            return Results.NotFound();
        }

        var rows = detail.Predecessors.Select(l => (Direction: T("Hình thành từ", "Formed from"), Link: l))
            .Concat(detail.Successors.Select(l => (Direction: T("Chuyển vào", "Went into"), Link: l)))
            .ToList();
        var columns = new List<ExcelColumn<(string Direction, LinkRow Link)>>
        {
            new(T("Quan hệ", "Relation"), r => r.Direction),
            new(T("Mã", "Code"), r => r.Link.Unit.Code),
            new(T("Tên", "Name"), r => r.Link.Unit.Name),
            new(T("Phần", "Part"), r => UnitText.Link(r.Link.Kind)),
            new(T("Ngày", "On"), r => Date(r.Link.EffectiveOn)),
            new(T("Tỷ lệ chuyển sang (%)", "Forward share (%)"), r => r.Link.ForwardShare * 100m),
            new(T("Tỷ lệ quy về (%)", "Backward share (%)"), r => r.Link.BackwardShare * 100m),
        };
        return ExcelExport.File($"lien-ket-{detail.Unit.Code}.xlsx", T("Liên kết", "Lineage"), columns, rows);
    }

    private static async Task<IResult> SetShareAsync(
        Guid linkId, [FromForm] string? forward, [FromForm] string? backward, [FromForm] Guid returnTo,
        SetLinkShareHandler handler, CancellationToken ct)
    {
        try
        {
            await handler.HandleAsync(linkId, ParsePercent(forward), ParsePercent(backward), ct);
            return Results.LocalRedirect($"/units/{returnTo}?saved=true");
        }
        catch (Exception e) when (e is ShareException or ArgumentException or InvalidOperationException or FormatException)
        {
            return Results.LocalRedirect($"/units/{returnTo}?error={Uri.EscapeDataString(e.Message)}");
        }
    }

    /// <summary>"30", "30,5" or "30.5" percent as a share; empty means the default.</summary>
    private static decimal? ParsePercent(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var percent))
        {
            throw new FormatException($"'{text}' không phải là số phần trăm / is not a percentage.");
        }

        return percent / 100m;
    }
}

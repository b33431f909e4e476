using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using BaoPhu.Platform.Excel;
using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Security;
using BaoPhu.Platform.Tabular;
using BaoPhu.Targets.AssignTargets;
using BaoPhu.Targets.Contracts;
using BaoPhu.Targets.Domain;
using BaoPhu.Targets.ShowCoverage;
using BaoPhu.Units.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using static BaoPhu.Platform.Text.Localized;

namespace BaoPhu.Targets;

/// <summary>The module's HTTP API (documented in OpenAPI), its Excel exports and its form posts.</summary>
internal static class TargetsEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/indicators", () => IndicatorCatalog.Standard.All)
            .WithTags("Coverage").WithSummary("The indicator catalogue: codes, kinds, numerators and denominators, names.");

        var coverage = endpoints.MapGroup("/api/coverage").WithTags("Coverage");
        // The queries answer null for a unit outside the user's scope, as for an unknown one.
        coverage.MapGet("/{code}", async (CoverageQueries queries, string code, int year, DateOnly? on, string? rankBy, CancellationToken ct) =>
                await queries.ViewAsync(code, year, on, rankBy, ct) is { } view ? Results.Ok(CoverageApi.From(view)) : Results.NotFound())
            .WithSummary("A unit's indicators for a year: target, actual, rate, completion, status, milestones, and its children ranked.");

        var targets = endpoints.MapGroup("/api/targets").WithTags("Targets");
        targets.MapGet("/{code}", async (TargetBoard board, CoverageQueries queries, string code, int year, DateOnly? on, CancellationToken ct) =>
                await board.SheetAsync(code, year, on ?? queries.DefaultDate(year), ct) is { } sheet ? Results.Ok(sheet) : Results.NotFound())
            .WithSummary("A unit's targets for a year with every version, its children's targets, their sum and the difference.");
        targets.MapPost("/{code}", SetAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Coordinator, Roles.LocalGovernment))
            .WithSummary("Sets or proposes targets of a unit for a year: a new draft version over an approved one.");
        targets.MapPost("/{code}/approve", ApproveAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Coordinator))
            .WithSummary("Approves the draft targets of a unit and its children for a year under a decision, locking them.");
        targets.MapPost("/import", (HttpRequest request, ICoverageImports imports, CancellationToken ct) =>
                UploadAsync(request, file => imports.ImportTargetsAsync(file, ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Coordinator))
            .DisableAntiforgery()
            .WithSummary("Imports a targets feed file (CSV or .xlsx, multipart field 'file'); all or nothing.");
        endpoints.MapPost("/api/actuals/import", (HttpRequest request, ICoverageImports imports, CancellationToken ct) =>
                UploadAsync(request, file => imports.ImportActualsAsync(file, ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Coordinator, Roles.InsuranceAgency, Roles.DataSharingAgency))
            .DisableAntiforgery()
            .WithTags("Coverage")
            .WithSummary("Imports a coverage-actuals feed file (CSV or .xlsx, multipart field 'file'); all or nothing.");

        endpoints.MapGet("/coverage/{code}/children.xlsx", ExportChildrenAsync).ExcludeFromDescription();
        endpoints.MapGet("/coverage/{code}/indicators.xlsx", ExportCardsAsync).ExcludeFromDescription();
        endpoints.MapGet("/targets/{code}/export.xlsx", ExportTargetsAsync).ExcludeFromDescription();
        endpoints.MapGet("/targets/{code}/history.xlsx", ExportHistoryAsync).ExcludeFromDescription();

        // The targets page's forms: antiforgery-checked posts that redirect back with a notice or the refusal.
        endpoints.MapPost("/targets/{code}/set", SetFromFormAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Coordinator, Roles.LocalGovernment))
            .ExcludeFromDescription();
        endpoints.MapPost("/targets/{code}/assign", AssignFromFormAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Coordinator))
            .ExcludeFromDescription();
        endpoints.MapPost("/targets/{code}/approve", ApproveFromFormAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Coordinator))
            .ExcludeFromDescription();
        endpoints.MapPost("/coverage/import/problems.xlsx", ExportProblems)
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Coordinator, Roles.InsuranceAgency, Roles.DataSharingAgency))
            .ExcludeFromDescription();
    }

    /// <summary>Form fields of the targets page: the unit's own value per indicator, a child's value for the chosen indicator.</summary>
    internal const string OwnPrefix = "v.";
    internal const string ChildPrefix = "c.";
    internal const string ApprovalPrefix = "a.";

    public sealed record SetTargetsRequest(int Year, IReadOnlyDictionary<string, decimal> Values);

    public sealed record ApproveRequest(int Year, string Number, DateOnly Date, string Body, string? Note);

    private static async Task<IResult> SetAsync(
        string code, SetTargetsRequest request, CoverageQueries queries, TargetWorkflow workflow, IUnitDirectory directory, UnitScope scope,
        HttpContext http, CancellationToken ct)
    {
        if (await InScopeAsync(directory, scope, code, queries.DefaultDate(request.Year), ct) is not { } unit)
        {
            return Results.NotFound();
        }

        var origin = OriginFor(http.User, unit);
        return await RefusedAsBadRequest(async () =>
            Results.Ok(new { changed = await workflow.SetAsync(unit.Id, request.Year, request.Values.Select(v => (v.Key, v.Value)).ToList(), origin, ct) }));
    }

    private static async Task<IResult> ApproveAsync(
        string code, ApproveRequest request, CoverageQueries queries, TargetWorkflow workflow, IUnitDirectory directory, UnitScope scope, CancellationToken ct)
    {
        if (await InScopeAsync(directory, scope, code, queries.DefaultDate(request.Year), ct) is not { } unit)
        {
            return Results.NotFound();
        }

        return await RefusedAsBadRequest(async () => Results.Ok(new
        {
            approved = await workflow.ApproveAsync(unit.Id, request.Year, new TargetDecision(request.Number, request.Date, request.Body, request.Note), ct),
        }));
    }

    private static async Task<IResult> RefusedAsBadRequest(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (TargetException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>Keeps the upload on disk (files can be large) and answers every problem with its row and column.</summary>
    internal static async Task<IResult> UploadAsync(HttpRequest request, Func<string, Task<CoverageImportResult>> import)
    {
        if (!request.HasFormContentType || (await request.ReadFormAsync()).Files.GetFile("file") is not { } upload)
        {
            return Results.Problem("Chưa chọn tệp / No file was sent (field 'file')", statusCode: StatusCodes.Status400BadRequest);
        }

        var folder = Directory.CreateTempSubdirectory("baophu-upload-");
        try
        {
            var path = Path.Combine(folder.FullName, Path.GetFileName(upload.FileName));
            await using (var stream = File.Create(path))
            {
                await upload.CopyToAsync(stream);
            }

            return Results.Ok(await import(path));
        }
        catch (TabularFileException e)
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["file"] = e.Problems.Select(p => p.ToString()).ToArray() },
                detail: e.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<IResult> ExportChildrenAsync(CoverageQueries queries, string code, int year, DateOnly? on, string? rankBy, CancellationToken ct)
    {
        if (await queries.ViewAsync(code, year, on, rankBy, ct) is not { } view)
        {
            return Results.NotFound();
        }

        var shown = view.Children.SelectMany(c => c.Values.Keys).ToHashSet();
        var indicators = IndicatorCatalog.Standard.All.Where(i => shown.Contains(i.Code)).ToList();
        var columns = new List<ExcelColumn<ChildRow>>
        {
            new(T("Hạng", "Rank"), r => r.Rank),
            new(T("Mã", "Code"), r => r.Unit.Code),
            new(T("Đơn vị", "Unit"), r => r.Unit.Name),
        };
        foreach (var indicator in indicators)
        {
            var name = indicator.Name(IsEnglish);
            columns.Add(new($"{name} — {T("chỉ tiêu", "target")}", r => CoverageText.Round(r.Values.GetValueOrDefault(indicator.Code)?.Target, indicator)));
            columns.Add(new($"{name} — {T("thực hiện", "actual")}", r => CoverageText.Round(r.Values.GetValueOrDefault(indicator.Code)?.Actual, indicator)));
            columns.Add(new($"{name} — {T("% hoàn thành", "% complete")}", r => CoverageText.Round(r.Values.GetValueOrDefault(indicator.Code)?.Progress.Completion, 1)));
            columns.Add(new($"{name} — {T("đánh giá", "status")}", r => CoverageText.Status(r.Values.GetValueOrDefault(indicator.Code)?.Progress.Status)));
        }

        return ExcelExport.File($"bao-phu-{code}-{year}-don-vi-truc-thuoc.xlsx", T("Đơn vị trực thuộc", "Subunits"), columns, view.Children);
    }

    private static async Task<IResult> ExportCardsAsync(CoverageQueries queries, string code, int year, DateOnly? on, CancellationToken ct)
    {
        if (await queries.ViewAsync(code, year, on, null, ct) is not { } view)
        {
            return Results.NotFound();
        }

        var columns = new List<ExcelColumn<IndicatorCard>>
        {
            new(T("Mã chỉ tiêu", "Indicator code"), c => c.Value.Indicator.Code),
            new(T("Chỉ tiêu", "Indicator"), c => c.Value.Indicator.Name(IsEnglish)),
            new(T("Kế hoạch", "Target"), c => CoverageText.Round(c.Value.Target, c.Value.Indicator)),
            new(T("Thực hiện", "Actual"), c => CoverageText.Round(c.Value.Actual, c.Value.Indicator)),
            new(T("Đến tháng", "As of month"), c => c.Value.Actual is null ? null : c.Value.AsOfMonth == 0 ? 12 : c.Value.AsOfMonth),
            new(T("% hoàn thành", "% complete"), c => CoverageText.Round(c.Value.Progress.Completion, 1)),
            new(T("Đánh giá", "Status"), c => CoverageText.Status(c.Value.Progress.Status)),
        };
        return ExcelExport.File($"bao-phu-{code}-{year}.xlsx", T("Chỉ tiêu", "Indicators"), columns, view.Cards);
    }

    private static async Task<IResult> ExportTargetsAsync(TargetBoard board, CoverageQueries queries, string code, int year, DateOnly? on, CancellationToken ct)
    {
        if (await board.SheetAsync(code, year, on ?? queries.DefaultDate(year), ct) is not { } sheet)
        {
            return Results.NotFound();
        }

        var columns = new List<ExcelColumn<TargetLine>>
        {
            new(T("Mã chỉ tiêu", "Indicator code"), l => l.Indicator.Code),
            new(T("Chỉ tiêu", "Indicator"), l => l.Indicator.Name(IsEnglish)),
            new(sheet.Unit.Name, l => l.Own.Value),
            new(T("Trạng thái", "State"), l => CoverageText.State(l.Own.InForce?.State)),
            new(T("Tổng các đơn vị trực thuộc", "Sum of subunits"), l => l.ChildrenSum),
            new(T("Chênh lệch", "Difference"), l => l.Difference),
        };
        columns.AddRange(sheet.Children.Select(child => new ExcelColumn<TargetLine>(child.Name, l => l.Children[child.Id].Value)));
        return ExcelExport.File($"chi-tieu-{code}-{year}.xlsx", T("Chỉ tiêu", "Targets"), columns, sheet.Lines.Where(l => l.Own.Value is not null || l.ChildrenSum is not null));
    }

    private static async Task<IResult> ExportHistoryAsync(TargetBoard board, CoverageQueries queries, string code, int year, DateOnly? on, CancellationToken ct)
    {
        if (await board.SheetAsync(code, year, on ?? queries.DefaultDate(year), ct) is not { } sheet)
        {
            return Results.NotFound();
        }

        var rows = sheet.Lines.SelectMany(l => l.Own.History.Select(v => (Line: l, Version: v))).ToList();
        var columns = new List<ExcelColumn<(TargetLine Line, TargetVersionRow Version)>>
        {
            new(T("Mã chỉ tiêu", "Indicator code"), r => r.Line.Indicator.Code),
            new(T("Chỉ tiêu", "Indicator"), r => r.Line.Indicator.Name(IsEnglish)),
            new(T("Phiên bản", "Version"), r => r.Version.Version),
            new(T("Giá trị", "Value"), r => r.Version.Value),
            new(T("Trạng thái", "State"), r => CoverageText.State(r.Version.State)),
            new(T("Nguồn", "Origin"), r => CoverageText.Origin(r.Version.Origin)),
            new(T("Người nhập", "Set by"), r => r.Version.SetBy),
            new(T("Thời điểm (giờ Việt Nam)", "Time (Vietnam)"), r => Time(r.Version.SetAt)),
            new(T("Số quyết định", "Decision number"), r => r.Version.DecisionNumber),
            new(T("Ngày quyết định", "Decision date"), r => Date(r.Version.DecisionDate)),
            new(T("Cơ quan quyết định", "Decided by"), r => r.Version.DecisionBody),
        };
        return ExcelExport.File($"lich-su-chi-tieu-{code}-{year}.xlsx", T("Lịch sử", "History"), columns, rows);
    }

    private static async Task<IResult> SetFromFormAsync(
        string code, [FromForm] int year, HttpRequest request, CoverageQueries queries, TargetWorkflow workflow, IUnitDirectory directory, UnitScope scope,
        CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        if (await InScopeAsync(directory, scope, code, queries.DefaultDate(year), ct) is not { } unit)
        {
            return Results.NotFound();
        }

        return await FromFormAsync(code, year, form, OwnPrefix, async typed =>
        {
            var values = Entered(typed.Select(t => (t.Key[OwnPrefix.Length..], TargetInput.ParseValue(t.Key[OwnPrefix.Length..], t.Value))));
            var changed = await workflow.SetAsync(unit.Id, year, values, OriginFor(request.HttpContext.User, unit), ct);
            return $"notice=set&count={changed}";
        });
    }

    private static async Task<IResult> AssignFromFormAsync(
        string code, [FromForm] int year, [FromForm] string indicator, HttpRequest request,
        CoverageQueries queries, TargetWorkflow workflow, IUnitDirectory directory, UnitScope scope, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var on = queries.DefaultDate(year);
        if (await InScopeAsync(directory, scope, code, on, ct) is not { } unit)
        {
            return Results.NotFound();
        }

        return await FromFormAsync(code, year, form, ChildPrefix, async typed =>
        {
            var children = (await directory.ChildrenAsync(unit.Id, on, ct)).ToDictionary(c => c.Code);
            var values = Entered(typed.Select(t =>
            {
                var childCode = t.Key[ChildPrefix.Length..];
                var child = children.GetValueOrDefault(childCode)
                    ?? throw new TargetException($"Không có đơn vị trực thuộc mã {childCode} / No subunit {childCode}");
                return (child.Id, indicator, TargetInput.ParseValue(indicator, t.Value));
            }));
            var changed = await workflow.SetAsync(year, values, TargetOrigin.Assigned, ct);
            return $"notice=assigned&count={changed}";
        });
    }

    private static async Task<IResult> ApproveFromFormAsync(
        string code, [FromForm] int year, HttpRequest request, CoverageQueries queries, TargetWorkflow workflow, IUnitDirectory directory, UnitScope scope,
        CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        if (await InScopeAsync(directory, scope, code, queries.DefaultDate(year), ct) is not { } unit)
        {
            return Results.NotFound();
        }

        string Field(string name) => form[ApprovalPrefix + name].ToString().Trim();
        return await FromFormAsync(code, year, form, ApprovalPrefix, async _ =>
        {
            if (!DateOnly.TryParseExact(Field("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new TargetException("Ngày quyết định không hợp lệ / The decision date is not valid");
            }

            var note = Field("note");
            var approved = await workflow.ApproveAsync(
                unit.Id, year, new TargetDecision(Field("number"), date, Field("body"), note.Length == 0 ? null : note), ct);
            return $"notice=approved&count={approved}";
        });
    }

    /// <summary>
    /// Runs a form's change and goes back to the targets page with its notice, or with the refusal and
    /// what was typed, so nothing has to be typed again.
    /// </summary>
    private static async Task<IResult> FromFormAsync(
        string code, int year, IFormCollection form, string prefix, Func<List<KeyValuePair<string, string>>, Task<string>> change)
    {
        var typed = Typed(form, prefix);
        try
        {
            return Back(code, year, form, await change(typed));
        }
        catch (TargetException e)
        {
            return Back(code, year, form, ErrorQuery(e.Message, typed));
        }
    }

    private static List<T> Entered<T>(IEnumerable<T> values)
    {
        var list = values.ToList();
        return list.Count > 0 ? list : throw new TargetException("Chưa nhập giá trị nào / No value was entered");
    }

    /// <summary>
    /// The problems of a refused upload as the import page listed them: nothing is stored of a refused
    /// file, so the page sends its list back to be written out.
    /// </summary>
    private static IResult ExportProblems([FromForm] string problems)
    {
        var rows = JsonSerializer.Deserialize<List<TabularProblem>>(problems) ?? [];
        var columns = new List<ExcelColumn<TabularProblem>>
        {
            new(T("Tệp", "File"), p => p.File),
            new(T("Dòng", "Row"), p => p.Row),
            new(T("Cột", "Column"), p => p.Column),
            new(T("Giá trị", "Value"), p => p.Value),
            new(T("Vấn đề", "Problem"), p => p.Message),
        };
        return ExcelExport.File("van-de-tep-nhap.xlsx", T("Vấn đề", "Problems"), columns, rows);
    }

    /// <summary>The unit with this code on the date, when the user's scope covers it; otherwise it is as if there were none.</summary>
    private static async Task<UnitRef?> InScopeAsync(IUnitDirectory directory, UnitScope scope, string code, DateOnly on, CancellationToken ct) =>
        await directory.FindAsync(code, on, ct) is { } unit && scope.Contains(unit.Id) ? unit : null;

    /// <summary>A local government entering its own unit's numbers proposes them; anyone above assigns.</summary>
    private static TargetOrigin OriginFor(ClaimsPrincipal user, UnitRef unit) =>
        user.IsInRole(Roles.LocalGovernment) && !user.IsInRole(Roles.Coordinator) && !user.IsInRole(Roles.Administrator)
        && PageUnits.ScopeUnitId(user) == unit.Id
            ? TargetOrigin.Proposed
            : TargetOrigin.Assigned;

    private static List<KeyValuePair<string, string>> Typed(IFormCollection form, string prefix) =>
        form.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(f.Value.ToString()))
            .Select(f => KeyValuePair.Create(f.Key, f.Value.ToString().Trim()))
            .ToList();

    /// <summary>The refusal and what was typed go back in the address, so the page shows both and nothing has to be typed again.</summary>
    private static string ErrorQuery(string message, IEnumerable<KeyValuePair<string, string>> typed) =>
        "error=" + Uri.EscapeDataString(message) + string.Concat(typed.Select(t => $"&{Uri.EscapeDataString(t.Key)}={Uri.EscapeDataString(t.Value)}"));

    private static IResult Back(string code, int year, IFormCollection form, string query)
    {
        var indicator = form["indicator"].ToString();
        return Results.LocalRedirect(
            $"/targets?unit={Uri.EscapeDataString(code)}&year={year}" +
            (indicator.Length > 0 ? "&indicator=" + Uri.EscapeDataString(indicator) : "") +
            "&" + query);
    }
}

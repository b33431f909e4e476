using BaoPhu.Feeds.Contracts;
using BaoPhu.Feeds.Domain;
using BaoPhu.Feeds.ImportFeed;
using BaoPhu.Platform.Excel;
using BaoPhu.Platform.Jobs;
using BaoPhu.Platform.Text;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Feeds.BrowseIntakes;

/// <summary>The files received, for the intake pages and their Excel exports.</summary>
internal sealed class IntakeQueries(
    Platform.Persistence.BaoPhuDbContext db, IJobs jobs, IEnumerable<FeedDefinition> definitions, Platform.Auditing.IActor actor, TimeProvider clock)
{
    /// <summary>Problems shown on the page; the error report has all that were kept.</summary>
    public const int ShownProblems = 200;

    public Task<List<FeedIntake>> RecentAsync(int count, CancellationToken cancellationToken) =>
        db.Set<FeedIntake>().OrderByDescending(i => i.StartedUtc).Take(count).ToListAsync(cancellationToken);

    public Task<FeedIntake?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<FeedIntake>().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    public Task<List<FeedProblem>> ProblemsAsync(Guid intakeId, int? count, CancellationToken cancellationToken)
    {
        var query = db.Set<FeedProblem>().Where(p => p.IntakeId == intakeId).OrderBy(p => p.Number);
        return (count is { } n ? query.Take(n) : query).ToListAsync(cancellationToken);
    }

    public Task<List<ColumnMapping>> MappingsAsync(CancellationToken cancellationToken) =>
        db.Set<ColumnMapping>().OrderBy(m => m.Feed).ThenBy(m => m.Name).ToListAsync(cancellationToken);

    /// <summary>
    /// Saves (creates or replaces) a column mapping: for each canonical column of the feed, the header
    /// the agency uses. Throws <see cref="FeedException"/> naming what is wrong.
    /// </summary>
    public async Task<ColumnMapping> SaveMappingAsync(
        string name, string feed, string agency, IReadOnlyDictionary<string, string> columns, CancellationToken cancellationToken)
    {
        name = VietnameseText.Clean(name ?? "");
        agency = VietnameseText.Clean(agency ?? "");
        var definition = definitions.FirstOrDefault(d => d.Name == feed)
            ?? throw new FeedException($"Không có loại dữ liệu '{feed}' / There is no feed '{feed}'");
        if (name.Length is 0 or > 100 || agency.Length is 0 or > 200)
        {
            throw new FeedException("Cần tên bảng ánh xạ (tối đa 100 ký tự) và tên cơ quan gửi / A mapping needs a name (up to 100 characters) and the sending agency");
        }

        var unknown = columns.Keys.Where(c => definition.Columns.All(d => d.Name != c)).ToList();
        if (unknown.Count > 0)
        {
            throw new FeedException(
                $"'{feed}' không có cột {string.Join(", ", unknown)} / '{feed}' has no column {string.Join(", ", unknown)}");
        }

        var kept = columns.Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .ToDictionary(c => c.Key, c => VietnameseText.Clean(c.Value), StringComparer.Ordinal);
        var repeated = kept.GroupBy(c => c.Value.ToLowerInvariant()).Where(g => g.Count() > 1).Select(g => g.First().Value).ToList();
        if (kept.Count == 0 || repeated.Count > 0)
        {
            throw new FeedException(repeated.Count > 0
                ? $"Một tiêu đề chỉ dùng cho một cột: {string.Join(", ", repeated)} / A header can stand for one column only: {string.Join(", ", repeated)}"
                : "Hãy ghi tiêu đề của ít nhất một cột / Give the header of at least one column");
        }

        var at = clock.GetUtcNow().UtcDateTime;
        var mapping = await db.Set<ColumnMapping>().SingleOrDefaultAsync(m => m.Name == name, cancellationToken);
        if (mapping is null)
        {
            mapping = ColumnMapping.Create(name, feed, agency, kept, actor.Name, at);
            db.Add(mapping);
        }
        else if (mapping.Feed != feed)
        {
            throw new FeedException(
                $"Tên '{name}' đã dùng cho bảng ánh xạ của '{mapping.Feed}' / The name '{name}' is taken by a mapping of '{mapping.Feed}'");
        }
        else
        {
            mapping.Update(agency, kept, actor.Name, at);
        }

        await db.SaveChangesAsync(cancellationToken);
        return mapping;
    }

    /// <summary>Queues the import of a file kept after its dry run, as it was checked; null when the file is gone.</summary>
    public async Task<JobView?> CommitAsync(FeedIntake intake, CancellationToken cancellationToken)
    {
        if (intake.Outcome != FeedOutcome.DryRun || intake.StoredFile is not { } file || !File.Exists(file))
        {
            return null;
        }

        var request = new FeedImportRequest(intake.Feed, file, intake.Period.Length == 0 ? null : intake.Period, DryRun: false, intake.Mapping, intake.FileName);
        var job = await jobs.EnqueueAsync(FeedImportJob.JobKind, Title(request), request, file, cancellationToken);
        intake.ForgetFile();
        await db.SaveChangesAsync(cancellationToken);
        return job;
    }

    public static string Title(FeedImportRequest request) =>
        (request.DryRun ? "Kiểm tra thử / Dry run: " : "Nhập / Import: ") + request.Feed + " · " + request.DisplayName;

    /// <summary>The error report: every kept problem, personal values masked (the row number finds them in the sender's file).</summary>
    public static Microsoft.AspNetCore.Http.IResult ProblemsWorkbook(FeedIntake intake, IReadOnlyList<FeedProblem> problems) => ExcelExport.File(
        $"loi-{intake.Feed}-{intake.Period}-{intake.Id.ToString()[..8]}.xlsx",
        Localized.T("Lỗi", "Problems"),
        new ExcelColumn<FeedProblem>[]
        {
            new(Localized.T("Tệp", "File"), _ => intake.FileName),
            new(Localized.T("Dòng", "Row"), p => p.Row),
            new(Localized.T("Cột", "Column"), p => p.Column),
            new(Localized.T("Giá trị", "Value"), p => PersonalData.Shown(p.Column, p.Value)),
            new(Localized.T("Mức", "Severity"), p => p.IsWarning ? Localized.T("Cảnh báo (đã nhập)", "Warning (imported)") : Localized.T("Lỗi (không nhập)", "Error (not imported)")),
            new(Localized.T("Vấn đề", "Problem"), p => p.Message),
        },
        problems);

    public static Microsoft.AspNetCore.Http.IResult IntakesWorkbook(IReadOnlyList<FeedIntake> intakes) => ExcelExport.File(
        "tep-da-nhan.xlsx",
        Localized.T("Tệp đã nhận", "Files received"),
        new ExcelColumn<FeedIntake>[]
        {
            new(Localized.T("Thời điểm", "When"), i => Localized.Time(i.StartedUtc)),
            new(Localized.T("Loại dữ liệu", "Feed"), i => i.Feed),
            new(Localized.T("Kỳ", "Period"), i => i.Period),
            new(Localized.T("Tệp", "File"), i => i.FileName),
            new(Localized.T("Kết quả", "Outcome"), i => IntakeText.Outcome(i)),
            new(Localized.T("Số dòng", "Rows"), i => i.Rows),
            new(Localized.T("Đã nhập", "Imported"), i => i.Imported),
            new(Localized.T("Lỗi", "Rejected"), i => i.Rejected),
            new(Localized.T("Thay thế", "Replaced"), i => i.Replaced),
            new(Localized.T("Người gửi", "By"), i => i.RequestedBy),
            new(Localized.T("Lý do", "Reason"), i => i.Reason),
        },
        intakes);
}

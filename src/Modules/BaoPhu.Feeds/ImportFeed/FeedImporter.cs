using System.Globalization;
using BaoPhu.Feeds.Contracts;
using BaoPhu.Feeds.Domain;
using BaoPhu.Platform.Auditing;
using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Tabular;
using BaoPhu.Platform.Time;
using BaoPhu.Targets.Contracts;
using BaoPhu.Units.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaoPhu.Feeds.ImportFeed;

/// <summary>
/// The intake of every feed: reads the file as a stream, checks each row, writes the good ones by the
/// engine's bulk path into the feed's table inside one transaction (the staging), settles duplicate
/// keys, then either rolls back (a dry run, or a file with too many bad rows) or deletes the rows of
/// the file it replaces and commits. A crash or a cancel at any point leaves nothing behind, since
/// nothing is committed before the end. Every attempt is recorded as a <see cref="FeedIntake"/>.
/// </summary>
internal sealed partial class FeedImporter : IFeedImports
{
    /// <summary>Rows read between two progress reports and cancellation checks.</summary>
    private const int ReportEvery = 16_384;

    /// <summary>Problems returned with the result for display; all kept ones go to the error report.</summary>
    private const int ShownProblems = 20;

    private static readonly string[] CoverageFeeds = ["targets", "coverage-actuals"];

    // Fields rather than primary-constructor parameters: the typed run below reads them.
    private readonly BaoPhuDbContext db;
    private readonly DatabaseOptions database;
    private readonly IEnumerable<FeedDefinition> definitions;
    private readonly IUnitDirectory units;
    private readonly ICoverageImports coverage;
    private readonly IEnumerable<IFeedCommitted> refreshers;
    private readonly IOptions<FeedSettings> settings;
    private readonly AuditLog audit;
    private readonly AuditBatch auditBatch;
    private readonly IActor actor;
    private readonly TimeProvider clock;
    private readonly ILogger<FeedImporter> log;

    public FeedImporter(
        BaoPhuDbContext db,
        DatabaseOptions database,
        IEnumerable<FeedDefinition> definitions,
        IUnitDirectory units,
        ICoverageImports coverage,
        IEnumerable<IFeedCommitted> refreshers,
        IOptions<FeedSettings> settings,
        AuditLog audit,
        AuditBatch auditBatch,
        IActor actor,
        TimeProvider clock,
        ILogger<FeedImporter> log)
    {
        this.db = db;
        this.database = database;
        this.definitions = definitions;
        this.units = units;
        this.coverage = coverage;
        this.refreshers = refreshers;
        this.settings = settings;
        this.audit = audit;
        this.auditBatch = auditBatch;
        this.actor = actor;
        this.clock = clock;
        this.log = log;
    }

    public IReadOnlyList<string> Feeds => [.. definitions.Select(d => d.Name), .. CoverageFeeds];

    public async Task<FeedImportResult> ImportAsync(FeedImportRequest request, IProgress<FeedProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var displayName = request.DisplayName ?? Path.GetFileName(request.File);
        var started = clock.GetUtcNow().UtcDateTime;
        var definition = definitions.FirstOrDefault(d => d.Name == request.Feed);
        if (definition is null)
        {
            return CoverageFeeds.Contains(request.Feed)
                ? await ImportCoverageAsync(request, displayName, started, cancellationToken)
                : throw new FeedException(
                    $"Không có loại dữ liệu '{request.Feed}'; các loại: {string.Join(", ", Feeds)} / There is no feed '{request.Feed}'; the feeds are: {string.Join(", ", Feeds)}");
        }

        var period = CheckPeriod(definition, request.Period);
        var mapping = await FindMappingAsync(request, cancellationToken);
        FeedImportResult result;
        try
        {
            result = await definition.DispatchAsync(new Run(this, request, displayName, period, mapping, started, progress, cancellationToken));
        }
        catch (TabularFileException e)
        {
            result = Refused(request.Feed, period, e.Problems);
            await RecordAsync(result, displayName, request.Mapping, request.File, started, Errors(e.Problems), cancellationToken);
        }

        if (result.Outcome == FeedOutcome.Committed && !request.DeferRefresh)
        {
            await RefreshAsync([new FeedPeriod(request.Feed, result.Period ?? "")], cancellationToken);
        }

        LogImported(log, result.Feed, result.Period, result.Outcome, result.Rows, result.Imported, result.Rejected, result.Replaced);
        return result;
    }

    private TabularLimits Limits => TabularLimits.Default with
    {
        MaxFileBytes = settings.Value.MaxFileBytes,
        MaxUnpackedBytes = settings.Value.MaxUnpackedBytes,
    };

    public async Task<IReadOnlyList<FeedStats>> StatsAsync(CancellationToken cancellationToken)
    {
        var current = await db.Set<FeedIntake>()
            .Where(i => i.Outcome == FeedOutcome.Committed && i.ReplacedBy == null)
            .Select(i => new { i.Feed, i.Period })
            .ToListAsync(cancellationToken);
        var stats = new List<FeedStats>();
        foreach (var definition in definitions)
        {
            var files = current.Where(i => i.Feed == definition.Name).ToList();
            var rows = await definition.DispatchAsync(new CountRows(db, cancellationToken));
            stats.Add(new FeedStats(definition.Name, rows, files.Count, files.Count == 0 ? null : files.Select(f => f.Period).Max(StringComparer.Ordinal)));
        }

        return stats;
    }

    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        var current = (await db.Set<FeedIntake>()
            .Where(i => i.Outcome == FeedOutcome.Committed && i.ReplacedBy == null)
            .Select(i => new { i.Feed, i.Period })
            .Distinct()
            .ToListAsync(cancellationToken))
            .Select(i => new FeedPeriod(i.Feed, i.Period))
            .ToList();
        await RefreshAsync(current, cancellationToken);
        return current.Count;
    }

    /// <summary>
    /// Runs the derived-data refresh after commits. Its set-based statements read whole months of the
    /// lists, minutes after a year's load, so none of them has the 30-second limit.
    /// </summary>
    private Task RefreshAsync(IReadOnlyCollection<FeedPeriod> changed, CancellationToken cancellationToken) =>
        db.Database.WithoutTimeLimitAsync(async () =>
        {
            foreach (var refresher in refreshers)
            {
                await refresher.OnCommittedAsync(changed, cancellationToken);
            }
        });

    private static string? CheckPeriod(FeedDefinition definition, string? period)
    {
        if (period is null)
        {
            return null;
        }

        var ok = definition.PeriodKind == FeedPeriodKind.Year
            ? TabularValues.TryYear(period, out _)
            : TabularValues.TryPeriod(period, out _, out _) && period.Length == 7;
        return ok
            ? period
            : throw new FeedException(definition.PeriodKind == FeedPeriodKind.Year
                ? $"Kỳ của '{definition.Name}' là một năm (yyyy), không phải '{period}' / The period of '{definition.Name}' is a year (yyyy), not '{period}'"
                : $"Kỳ phải có dạng yyyy-MM, không phải '{period}' / The period must be yyyy-MM, not '{period}'");
    }

    private async Task<ColumnMapping?> FindMappingAsync(FeedImportRequest request, CancellationToken cancellationToken)
    {
        if (request.Mapping is null)
        {
            return null;
        }

        var mapping = await db.Set<ColumnMapping>().SingleOrDefaultAsync(m => m.Name == request.Mapping, cancellationToken)
            ?? throw new FeedException($"Không có bảng ánh xạ cột '{request.Mapping}' / There is no column mapping '{request.Mapping}'");
        return mapping.Feed == request.Feed
            ? mapping
            : throw new FeedException(
                $"Bảng ánh xạ '{mapping.Name}' dành cho '{mapping.Feed}', không phải '{request.Feed}' / Mapping '{mapping.Name}' is for '{mapping.Feed}', not '{request.Feed}'");
    }

    /// <summary>A file refused before any row was read (unreadable, a column missing).</summary>
    private static FeedImportResult Refused(string feed, string? period, IReadOnlyList<TabularProblem> problems) =>
        new(Guid.CreateVersion7(), feed, period, FeedOutcome.Rejected, 0, 0, 0, 0, 0, null,
            problems.Count > 0 ? problems[0].Message : null, problems.Count, [.. problems.Take(ShownProblems)]);

    private static IEnumerable<KeptProblem> Errors(IEnumerable<TabularProblem> problems) => problems.Select(p => new KeptProblem(p, IsWarning: false));

    /// <summary>Records an intake that stored no row (dry run, rejected), with its problems, after the rollback.</summary>
    private async Task RecordAsync(
        FeedImportResult result, string fileName, string? mapping, string? storedFile, DateTime started, IEnumerable<KeptProblem> problems, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(FeedIntake.From(result, fileName, mapping, storedFile, actor.Name, started, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        await BulkInsert.WriteAsync(db, FeedProblems(result.IntakeId, problems), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static IEnumerable<FeedProblem> FeedProblems(Guid intakeId, IEnumerable<KeptProblem> problems) =>
        problems.Select((kept, i) => new FeedProblem
        {
            IntakeId = intakeId,
            Number = i + 1,
            IsWarning = kept.IsWarning,
            Row = kept.Problem.Row,
            Column = kept.Problem.Column,
            Value = kept.Problem.Value is { Length: > 300 } v ? v[..300] : kept.Problem.Value,
            Message = kept.Problem.Message,
        });

    /// <summary>
    /// The targets and coverage-actuals feeds are the Targets module's own (versioned targets, roll-up);
    /// the intake hands them over and records the outcome like any other.
    /// </summary>
    private async Task<FeedImportResult> ImportCoverageAsync(FeedImportRequest request, string displayName, DateTime started, CancellationToken cancellationToken)
    {
        FeedImportResult result;
        try
        {
            var imported = request.DryRun
                ? await coverage.DryRunAsync(request.Feed, request.File, cancellationToken)
                : request.Feed == "targets"
                    ? await coverage.ImportTargetsAsync(request.File, cancellationToken)
                    : await coverage.ImportActualsAsync(request.File, cancellationToken);
            result = new FeedImportResult(Guid.CreateVersion7(), request.Feed, request.Period, request.DryRun ? FeedOutcome.DryRun : FeedOutcome.Committed,
                imported.Rows, imported.Imported, 0, imported.Replaced, 0, null, null, 0, []);
        }
        catch (TabularFileException e)
        {
            result = Refused(request.Feed, request.Period, e.Problems);
            await RecordAsync(result, displayName, request.Mapping, request.File, started, Errors(e.Problems), cancellationToken);
            return result;
        }

        await RecordAsync(result, displayName, request.Mapping, request.File, started, [], cancellationToken);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {Feed} {Period}: {Outcome}, {Rows} rows, {Imported} imported, {Rejected} rejected, {Replaced} replaced")]
    private static partial void LogImported(ILogger logger, string feed, string? period, FeedOutcome outcome, int rows, int imported, int rejected, int replaced);

    /// <summary>A problem kept for the error report; a warning's row was stored all the same.</summary>
    private sealed record KeptProblem(TabularProblem Problem, bool IsWarning);

    private sealed class CountRows(BaoPhuDbContext db, CancellationToken cancellationToken) : IFeedDispatch<long>
    {
        public Task<long> RunAsync<TRow>(FeedDefinition<TRow> feed)
            where TRow : class, IFeedRow => db.Set<TRow>().LongCountAsync(cancellationToken);
    }

    /// <summary>One file of one feed, typed by its row.</summary>
    private sealed class Run(
        FeedImporter importer, FeedImportRequest request, string displayName, string? period, ColumnMapping? mapping, DateTime started,
        IProgress<FeedProgress>? progress, CancellationToken cancellationToken) : IFeedDispatch<FeedImportResult>
    {
        private readonly List<KeptProblem> kept = [];
        private int problemCount;
        private int rows;
        private int rejected;
        private int warnings;

        public async Task<FeedImportResult> RunAsync<TRow>(FeedDefinition<TRow> feed)
            where TRow : class, IFeedRow
        {
            var db = importer.db;
            var settings = importer.settings.Value;
            var intakeId = Guid.CreateVersion7();
            var limits = importer.Limits;
            var resolver = await importer.units.CodeResolverAsync(cancellationToken);
            var asOf = period is not null && feed.PeriodKind == FeedPeriodKind.Snapshot
                ? EndOfMonth(period)
                : importer.clock.Today();

            using var reader = TabularReader.Open(request.File, limits);
            PrepareColumns(feed, reader);
            var required = feed.Columns.Where(c => c.Required).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            var row = new FeedRow(reader, resolver, required.Contains, feed.PeriodKind == FeedPeriodKind.Snapshot ? null : period, asOf);
            var filter = new DuplicateFilter(new FileInfo(request.File).Length);
            var held = new List<(TRow Row, UInt128 Key)>();

            using var summarised = importer.auditBatch.Begin();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var imported = await BulkInsert.WriteAsync(db, ReadAhead.Of(Read(feed, reader, row, filter, held, intakeId)), cancellationToken);
            imported += await SettleDuplicatesAsync(feed, held, cancellationToken);
            var filePeriod = feed.PeriodKind == FeedPeriodKind.Snapshot ? period ?? "" : row.FilePeriod;
            progress?.Report(new FeedProgress(rows, reader.Position.Total, reader.Position.Total, "checking"));

            // A snapshot is the whole list as it stands: it replaces the current list, whatever month that was of.
            var snapshot = feed.PeriodKind == FeedPeriodKind.Snapshot;
            var previous = await db.Set<FeedIntake>()
                .Where(i => i.Feed == feed.Name && (snapshot || i.Period == (filePeriod ?? "")) && i.Outcome == FeedOutcome.Committed && i.ReplacedBy == null)
                .ToListAsync(cancellationToken);
            var newer = snapshot && !string.IsNullOrEmpty(filePeriod)
                ? previous.Select(p => p.Period).Where(p => string.CompareOrdinal(p, filePeriod) > 0).Max(StringComparer.Ordinal)
                : null;
            var reason = rows == 0
                ? "Tệp không có dòng dữ liệu nào / The file has no data rows"
                : rejected > rows * settings.MaxRejectedShare
                    ? string.Create(CultureInfo.InvariantCulture,
                        $"{rejected} trong {rows} dòng có lỗi, quá ngưỡng {settings.MaxRejectedShare:P1}; sửa tệp rồi gửi lại / {rejected} of {rows} rows have problems, over the threshold of {settings.MaxRejectedShare:P1}; correct the file and send it again")
                    : newer is not null
                        ? $"Đã có danh sách mới hơn (tính đến {newer}); danh sách tính đến {filePeriod} không thay được / A newer list (as of {newer}) is already in; the list as of {filePeriod} does not replace it"
                        : null;
            var outcome = reason is not null ? FeedOutcome.Rejected : request.DryRun ? FeedOutcome.DryRun : FeedOutcome.Committed;
            var replaced = previous.Sum(p => p.Imported);
            var result = new FeedImportResult(
                intakeId, feed.Name, filePeriod, outcome, rows, outcome == FeedOutcome.Rejected ? 0 : (int)imported, rejected, replaced, warnings,
                reader.Encoding, reason, problemCount, [.. kept.Take(ShownProblems).Select(Shown)]);
            if (outcome != FeedOutcome.Committed)
            {
                await transaction.RollbackAsync(cancellationToken);
                await importer.RecordAsync(result, displayName, request.Mapping, request.File, started, kept, cancellationToken);
                return result;
            }

            if (previous.Count > 0)
            {
                await DeleteRowsAsync<TRow>(previous.Select(p => p.Id).ToList());
                previous.ForEach(p => p.ReplaceWith(intakeId));
            }

            db.Add(FeedIntake.From(result, displayName, request.Mapping, null, importer.actor.Name, started, importer.clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
            // Up to Feeds:KeptProblems rows (a warning per row without a usable ID counts): by the bulk path, not tracked one by one.
            await BulkInsert.WriteAsync(db, FeedProblems(intakeId, kept), cancellationToken);
            await importer.audit.WriteAsync("import." + feed.Name, "feeds_intake", intakeId.ToString(),
                new { File = displayName, Period = filePeriod, rows, imported, rejected, replaced, warnings }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await db.Database.RefreshStatisticsAsync(importer.database.Provider, [TableOf<TRow>()], cancellationToken);
            return result;
        }

        private static DateOnly EndOfMonth(string period)
        {
            TabularValues.TryPeriod(period, out var year, out var month);
            return new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        }

        /// <summary>
        /// A saved mapping first, then the aliases agencies commonly use, for any canonical column the
        /// header lacks; then every required column must be there.
        /// </summary>
        private void PrepareColumns(FeedDefinition feed, TabularReader reader)
        {
            foreach (var column in feed.Columns)
            {
                if (mapping is not null && mapping.Columns.TryGetValue(column.Name, out var header) && reader.MapColumn(column.Name, header))
                {
                    continue;
                }

                if (!reader.HasColumn(column.Name))
                {
                    _ = column.Aliases.FirstOrDefault(alias => reader.MapColumn(column.Name, alias));
                }
            }

            reader.RequireColumns([.. feed.Columns.Where(c => c.Required).Select(c => c.Name)]);
        }

        private IEnumerable<TRow> Read<TRow>(
            FeedDefinition<TRow> feed, TabularReader reader, FeedRow row, DuplicateFilter filter, List<(TRow, UInt128)> held, Guid intakeId)
            where TRow : class, IFeedRow
        {
            var key = new string?[feed.Key.Count];
            while (reader.Read())
            {
                rows++;
                if (rows % ReportEvery == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var (done, total) = reader.Position;
                    progress?.Report(new FeedProgress(rows, done, total, "reading"));
                }

                row.Next();
                if (reader.RowProblem is { } shape)
                {
                    row.Add(shape);
                }
                else
                {
                    var stored = feed.Read(row);
                    if (row.Problems.Count == 0)
                    {
                        stored.BatchId = intakeId;
                        stored.SourceRow = reader.Row;
                        Keep(row.Warnings, isWarning: true);
                        warnings += row.Warnings.Count > 0 ? 1 : 0;
                        if (!KeyOf(feed, reader, key, out var hash) || !filter.AddAndCheck(hash))
                        {
                            yield return stored;
                        }
                        else
                        {
                            held.Add((stored, hash));
                        }

                        continue;
                    }
                }

                rejected++;
                Keep(row.Problems, isWarning: false);
            }
        }

        /// <summary>The key's hash; false when a key value is missing (such rows cannot collide: e.g. a person with no ID).</summary>
        private static bool KeyOf(FeedDefinition feed, TabularReader reader, string?[] key, out UInt128 hash)
        {
            for (var i = 0; i < key.Length; i++)
            {
                key[i] = reader[feed.Key[i]];
                if (key[i] is null)
                {
                    hash = default;
                    return false;
                }
            }

            hash = DuplicateFilter.KeyOf(key);
            return true;
        }

        /// <summary>
        /// The rows the filter held back: a second pass over the file finds each key's first row; a held
        /// row that is not its key's first is a duplicate, the others were false alarms and are written.
        /// </summary>
        private async Task<long> SettleDuplicatesAsync<TRow>(FeedDefinition<TRow> feed, List<(TRow Row, UInt128 Key)> held, CancellationToken token)
            where TRow : class, IFeedRow
        {
            if (held.Count == 0)
            {
                return 0;
            }

            progress?.Report(new FeedProgress(rows, 0, 0, "duplicates"));
            var first = held.Select(h => h.Key).Distinct().ToDictionary(k => k, _ => int.MaxValue);
            // A key's first row comes no later than the last row held back: the pass stops there.
            var last = held.Max(h => h.Row.SourceRow);
            using (var again = TabularReader.Open(request.File, importer.Limits))
            {
                PrepareColumns(feed, again);
                var key = new string?[feed.Key.Count];
                while (again.Read() && again.Row <= last)
                {
                    if (again.RowProblem is null && KeyOf(feed, again, key, out var hash) && first.TryGetValue(hash, out var row) && again.Row < row)
                    {
                        first[hash] = again.Row;
                    }
                }
            }

            var unique = new List<TRow>();
            foreach (var (stored, hash) in held)
            {
                if (first[hash] < stored.SourceRow)
                {
                    rejected++;
                    var firstRow = first[hash];
                    Keep([new TabularProblem(Path.GetFileName(request.File), stored.SourceRow, string.Join(", ", feed.Key), null,
                        $"Trùng khóa ({string.Join(", ", feed.Key)}) với dòng {firstRow} / The key ({string.Join(", ", feed.Key)}) repeats row {firstRow}")], isWarning: false);
                }
                else
                {
                    unique.Add(stored);
                }
            }

            return await BulkInsert.WriteAsync(importer.db, unique, token);
        }

        /// <summary>For display with the result: a warning says so, since its row was stored.</summary>
        private static TabularProblem Shown(KeptProblem kept) =>
            kept.IsWarning ? kept.Problem with { Message = "⚠ " + kept.Problem.Message } : kept.Problem;

        private void Keep(IReadOnlyList<TabularProblem> problems, bool isWarning)
        {
            foreach (var problem in problems)
            {
                if (!isWarning)
                {
                    problemCount++;
                }

                if (kept.Count < importer.settings.Value.KeptProblems)
                {
                    kept.Add(new KeptProblem(problem, isWarning));
                }
            }
        }

        private string TableOf<TRow>() => importer.db.Model.FindEntityType(typeof(TRow))!.GetTableName()!;

        private async Task DeleteRowsAsync<TRow>(List<Guid> intakes)
            where TRow : class, IFeedRow
        {
            var entity = importer.db.Model.FindEntityType(typeof(TRow))!;
            var table = TableOf<TRow>();
            var column = entity.FindProperty(nameof(IFeedRow.BatchId))!.GetColumnName();
            // Names from the model, never from input; the id is a parameter.
            var sql = "DELETE FROM \"" + table + "\" WHERE \"" + column + "\" = {0}";
            foreach (var id in intakes)
            {
                await importer.db.Database.ExecuteSqlRawAsync(sql, [id], cancellationToken);
            }
        }
    }
}

namespace BaoPhu.Platform.Auditing;

/// <summary>
/// Bulk work (an import of thousands of rows) is audited as one summary entry, written by the work
/// itself through <see cref="AuditLog"/>, instead of one entry per row.
/// </summary>
public sealed class AuditBatch
{
    private int depth;

    public bool IsActive => depth > 0;

    public IDisposable Begin()
    {
        depth++;
        return new End(this);
    }

    private sealed class End(AuditBatch batch) : IDisposable
    {
        private bool disposed;

        public void Dispose()
        {
            if (!disposed)
            {
                batch.depth--;
                disposed = true;
            }
        }
    }
}

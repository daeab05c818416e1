namespace PolicyCompiler.Legal;

/// <summary>
/// How many cells of distance tables one suggestion may still compute. A search that would exceed it stops
/// with what it found: the suggestion is a courtesy, and its cost must stay bounded whatever the input.
/// </summary>
internal sealed class WorkBudget
{
    private long _remaining;

    public WorkBudget(long cells) => _remaining = cells;

    public bool TrySpend(long cells)
    {
        if (cells > _remaining) return false;
        _remaining -= cells;
        return true;
    }
}

namespace Enki.Domain.Warnings;

/// <summary>A person's own settings for warnings: their quiet hours (none by default).</summary>
public sealed class WarningPreferences
{
    private WarningPreferences() { }

    public WarningPreferences(string userId) => UserId = userId;

    public string UserId { get; private set; } = "";

    public TimeOnly? QuietFrom { get; private set; }

    public TimeOnly? QuietTo { get; private set; }

    public QuietHours? Quiet => QuietFrom is { } from && QuietTo is { } to ? new QuietHours(from, to) : null;

    public void SetQuietHours(QuietHours? quiet)
    {
        if (quiet is not null && quiet.From == quiet.To) throw new WarningRefused("Le début et la fin des heures calmes doivent différer.");
        (QuietFrom, QuietTo) = (quiet?.From, quiet?.To);
    }
}

namespace Enki.Domain.Mobilisation;

public enum MobilisationPriority
{
    Urgent,
    Normal,
    Low,
}

public static class MobilisationPriorityWords
{
    public static string French(this MobilisationPriority priority) => priority switch
    {
        MobilisationPriority.Urgent => "Urgente",
        MobilisationPriority.Normal => "Normale",
        _ => "Basse",
    };
}

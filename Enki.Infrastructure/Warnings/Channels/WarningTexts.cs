namespace Enki.Infrastructure.Warnings.Channels;

/// <summary>The French words of a warning sent outside the app: an e-mail's subject and body, an SMS.</summary>
public static class WarningTexts
{
    /// <summary>One SMS of the GSM alphabet; a longer text is cut in several (or in 70 characters with accents outside it).</summary>
    public const int SmsLength = 160;

    public static string EmailSubject(WarningMessage message) => $"[Enki]{(message.Urgent ? " URGENT" : "")} Avertissement : {message.Title}";

    public static string EmailBody(WarningMessage message, string link) => $"""
        Bonjour {message.UserName},

        Enki vous adresse un avertissement{(message.Urgent ? " urgent" : "")}.

        {message.Title}
        {message.Detail}
        Lieu : {message.Place ?? "non précisé"}

        Acquitter en un geste (lien personnel, à usage unique) :
        {link}

        Acquitter arrête l'escalade pour tout votre service.
        """;

    /// <summary>The SMS: its title cut so that the whole fits in <see cref="SmsLength"/> characters when the link leaves room.</summary>
    public static string Sms(WarningMessage message, string link)
    {
        var head = message.Urgent ? "Enki URGENT : " : "Enki : ";
        var tail = $" Acquitter : {link}";
        var room = SmsLength - head.Length - tail.Length;
        var title = message.Title;
        if (title.Length > room) title = room > 1 ? title[..(room - 1)].TrimEnd() + "…" : "";
        return head + title + tail;
    }
}

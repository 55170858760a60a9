namespace Enki.Domain.Warnings;

/// <summary>How a warning reaches a person: in-app, e-mail, SMS, Web Push to the devices the person subscribed.</summary>
public enum WarningChannel
{
    InApp,
    Email,
    Sms,
    WebPush,
}

/// <summary>A channel as the raising sees it: whether it interrupts (rings a phone), which quiet hours hold back.</summary>
public sealed record ChannelSpec(WarningChannel Channel, bool Interrupts);

public static class WarningChannelWords
{
    public static string French(this WarningChannel channel) => channel switch
    {
        WarningChannel.InApp => "Application",
        WarningChannel.Email => "Courriel",
        WarningChannel.Sms => "SMS",
        _ => "Notification du téléphone",
    };
}

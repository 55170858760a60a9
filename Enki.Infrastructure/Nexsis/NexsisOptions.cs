namespace Enki.Infrastructure.Nexsis;

/// <summary>Settings under <c>Enki:Nexsis</c>.</summary>
public sealed class NexsisOptions
{
    public const string Section = "Enki:Nexsis";

    /// <summary>Key NexSIS must send in <c>X-Api-Key</c> to push messages; push is closed while empty.</summary>
    public string? InboundApiKey { get; set; }

    /// <summary>The exchange platform's feed. Empty: the built-in simulator's feed when it runs, else no pull.</summary>
    public string? FeedUrl { get; set; }

    /// <summary>Where RC-REF acknowledgements are posted. Empty: the simulator's when it runs, else none sent.</summary>
    public string? AcknowledgementUrl { get; set; }

    /// <summary>Enki's own address on the exchange platform: the <c>senderID</c> of what it sends.</summary>
    public string SenderId { get; set; } = "fr.state.enki";

    /// <summary>Time between two reads of the feed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages applied in one unit of work.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long an update may wait for its case before going to quarantine.</summary>
    public TimeSpan OrphanUpdateTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Without a successful feed read for this long, pages say the data is stale.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(2);
}

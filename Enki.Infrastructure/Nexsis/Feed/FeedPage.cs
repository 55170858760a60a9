namespace Enki.Infrastructure.Nexsis.Feed;

/// <summary>One read of the exchange platform's feed: the messages after a cursor and the cursor after them.</summary>
public sealed record FeedPage(string? Cursor, IReadOnlyList<FeedEntry> Messages);

/// <summary>A message of the feed, as the platform would have pushed it.</summary>
public sealed record FeedEntry(string Id, string? ContentType, string Payload);

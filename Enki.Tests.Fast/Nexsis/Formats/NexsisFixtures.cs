using Enki.Infrastructure.Nexsis.Formats;
using Enki.Infrastructure.Nexsis.Messages;

namespace Enki.Tests.Nexsis.Formats;

/// <summary>Reads the fixtures of Fixtures/Nexsis (copied next to the test assembly) through the facade.</summary>
internal static class NexsisFixtures
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Nexsis", relative);

    public static NexsisReadResult Read(string relative) => new NexsisMessageReader().Read(File.ReadAllBytes(PathOf(relative)));

    public static NexsisReadSuccess ReadSuccess(string relative)
    {
        var result = Read(relative);
        if (result is ReadFailure failure)
        {
            Assert.Fail($"{relative} refused: {failure.Reason} ({failure.Detail})");
        }

        return Assert.IsType<NexsisReadSuccess>(result);
    }

    /// <summary>The only message of a fixture, of the expected type.</summary>
    public static T Single<T>(string relative) where T : IntakeMessage =>
        Assert.IsType<T>(Assert.Single(ReadSuccess(relative).Messages));

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute, int second, int offsetHours) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(offsetHours));
}

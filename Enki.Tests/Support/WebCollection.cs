namespace Enki.Tests.Support;

/// <summary>
/// Tests that host the whole app run one at a time: Hangfire keeps process-wide statics
/// (GlobalConfiguration, JobStorage.Current) that two hosts would fight over.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WebCollection
{
    public const string Name = "web host";
}

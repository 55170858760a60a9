using Enki.Infrastructure.History;

namespace Enki.Tests.History;

/// <summary>One computation per key for every caller: joined while running, checked when finished, never kept when it failed.</summary>
public sealed class SharedAnswersTests
{
    private static Task<bool> Always(string _, CancellationToken __) => Task.FromResult(true);

    [Fact]
    public async Task Callers_asking_the_same_while_it_runs_share_one_computation()
    {
        var answers = new SharedAnswers<int, string>(8);
        var release = new TaskCompletionSource();
        var computed = 0;
        async Task<string> Compute(CancellationToken _)
        {
            Interlocked.Increment(ref computed);
            await release.Task;
            return "figures";
        }
        var asked = Enumerable.Range(0, 50).Select(_ => answers.GetAsync(7, Compute, (_, _) => throw new InvalidOperationException("a running answer is not checked"))).ToList();
        release.SetResult();

        Assert.All(await Task.WhenAll(asked), a => Assert.Equal("figures", a));
        Assert.Equal(1, computed);
    }

    [Fact]
    public async Task A_finished_answer_serves_later_callers_while_it_holds_and_is_computed_again_when_it_does_not()
    {
        var answers = new SharedAnswers<int, int>(8);
        var computed = 0;
        Task<int> Compute(CancellationToken _) => Task.FromResult(Interlocked.Increment(ref computed));
        var holds = true;

        Assert.Equal(1, await answers.GetAsync(7, Compute, (_, _) => Task.FromResult(holds)));
        Assert.Equal(1, await answers.GetAsync(7, Compute, (_, _) => Task.FromResult(holds)));
        holds = false;
        Assert.Equal(2, await answers.GetAsync(7, Compute, (kept, _) => Task.FromResult(kept == 2)));
        Assert.Equal(3, await answers.GetAsync(8, Compute, (_, _) => Task.FromResult(true)));
        Assert.Equal(3, computed);
    }

    [Fact]
    public async Task A_prepared_answer_is_the_one_later_callers_get()
    {
        var answers = new SharedAnswers<int, int>(8);
        var computed = 0;
        Task<int> Compute(CancellationToken _) => Task.FromResult(Interlocked.Increment(ref computed));

        answers.Prepare(7, Compute);
        answers.Prepare(7, Compute);

        Assert.Equal(1, await answers.GetAsync(7, Compute, (_, _) => Task.FromResult(true)));
        Assert.Equal(1, computed);
    }

    [Fact]
    public async Task A_failure_reaches_its_callers_and_is_not_kept()
    {
        var answers = new SharedAnswers<int, string>(8);
        var fail = true;
        Task<string> Compute(CancellationToken _) => fail ? throw new InvalidOperationException("database gone") : Task.FromResult("figures");

        await Assert.ThrowsAsync<InvalidOperationException>(() => answers.GetAsync(7, Compute, Always));
        fail = false;
        Assert.Equal("figures", await answers.GetAsync(7, Compute, Always));
    }

    [Fact]
    public async Task One_caller_giving_up_does_not_stop_the_others_answer_but_the_last_one_does()
    {
        var answers = new SharedAnswers<int, string>(8);
        var release = new TaskCompletionSource();
        var stopped = new TaskCompletionSource();
        async Task<string> Compute(CancellationToken token)
        {
            await using var _ = token.Register(() => stopped.TrySetResult());
            await release.Task.WaitAsync(token);
            return "figures";
        }
        using var impatient = new CancellationTokenSource();
        var first = answers.GetAsync(7, Compute, Always, impatient.Token);
        var second = answers.GetAsync(7, Compute, Always);
        impatient.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        release.SetResult();
        Assert.Equal("figures", await second);
        Assert.False(stopped.Task.IsCompleted);

        using var alone = new CancellationTokenSource();
        var release2 = new TaskCompletionSource();
        async Task<string> Slow(CancellationToken token)
        {
            await using var _ = token.Register(() => stopped.TrySetResult());
            await release2.Task.WaitAsync(token);
            return "never";
        }
        var only = answers.GetAsync(9, Slow, Always, alone.Token);
        alone.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => only);
        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Beyond_its_capacity_the_least_recently_used_answers_go()
    {
        var answers = new SharedAnswers<int, int>(2);
        var computed = 0;
        Task<int> Compute(CancellationToken _) => Task.FromResult(Interlocked.Increment(ref computed));

        await answers.GetAsync(1, Compute, (_, _) => Task.FromResult(true));
        await answers.GetAsync(2, Compute, (_, _) => Task.FromResult(true));
        await answers.GetAsync(1, Compute, (_, _) => Task.FromResult(true)); // 1 used again: 2 is the oldest
        await answers.GetAsync(3, Compute, (_, _) => Task.FromResult(true));

        Assert.Equal(2, answers.Count);
        Assert.Equal(1, await answers.GetAsync(1, Compute, (_, _) => Task.FromResult(true)));
        Assert.Equal(4, await answers.GetAsync(2, Compute, (_, _) => Task.FromResult(true)));
    }
}

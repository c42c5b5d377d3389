using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Triggers.Testing;

/// <summary>
/// Random knowledge-coin operations through the admin API, as staff and integrations would send them: deposits,
/// experience, redemptions, links that merge wallets, each sometimes sent again with its key (a retry) and sometimes
/// together with another operation on the same wallet. A retry must get exactly the first answer. Afterwards,
/// <c>coins audit</c> must find every wallet equal to the sum of its entries. Used by the app tests (a short storm) and by
/// <c>Triggers.Bench --coin-storm</c> against a running host (10,000 operations).
/// </summary>
public sealed class CoinStorm(HttpClient admin, string tenant, int seed)
{
    private readonly Random _random = new(seed);
    private readonly List<(string Path, string Body, HttpStatusCode Status, string Answer)> _answered = [];
    private readonly Lock _gate = new();
    private int _next;

    public sealed record Report(int Operations, int Retries, int Pairs, IReadOnlyDictionary<string, int> ByOutcome, TimeSpan Elapsed);

    /// <summary>The reward the storm redeems; the caller puts it in table Rewards first (Cost 40, Stock 1,000,000).</summary>
    public const string Reward = "storm-seat";

    public async Task<Report> RunAsync(int operations, int accounts, int parallel, CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var (retries, pairs, done) = (0, 0, 0);
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(parallel);
        var running = new List<Task>();
        while (done < operations)
        {
            var roll = Next(100);
            var batch = roll < 15 && Replayable() is { } replay ? [replay] : roll < 30 ? [Fresh(accounts), Fresh(accounts)] : (IReadOnlyList<(string Path, string Body, (HttpStatusCode, string)? Expected)>)[Fresh(accounts)];
            (retries, pairs) = (retries + (batch[0].Expected is null ? 0 : 1), pairs + (batch.Count == 2 ? 1 : 0));
            done += batch.Count;
            await gate.WaitAsync(cancellationToken);
            running.Add(Task.Run(async () =>
            {
                try
                {
                    await Task.WhenAll(batch.Select(async op =>
                    {
                        var outcome = await SendAsync(op.Path, op.Body, op.Expected, cancellationToken);
                        lock (_gate)
                        {
                            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                        }
                    }));
                }
                finally
                {
                    gate.Release();
                }
            }, cancellationToken));
        }

        await Task.WhenAll(running);
        return new Report(done, retries, pairs, outcomes, started.Elapsed);
    }

    private int Next(int max)
    {
        lock (_gate)
        {
            return _random.Next(max);
        }
    }

    /// <summary>An operation answered before, to send again with its key.</summary>
    private (string, string, (HttpStatusCode, string)?)? Replayable()
    {
        lock (_gate)
        {
            if (_answered.Count == 0)
            {
                return null;
            }

            var (path, body, status, answer) = _answered[_random.Next(_answered.Count)];
            return (path, body, (status, answer));
        }
    }

    private (string Path, string Body, (HttpStatusCode, string)? Expected) Fresh(int accounts)
    {
        var key = $"storm-{seed}-{Interlocked.Increment(ref _next)}";
        var account = $"generic:storm-{Next(accounts)}";
        var roll = Next(100);
        return roll switch
        {
            < 40 => ($"/api/admin/contacts/{account}/coins/deposit?tenant={tenant}", JsonSerializer.Serialize(new { amount = 1 + Next(120), idempotencyKey = key, reason = "storm" }), null),
            < 55 => ($"/api/admin/contacts/{account}/coins/deposit?tenant={tenant}", JsonSerializer.Serialize(new { xp = 1 + Next(30), idempotencyKey = key }), null),
            < 97 => ($"/api/admin/contacts/{account}/coins/redeem?tenant={tenant}", JsonSerializer.Serialize(new { reward = Reward, idempotencyKey = key }), null),
            _ => ("/api/admin/contacts/link", JsonSerializer.Serialize(new { tenant, accounts = new[] { account, $"generic:storm-{Next(accounts)}" }, member = $"storm-{Next(accounts / 4 + 1)}" }), null),
        };
    }

    /// <summary>Sends one operation; a retry's answer must equal the first's, or this throws.</summary>
    private async Task<string> SendAsync(string path, string body, (HttpStatusCode Status, string Answer)? expected, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await admin.PostAsync(path, content, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Conflict))
        {
            throw new InvalidOperationException($"{path} {body} answered {(int)response.StatusCode}: {answer}");
        }

        var outcome = Outcome(path, response.StatusCode, answer);
        if (expected is { } first)
        {
            if (first.Status != response.StatusCode || Comparable(first.Answer) != Comparable(answer))
            {
                throw new InvalidOperationException($"a retry of {body} answered {(int)response.StatusCode} {answer}, but the first answer was {(int)first.Status} {first.Answer}");
            }

            return "retried " + outcome;
        }

        if (!path.EndsWith("/link", StringComparison.Ordinal))
        {
            lock (_gate)
            {
                _answered.Add((path, body, response.StatusCode, answer));
            }
        }

        return outcome;
    }

    private static string Outcome(string path, HttpStatusCode status, string answer)
    {
        var kind = path.Contains("/coins/redeem", StringComparison.Ordinal) ? "redeem" : path.EndsWith("/link", StringComparison.Ordinal) ? "link" : "deposit";
        if (status == HttpStatusCode.OK)
        {
            return kind + " ok";
        }

        using var problem = JsonDocument.Parse(answer);
        var type = problem.RootElement.TryGetProperty("type", out var t) ? t.GetString() ?? string.Empty : string.Empty;
        return $"{kind} refused {type[(type.LastIndexOf(':') + 1)..]}";
    }

    // Problem details carry a per-request traceId; everything else must match.
    private static string Comparable(string answer)
    {
        using var document = JsonDocument.Parse(answer);
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? JsonSerializer.Serialize(document.RootElement.EnumerateObject().Where(p => p.Name != "traceId").ToDictionary(p => p.Name, p => p.Value))
            : answer;
    }
}

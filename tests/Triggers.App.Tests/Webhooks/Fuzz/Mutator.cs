using Microsoft.AspNetCore.WebUtilities;

namespace Triggers.App.Tests.Webhooks.Fuzz;

/// <summary>Seeded mutations of a valid request, each of which must break it.</summary>
internal sealed class Mutator(FuzzSample sample, int seed)
{
    private static readonly string[] WrongContentTypes =
        ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream", "image/png"];

    private readonly Random _random = new(seed);

    public (string Kind, SampleRequest Request) Next(SampleRequest valid)
    {
        while (true)
        {
            var kind = _random.Next(9);
            var mutated = kind switch
            {
                0 when sample.BodySigned => ("body bit flip", valid with { Body = FlipBits(valid.Body) }),
                1 => ("truncated body", valid with { Body = valid.Body[.._random.Next(valid.Body.Length)] }),
                2 when sample.SignedHeaders.Count > 0 => ("header removed", valid with { Headers = Without(valid.Headers, Pick(sample.SignedHeaders)) }),
                3 when sample.SignedHeaders.Count > 0 => ("header value changed", valid with { Headers = Corrupt(valid.Headers, Pick(sample.SignedHeaders)) }),
                4 when sample.SignedQuery.Count > 0 => ("query parameter removed", valid with { PathAndQuery = QueryWithout(valid.PathAndQuery, Pick(sample.SignedQuery)) }),
                5 when sample.SignedQuery.Count > 0 => ("query value changed", valid with { PathAndQuery = QueryCorrupt(valid.PathAndQuery, Pick(sample.SignedQuery)) }),
                6 => ("wrong content type", valid with { ContentType = _random.Next(6) == 0 ? null : Pick(WrongContentTypes) }),
                7 => ("huge body", valid with { Body = RandomBytes(70_000 + _random.Next(50_000)) }),
                8 => ("empty body", valid with { Body = [] }),
                _ => default((string, SampleRequest)?),
            };
            if (mutated is { } result)
            {
                return result;
            }
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private byte[] FlipBits(byte[] body)
    {
        var copy = (byte[])body.Clone();
        for (var i = 1 + _random.Next(3); i > 0; i--)
        {
            var position = _random.Next(copy.Length);
            copy[position] ^= (byte)(1 << _random.Next(8));
        }

        return copy;
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private static Dictionary<string, string> Without(IReadOnlyDictionary<string, string> headers, string name) =>
        headers.Where(h => !h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).ToDictionary(StringComparer.OrdinalIgnoreCase);

    private Dictionary<string, string> Corrupt(IReadOnlyDictionary<string, string> headers, string name)
    {
        var copy = headers.ToDictionary(StringComparer.OrdinalIgnoreCase);
        copy[name] = CorruptValue(copy[name]);
        return copy;
    }

    /// <summary>Changes one character to a different one of the same class, so the value stays well-formed but wrong.</summary>
    private string CorruptValue(string value)
    {
        if (value.Length == 0)
        {
            return "x";
        }

        var chars = value.ToCharArray();
        var i = _random.Next(chars.Length);
        chars[i] = chars[i] switch
        {
            >= '0' and < '9' => (char)(chars[i] + 1),
            '9' => '0',
            >= 'a' and < 'f' => (char)(chars[i] + 1),
            'f' => 'a',
            >= 'A' and < 'Z' => (char)(chars[i] + 1),
            _ => chars[i] == 'x' ? 'y' : 'x',
        };
        return new string(chars);
    }

    private static string QueryWithout(string pathAndQuery, string name) => Rebuild(pathAndQuery, q => q.Remove(name));

    private string QueryCorrupt(string pathAndQuery, string name) => Rebuild(pathAndQuery, q => q[name] = CorruptValue(q[name]));

    private static string Rebuild(string pathAndQuery, Action<Dictionary<string, string>> change)
    {
        var split = pathAndQuery.Split('?', 2);
        var query = QueryHelpers.ParseQuery(split.Length > 1 ? split[1] : string.Empty).ToDictionary(q => q.Key, q => q.Value.ToString());
        change(query);
        return QueryHelpers.AddQueryString(split[0], query!);
    }
}

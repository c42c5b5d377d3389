using System.Text;
using Triggers.Core.Guardrails;
using Triggers.Core.Signals;

namespace Triggers.Core.Contacts;

/// <summary>
/// How each signal changes what we know about its contact: when they last reached us (WeChat's window counts from it),
/// when a person on our side last wrote to them, and whether they want to hear from us.
/// </summary>
/// <remarks>
/// An opt-out keyword counts only when it is the whole message (trimmed, any case, full-width letters folded,
/// surrounding punctuation ignored), as WeChat's own 退订 handling does: "我不想退订" or "退订了怎么恢复" are questions
/// about unsubscribing, not a request, and must not silence the contact. A follow or contact_added re-grants consent
/// after an opt-out, except one set by an admin, which only an admin or the contact's own opt-in keyword lifts.
/// Consent changes apply in signal time order, so a late-delivered old signal cannot undo a newer choice.
/// </remarks>
public static class ConsentRules
{
    public const string SourceUnfollow = "unfollow";
    public const string SourceFollow = "follow";
    public const string KeywordPrefix = "keyword:";
    public const string AdminPrefix = "admin:";

    // After NFKC folding full-width marks are ASCII; the ideographic ones stay.
    private static readonly char[] Punctuation = ['.', ',', '!', '?', '~', '。', '、', '…', '"', '\'', '“', '”'];

    /// <summary>Kinds that are the contact reaching us (an <c>event</c> may be a delivery report, so it does not count).</summary>
    public static IReadOnlySet<string> InboundKinds { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        SignalKinds.Message, SignalKinds.Comment, SignalKinds.Danmaku, SignalKinds.Follow, SignalKinds.ContactAdded,
        SignalKinds.Order, SignalKinds.Refund, SignalKinds.Review,
    };

    /// <returns>The contact's new state; <paramref name="current"/> itself when the signal changes nothing, so the write can be skipped.</returns>
    public static ContactState Apply(ContactState? current, Signal signal, GuardrailOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(options);
        var state = current ?? new ContactState { Tenant = signal.Tenant, Channel = signal.Channel, Contact = signal.Actor.Id };
        CheckSameContact(state, signal.Tenant, signal.Channel, signal.Actor.Id);

        // A timestamp from the future (a platform clock ahead of ours) would hold a contact window open too long.
        var at = signal.OccurredAt < now ? signal.OccurredAt : now;
        var next = state;
        if (InboundKinds.Contains(signal.Kind))
        {
            next = next with { LastInboundAt = Later(next.LastInboundAt, at) };
        }
        else if (signal.Kind == SignalKinds.AgentMessage)
        {
            next = next with { LastAgentAt = Later(next.LastAgentAt, at) };
        }

        next = Consent(next, signal, options, at);
        return next == state ? state : next;
    }

    /// <summary>An admin opts the contact out or back in; the source records who.</summary>
    public static ContactState AdminSet(
        ContactState? current, string tenant, string channel, string contact, bool optedOut, string who, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenant);
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(contact);
        ArgumentException.ThrowIfNullOrWhiteSpace(who);
        var state = current ?? new ContactState { Tenant = tenant, Channel = channel, Contact = contact };
        CheckSameContact(state, tenant, channel, contact);
        var source = AdminPrefix + who;
        return state.OptedOut == optedOut && state.ConsentSource == source
            ? state
            : state with { OptedOut = optedOut, ConsentSource = source, ConsentChangedAt = now };
    }

    /// <summary>The configured keyword the whole text amounts to, or null.</summary>
    public static string? MatchKeyword(string? text, IEnumerable<string> keywords)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var said = Fold(text);
        return keywords.FirstOrDefault(k => !string.IsNullOrWhiteSpace(k) && string.Equals(said, Fold(k), StringComparison.OrdinalIgnoreCase));
    }

    private static ContactState Consent(ContactState state, Signal signal, GuardrailOptions options, DateTimeOffset at)
    {
        if (state.ConsentChangedAt is { } changed && at < changed)
        {
            return state;
        }

        var isMessage = signal.Kind == SignalKinds.Message;
        if (!state.OptedOut)
        {
            if (signal.Kind is SignalKinds.Unfollow or SignalKinds.ContactRemoved)
            {
                return OptOut(state, SourceUnfollow, at);
            }

            return isMessage && MatchKeyword(signal.Text, options.OptOutKeywords) is { } keyword
                ? OptOut(state, KeywordPrefix + keyword, at)
                : state;
        }

        if (isMessage && MatchKeyword(signal.Text, options.OptInKeywords) is { } optIn)
        {
            return state with { OptedOut = false, ConsentSource = KeywordPrefix + optIn, ConsentChangedAt = at };
        }

        var byAdmin = state.ConsentSource?.StartsWith(AdminPrefix, StringComparison.Ordinal) == true;
        return signal.Kind is SignalKinds.Follow or SignalKinds.ContactAdded && !byAdmin
            ? state with { OptedOut = false, ConsentSource = signal.Kind == SignalKinds.Follow ? SourceFollow : SignalKinds.ContactAdded, ConsentChangedAt = at }
            : state;
    }

    private static ContactState OptOut(ContactState state, string source, DateTimeOffset at) =>
        state with { OptedOut = true, ConsentSource = source, ConsentChangedAt = at };

    private static DateTimeOffset Later(DateTimeOffset? known, DateTimeOffset at) => known is { } k && k > at ? k : at;

    /// <summary>Full-width "ＴＤ" as "TD", without the spaces and punctuation people put around a one-word reply.</summary>
    private static string Fold(string text) =>
        text.Normalize(NormalizationForm.FormKC).Trim().Trim(Punctuation).Trim();

    private static void CheckSameContact(ContactState state, string tenant, string channel, string contact)
    {
        if (state.Tenant != tenant || state.Channel != channel || state.Contact != contact)
        {
            throw new ArgumentException(
                $"the state is for {state.Tenant}/{state.Channel}/{state.Contact}, not {tenant}/{channel}/{contact}", nameof(state));
        }
    }
}

namespace Triggers.Core.Coins;

/// <summary>
/// A message may show the person's knowledge coins: <c>{coins.balance}</c> and <c>{coins.xp}</c> in a rule's text or a
/// template are filled in when the message is sent, from the wallet as it is then.
/// </summary>
public static class CoinPlaceholders
{
    public const string Balance = "{coins.balance}";
    public const string Xp = "{coins.xp}";

    public static bool In(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains(Balance, StringComparison.Ordinal) || text.Contains(Xp, StringComparison.Ordinal);
    }

    public static string Fill(string text, Wallet wallet)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(wallet);
        return text
            .Replace(Balance, wallet.Coins.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(Xp, wallet.Xp.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}

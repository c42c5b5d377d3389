namespace Triggers.Azure.Stores;

/// <summary>Table names in one place (they are also documented in docs/tables.md).</summary>
public static class TableNames
{
    public const string Signals = "Signals";
    public const string Touchpoints = "Touchpoints";
    public const string Rules = "Rules";
    public const string Dedupe = "Dedupe";
    public const string Topics = "Topics";
    public const string Emotions = "Emotions";
    public const string EmotionSeries = "EmotionSeries";
    public const string RoomMinutes = "RoomMinutes";
    public const string Cooldowns = "Cooldowns";
    public const string RuleHistory = "RuleHistory";
    public const string ContactStates = "ContactStates";
    public const string SendLedger = "SendLedger";
    public const string Handoffs = "Handoffs";
    public const string People = "People";
    public const string Coins = "Coins";
    public const string Rewards = "Rewards";
    public const string RewardStock = "RewardStock";
    public const string Scoring = "Scoring";
    public const string Trust = "Trust";
    public const string Erasures = "Erasures";
    public const string Portfolio = "Portfolio";
    public const string Promotions = "Promotions";
    public const string Journeys = "Journeys";
    public const string ControlLines = "ControlLines";

    /// <summary>Every table the app creates at start-up.</summary>
    public static IReadOnlyList<string> All { get; } = [Signals, Touchpoints, Rules, Dedupe, Topics, Emotions, EmotionSeries, RoomMinutes, Cooldowns, RuleHistory, ContactStates, SendLedger, Handoffs, People, Coins, Rewards, RewardStock, Scoring, Trust, Erasures, Portfolio, Promotions, Journeys, ControlLines];

    /// <summary>The emotion timeline's tables (docs/emotion.md).</summary>
    public static IReadOnlyList<string> Emotion { get; } = [Emotions, EmotionSeries, RoomMinutes];
}

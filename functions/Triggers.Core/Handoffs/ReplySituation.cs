namespace Triggers.Core.Handoffs;

/// <summary>What a reply suggestion is chosen on.</summary>
/// <param name="Topic">The dominant topic (peaking or most mentioned), or null.</param>
/// <param name="Sentiment">positive, neutral or negative: the contact's latest message.</param>
/// <param name="Trend">rising, falling or steady (see <see cref="HandoffTrend"/>).</param>
/// <param name="LastText">The contact's latest message text, if any.</param>
public sealed record ReplySituation(string? Topic, string Sentiment, string Trend, string? LastText);

using Triggers.Azure.Stores;
using Triggers.Core.Processing;

namespace Triggers.Hosting.Processing;

/// <summary>
/// What the hourly PurgeExpired timer removes: dedupe markers past Webhooks:DedupeWindow, and emotion series points
/// and room minutes past Emotion:SeriesRetention (the contact's current emotion state is kept), and send-ledger
/// touches older than any frequency cap counts.
/// </summary>
public sealed class StoragePurge(IDedupeStore dedupe, TableEmotionStore emotions, TableRoomStore rooms, TableSendLedger ledger)
{
    public async Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await dedupe.PurgeExpiredAsync(now, cancellationToken)
        + await emotions.PurgeExpiredAsync(now, cancellationToken)
        + await rooms.PurgeExpiredAsync(now, cancellationToken)
        + await ledger.PurgeExpiredAsync(now, cancellationToken);
}

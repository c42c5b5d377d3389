using Microsoft.Extensions.Options;
using Triggers.Azure.Stores;
using Azure.Data.Tables;
using Triggers.Core.Emotion;

namespace Triggers.Hosting.Emotion;

public static class EmotionServiceCollectionExtensions
{
    /// <summary>
    /// The emotion timeline: <see cref="EmotionOptions"/> bound from <c>Emotion</c> and validated on start, the table
    /// stores (also registered as themselves, for their purge), which the decision pipeline's <see cref="EmotionTracker"/> uses.
    /// Needs <see cref="TableServiceClient"/> and <see cref="TimeProvider"/> registered.
    /// </summary>
    public static IServiceCollection AddTriggersEmotion(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EmotionOptions>()
            .Bind(configuration.GetSection(EmotionOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmotionOptions>, EmotionOptionsValidator>();

        services.AddSingleton(sp => new TableEmotionStore(
            sp.GetRequiredService<TableServiceClient>(), Options(sp).SeriesRetention));
        services.AddSingleton(sp => new TableRoomStore(
            sp.GetRequiredService<TableServiceClient>(), Options(sp).SeriesRetention));
        services.AddSingleton<IEmotionStore>(sp => sp.GetRequiredService<TableEmotionStore>());
        services.AddSingleton<IRoomStore>(sp => sp.GetRequiredService<TableRoomStore>());
        return services;
    }

    private static EmotionOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<EmotionOptions>>().Value;
}

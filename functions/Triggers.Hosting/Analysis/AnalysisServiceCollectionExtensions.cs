using Azure.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Triggers.Azure.Language;
using Triggers.Core.Analysis;
using Triggers.Core.Analysis.Embedded;

namespace Triggers.Hosting.Analysis;

public static class AnalysisServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ITextAnalyzer"/> from <c>Analysis:Provider</c>: the embedded analyser, or Azure AI Language
    /// with the embedded analyser as fallback. Settings are validated at start-up. A <see cref="TokenCredential"/>
    /// registered in the container replaces DefaultAzureCredential for Entra ID.
    /// </summary>
    public static IServiceCollection AddTriggersAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnalysisOptions>()
            .Bind(configuration.GetSection(AnalysisOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnalysisOptions>, AnalysisOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EmbeddedSentimentAnalyzer>();
        services.TryAddSingleton(sp => AzureLanguageClientFactory.Create(
            sp.GetRequiredService<IOptions<AnalysisOptions>>().Value.AzureLanguage, sp.GetService<TokenCredential>()));
        services.AddSingleton<ITextAnalyzer>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AnalysisOptions>>().Value;
            ITextAnalyzer embedded = sp.GetRequiredService<EmbeddedSentimentAnalyzer>();
            if (!options.UsesAzureLanguage)
            {
                return embedded;
            }

            return new FallbackTextAnalyzer(
                new AzureLanguageAnalyzer(sp.GetRequiredService<LanguageClient>()),
                embedded,
                options.AzureLanguage.Timeout,
                options.AzureLanguage.OutageCooldown,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<FallbackTextAnalyzer>>());
        });
        return services;
    }
}

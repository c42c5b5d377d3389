using Microsoft.Extensions.Options;
using Triggers.Core.Emotion;

namespace Triggers.Hosting.Emotion;

/// <summary>Runs <see cref="EmotionOptions.Validate"/> at start-up, so a bad setting stops the app with every problem named.</summary>
public sealed class EmotionOptionsValidator : IValidateOptions<EmotionOptions>
{
    public ValidateOptionsResult Validate(string? name, EmotionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

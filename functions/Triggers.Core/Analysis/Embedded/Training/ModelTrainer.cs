namespace Triggers.Core.Analysis.Embedded.Training;

/// <summary>
/// Trains the character model: L2-regularised logistic regression by plain SGD over binary unigram and bigram
/// presence, on the texts outside the held-out split. Single-threaded, a seeded shuffle and ordinal orders
/// everywhere, so the same corpus gives byte-identical output. The bias is dropped from the shipped weights:
/// it only encodes the corpus's class balance, which other domains do not share.
/// </summary>
public static class ModelTrainer
{
    public static TrainingResult Train(IEnumerable<LabelledText> corpus, IReadOnlyList<(string Term, int Valence)> afinn, TrainingOptions options, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(afinn);
        ArgumentNullException.ThrowIfNull(options);

        var documents = new List<(HashSet<uint> Features, bool Positive)>();
        var counts = new Dictionary<uint, int>();
        var heldOut = 0;
        var dev = 0;
        foreach (var item in corpus)
        {
            if (CorpusSplit.IsHeldOut(item.Text, options.Holdout, options.Seed))
            {
                heldOut++;
                continue;
            }

            if (CorpusSplit.IsDev(item.Text, options.Holdout, options.Seed, options.Dev))
            {
                dev++;
                continue;
            }

            var features = new HashSet<uint>();
            CharFeatures.Collect(TextNormalizer.Normalize(item.Text), features);
            foreach (var f in features)
            {
                counts[f] = counts.GetValueOrDefault(f) + 1;
            }

            documents.Add((features, item.Positive));
        }

        var keys = counts.Where(p => p.Value >= options.MinCount).Select(p => p.Key).Order().ToArray();
        var index = new Dictionary<uint, int>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            index[keys[i]] = i;
        }

        var rows = documents.Select(d => d.Features.Where(index.ContainsKey).Select(f => index[f]).Order().ToArray()).ToArray();
        var labels = documents.Select(d => d.Positive ? 1.0 : 0.0).ToArray();
        progress?.Invoke($"{documents.Count} training texts, {heldOut} held out, {dev} set aside for development, {keys.Length} features (of {counts.Count}) kept");

        var weights = Fit(rows, labels, keys.Length, options, progress);
        using var stream = new MemoryStream();
        ModelFormat.Write(stream, keys, weights.Select(w => (float)w).ToArray(), Usable(afinn));
        return new TrainingResult(stream.ToArray(), documents.Count, heldOut, keys.Length);
    }

    private static double[] Fit(int[][] rows, double[] labels, int featureCount, TrainingOptions options, Action<string>? progress)
    {
        var weights = new double[featureCount];
        double bias = 0;
        var order = Enumerable.Range(0, rows.Length).ToArray();
        var state = options.Seed;
        long step = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            for (var i = order.Length - 1; i > 0; i--)
            {
                state = CorpusSplit.Mix(state);
                var j = (int)(state % (ulong)(i + 1));
                (order[i], order[j]) = (order[j], order[i]);
            }

            double loss = 0;
            foreach (var d in order)
            {
                var row = rows[d];
                var z = bias;
                foreach (var f in row)
                {
                    z += weights[f];
                }

                var p = 1 / (1 + Math.Exp(-z));
                var gradient = p - labels[d];
                loss -= labels[d] > 0 ? Math.Log(Math.Max(p, 1e-12)) : Math.Log(Math.Max(1 - p, 1e-12));
                var rate = options.LearningRate / (1 + (step++ * 1e-5));
                bias -= rate * gradient;
                foreach (var f in row)
                {
                    weights[f] -= rate * (gradient + (options.L2 * weights[f]));
                }
            }

            progress?.Invoke($"epoch {epoch + 1}/{options.Epochs}: mean log-loss {loss / Math.Max(1, rows.Length):F4}");
        }

        return weights;
    }

    // Emoticons that open or close with a bracket or start with a digit ("):", "8)") fire on ordinary
    // punctuation such as "(含税):" or list numbers, so they are left out.
    private static List<(string Term, int Valence)> Usable(IReadOnlyList<(string Term, int Valence)> afinn) =>
        [.. afinn.Where(e => e.Term.Length > 0 && e.Term[0] is not ('(' or ')') && !char.IsAsciiDigit(e.Term[0]) && !e.Term.EndsWith('('))];
}

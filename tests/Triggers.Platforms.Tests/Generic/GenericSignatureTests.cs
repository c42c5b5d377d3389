using System.Text;
using Triggers.Platforms.Generic;
using static Triggers.Platforms.Tests.Generic.GenericFixtures;

namespace Triggers.Platforms.Tests.Generic;

public sealed class GenericSignatureTests
{
    [Fact]
    public void The_signature_matches_the_independently_computed_vector()
    {
        Assert.Equal(SingleSignature, GenericSignature.Compute(Secret, Timestamp, Encoding.UTF8.GetBytes(SingleBody)));
        Assert.Equal(BatchSignature, GenericSignature.Compute(Secret, Timestamp, Encoding.UTF8.GetBytes(BatchBody)));
    }

    [Fact]
    public void Upper_case_hex_is_accepted_but_the_prefix_is_required()
    {
        var body = Encoding.UTF8.GetBytes(SingleBody);

        Assert.True(GenericSignature.Matches("sha256=" + SingleSignature.ToUpperInvariant(), Secret, Timestamp, body));
        Assert.False(GenericSignature.Matches(SingleSignature, Secret, Timestamp, body));
    }

    [Fact]
    public void The_timestamp_is_covered_by_the_signature()
    {
        Assert.False(GenericSignature.Matches("sha256=" + SingleSignature, Secret, "1793671446", Encoding.UTF8.GetBytes(SingleBody)));
    }
}

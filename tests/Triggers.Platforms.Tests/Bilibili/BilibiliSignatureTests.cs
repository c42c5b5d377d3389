using System.Text;
using Triggers.Platforms.Bilibili;
using static Triggers.Platforms.Tests.Bilibili.BilibiliFixtures;

namespace Triggers.Platforms.Tests.Bilibili;

public sealed class BilibiliSignatureTests
{
    private static readonly Dictionary<string, string> AppStartHeaders = new()
    {
        ["x-bili-accesskeyid"] = "akid-test",
        ["x-bili-content-md5"] = "13ccc4bd6d4cd7056eeb04e6fe441c09",
        ["x-bili-signature-method"] = "HMAC-SHA256",
        ["x-bili-signature-nonce"] = "nonce-1",
        ["x-bili-signature-version"] = "1.0",
        ["x-bili-timestamp"] = "1700000000",
    };

    [Fact]
    public void The_body_md5_matches_the_reference_value()
    {
        // platforms.md §8: MD5 of {"code":"ABC","app_id":1}; recomputed with hashlib.md5.
        Assert.Equal("13ccc4bd6d4cd7056eeb04e6fe441c09", BilibiliSignature.BodyMd5("""{"code":"ABC","app_id":1}"""u8));
        Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", BilibiliSignature.BodyMd5([]));
    }

    [Fact]
    public void The_string_to_sign_is_the_sorted_headers_joined_by_newlines_without_a_trailing_one()
    {
        Assert.Equal(
            "x-bili-accesskeyid:akid-test\nx-bili-content-md5:13ccc4bd6d4cd7056eeb04e6fe441c09\nx-bili-signature-method:HMAC-SHA256\n" +
            "x-bili-signature-nonce:nonce-1\nx-bili-signature-version:1.0\nx-bili-timestamp:1700000000",
            BilibiliSignature.StringToSign(name => AppStartHeaders[name]));
    }

    [Fact]
    public void The_signature_matches_the_reference_vector()
    {
        // platforms.md §8 (self-computed, not official), recomputed here with Python's hmac.
        Assert.Equal(
            "b3401f72338fa92342dc82dcafb74109815e6afb66b135865240265a9c3470cd",
            BilibiliSignature.Compute("secret-test", BilibiliSignature.StringToSign(name => AppStartHeaders[name])));
    }

    [Fact]
    public void The_danmaku_sample_signature_matches_its_python_vector()
    {
        var headers = Headers(DanmakuMd5, "nonce-dm-1", DanmakuAuthorization);

        Assert.Equal(DanmakuMd5, BilibiliSignature.BodyMd5(Encoding.UTF8.GetBytes(DanmakuBody)));
        Assert.Equal(DanmakuAuthorization, BilibiliSignature.Compute(AppSecret, BilibiliSignature.StringToSign(name => headers[name])));
    }
}

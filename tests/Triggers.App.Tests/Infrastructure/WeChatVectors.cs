namespace Triggers.App.Tests.Infrastructure;

/// <summary>The official WeChat message-push test vectors (shared/reference/platforms.md §1.7 A).</summary>
internal static class WeChatVectors
{
    public const string Token = "AAAAA";
    public const string EncodingAesKey = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    public const string AppId = "wxba5fad812f8e6fb9";

    public const string VerifyQuery = "signature=f464b24fc39322e44b38aa78f5edd27bd1441696&echostr=4375120948345356249&timestamp=1714036504&nonce=1514711492";
    public const string VerifyEchoStr = "4375120948345356249";

    public const string SafeModeQuery = "signature=6c5c811b55cc85e0e1b54100749188c20beb3f5d&timestamp=1714112445&nonce=415670741&openid=o9AgO5Kd5ggOC-bXrbNODIiE3bGY&encrypt_type=aes&msg_signature=046e02f8204d34f8ba5fa3b1db94908f3df2e9b3";
    public const string SafeModeEncrypt = "+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=";
    public static string SafeModeBody => $$"""{"ToUserName":"gh_97417a04a28d","Encrypt":"{{SafeModeEncrypt}}"}""";

    /// <summary>The sender of the vector message.</summary>
    public const string OpenId = "o9AgO5Kd5ggOC-bXrbNODIiE3bGY";

    public const string PlainQuery = "signature=899cf89e464efb63f54ddac96b0a0a235f53aa78&timestamp=1714037059&nonce=486452656";
    public const string PlainBody = """{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714037059,"MsgType":"event","Event":"debug_demo","debug_str":"hello world"}""";

    /// <summary>The vectors are from 2024; the tests accept old timestamps on purpose.</summary>
    public const string WideReplayWindow = "3650.00:00:00";
}

namespace Triggers.Platforms.Tests.WeChatShop;

/// <summary>The shop event samples of platforms.md §3 (official order-callback pages, via SKIT's event samples), verbatim.</summary>
internal static class ShopSamples
{
    public const string OrderPay =
        """{"ToUserName":"gh_*","FromUserName":"OPENID","CreateTime":1662480000,"MsgType":"event","Event":"channels_ec_order_pay","order_info":{"order_id":"3705115058471208928","pay_time":"1658509200"}}""";

    /// <summary>OrderPay encrypted for wxba5fad812f8e6fb9 under 43×A with random "shop-order-pay01", computed with Python's cryptography package.</summary>
    public const string OrderPayEncrypt =
        "9fKPIcgCdq4q0jWTvim9pSU/MiifgyIFIW9nWn/u76lxBXHORlf7XvTYaXYg3e/AgA4UHWVELsjd34JjcADQh2kte55+e6CZHMKFujxgX8FFB7VgKQ5ppfImjDj46+s3zQur2pIQynBwyY8Sfm00k4ltDLBOVDWoGJOxUM3QaKGQZIRPhCGFiqAoLrIex9ExqjsEH4+FMqfy9vxFa730G/SvNOgpZcqrTmxmrRJfj8SMDQxoDZylqUesw83J2RzsTVAPE2XaunuNgZ+t20FSCQv1d/7+5QR/LkzODYAi+ixwZ4CdliT9uWO5xd6Lwl3aQr+ikNKDwnzMNOULf1r2eA==";

    public const string OrderNew =
        """{"ToUserName":"gh_*","FromUserName":"OPENID","CreateTime":1662480000,"MsgType":"event","Event":"channels_ec_order_new","order_info":{"order_id":3705115058471208928}}""";

    public const string AfterSaleUpdate =
        """{"ToUserName":"gh_*","FromUserName":"OpenID","CreateTime":1662480000,"MsgType":"event","Event":"channels_ec_aftersale_update","finder_shop_aftersale_status_update":{"status":"USER_WAIT_RETURN","after_sale_order_id":"1234567","order_id":"12345","wxa_vip_discounted_price":100}}""";
}

namespace Triggers.Platforms.Outbound;

/// <summary>Which sender a touchpoint takes; see <see cref="TouchpointSenders"/> for the rules.</summary>
internal enum SenderRoute
{
    None,
    GenericWebhook,
    WeChatCustomerService,
    WeComExternalContact,
    WeComRobot,
}

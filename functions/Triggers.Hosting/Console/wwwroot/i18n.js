// Chinese first; English on request. Every text the console shows comes from here.
window.I18n = (() => {
  const texts = {
    'zh-CN': {
      title: 'Triggers 运营控制台', tenant: '租户', signOut: '退出', language: 'English',
      'nav.rules': '规则', 'nav.contacts': '客户', 'nav.handoffs': '人工接手', 'nav.portfolio': '平台组合', 'nav.health': '健康',
      'portfolio.title': '平台组合', 'portfolio.sub': '三条控制线：单一平台流量占比（预警线）、投入产出比（利润线）、新平台投入占比（创新线）。', 'portfolio.compute': '立即计算', 'portfolio.computing': '计算中…',
      'portfolio.none': '还没有计算过控制线。点“立即计算”，或等每小时的自动计算。', 'portfolio.computed': '计算于 {0}，窗口 {1}',
      'portfolio.platform': '平台', 'portfolio.signals': '信号占比', 'portfolio.revenue': '收入占比', 'portfolio.roi': 'ROI', 'portfolio.innovation': '新平台投入占比',
      'portfolio.crossed': '越线', 'portfolio.noneCrossed': '没有越线。', 'portfolio.crossedAt': '{0}：{1}，控制线 {2}', 'portfolio.newPlatforms': '新平台',
      'portfolio.line.concentration': '预警线', 'portfolio.line.roi': '利润线', 'portfolio.line.innovation': '创新线', 'portfolio.alerts': '每次越线的预警在“人工接手”里（规则 control-lines）。',
      'portfolio.funnel': '象限旅程漏斗（30 天）', 'portfolio.funnelSub': '{0} 人中，按顺序走到各象限的人数。', 'portfolio.noJourneys': '旅程只为在表 Portfolio 中有行的租户记录：添加平台行（象限、成本）后开始累计。',
      'quadrant.value': '价值', 'quadrant.emotion': '情感', 'quadrant.conversion': '转化', 'quadrant.service': '服务',
      'contacts.title': '客户', 'contacts.sub': '按任一平台账号查找（平台:账号，如 wechat:oAbC123），看跨平台合并的时间线与情绪心电图。', 'contacts.search': '查找',
      'contacts.empty': '输入一个账号开始，例如 douyin:71523。', 'contacts.emotion': '情绪心电图', 'contacts.noEmotion': '这位客户还没有带话题的情绪记录。',
      'contacts.noPeaks': '没有情绪峰值。', 'contacts.intensity': '强度', 'contacts.baseline': '基线', 'contacts.causedNothing': '没有触发触达',
      'contacts.timeline': '时间线', 'contacts.nothing': '90 天内没有记录。', 'contacts.why': '原因',
      'contacts.type.signal': '信号', 'contacts.type.touchpoint': '触达', 'contacts.type.handoff': '人工接手', 'contacts.type.coins': '知识币',
      'handoffs.title': '人工接手', 'handoffs.sub': '需要人来处理的客户，最急的在前：最近的消息、情绪、信任与建议回复。认领后，这位客户待发的自动触达会让路。',
      'handoffs.open': '待认领', 'handoffs.claimed': '处理中', 'handoffs.closed': '已关闭',
      'handoffs.empty.open': '没有待认领的客户。规则的 handoff 动作和控制线预警会出现在这里。', 'handoffs.empty.claimed': '没有处理中的接手。', 'handoffs.empty.closed': '还没有关闭的接手。',
      'handoffs.urgency': '紧急度', 'handoffs.negative': '负面', 'handoffs.trust': '信任', 'handoffs.amount': '金额', 'handoffs.waiting': '已等待',
      'handoffs.suggested': '建议回复', 'handoffs.claimedBy': '认领人', 'handoffs.closedBy': '关闭人', 'handoffs.agent': '你的名字',
      'handoffs.claim': '认领', 'handoffs.claimDone': '已认领：{0} 条待发的自动触达已让路。', 'handoffs.outcome': '处理结果', 'handoffs.close': '关闭', 'handoffs.closedNow': '已关闭。',
      'key.title': '输入管理密钥', 'key.help': '密钥只保存在本浏览器的本次会话中，关闭标签页即清除。', 'key.enter': '进入',
      'key.wrong': '密钥不对：{0}', 'key.none': '这个密钥看不到任何租户。',
      'rules.title': '规则', 'rules.sub': '运营人员维护的触达规则：状态、优先级、最近修改与问题。',
      'rules.empty': '这个租户还没有规则。在表 Rules 中添加，或用规则编辑器新建。',
      'rules.id': '规则', 'rules.status': '状态', 'rules.priority': '优先级', 'rules.changed': '最近修改', 'rules.by': '修改人',
      'status.enabled': '已启用', 'status.disabled': '未启用', 'status.broken': '有错误',
      'health.title': '健康', 'health.sub': '存储、渠道与各配置表的问题行。', 'health.status': '状态', 'health.storage': '存储',
      'health.channels': '渠道', 'health.problems': '配置问题', 'health.none': '没有问题行。', 'health.table': '表', 'health.row': '行', 'health.problem': '问题',
      'healthy': '正常', 'unhealthy': '异常', reachable: '可访问', unavailable: '不可用', loading: '加载中…', 'error.load': '加载失败：{0}',
    },
    en: {
      title: 'Triggers operations console', tenant: 'Tenant', signOut: 'Sign out', language: '中文',
      'nav.rules': 'Rules', 'nav.contacts': 'Contacts', 'nav.handoffs': 'Hand-offs', 'nav.portfolio': 'Portfolio', 'nav.health': 'Health',
      'portfolio.title': 'Portfolio', 'portfolio.sub': 'The three control lines: one platform\'s share of traffic (warning), return on cost (profit), the share spent on new platforms (innovation).', 'portfolio.compute': 'Compute now', 'portfolio.computing': 'Computing…',
      'portfolio.none': 'No control lines have been computed yet. Choose Compute now, or wait for the hourly computation.', 'portfolio.computed': 'Computed {0}, window {1}',
      'portfolio.platform': 'Platform', 'portfolio.signals': 'Share of signals', 'portfolio.revenue': 'Share of revenue', 'portfolio.roi': 'ROI', 'portfolio.innovation': 'New platforms\' share of cost',
      'portfolio.crossed': 'Lines crossed', 'portfolio.noneCrossed': 'No line is crossed.', 'portfolio.crossedAt': '{0}: {1}, line at {2}', 'portfolio.newPlatforms': 'new platforms',
      'portfolio.line.concentration': 'Warning line', 'portfolio.line.roi': 'Profit line', 'portfolio.line.innovation': 'Innovation line', 'portfolio.alerts': 'Each crossing raised an alert in Hand-offs (rule control-lines).',
      'portfolio.funnel': 'Quadrant journey funnel (30 days)', 'portfolio.funnelSub': 'Of {0} people, how many reached each quadrant in order.', 'portfolio.noJourneys': 'Journeys are tracked for tenants with rows in table Portfolio: add the platforms\' rows (quadrant, cost) to start.',
      'quadrant.value': 'Value', 'quadrant.emotion': 'Emotion', 'quadrant.conversion': 'Conversion', 'quadrant.service': 'Service',
      'contacts.title': 'Contacts', 'contacts.sub': 'Find anyone by any platform account (platform:id, such as wechat:oAbC123): the timeline across their accounts and the emotion ECG.', 'contacts.search': 'Find',
      'contacts.empty': 'Enter an account to start, for example douyin:71523.', 'contacts.emotion': 'Emotion ECG', 'contacts.noEmotion': 'No emotion on any topic has been recorded for this person yet.',
      'contacts.noPeaks': 'No peaks.', 'contacts.intensity': 'intensity', 'contacts.baseline': 'baseline', 'contacts.causedNothing': 'set off no touchpoint',
      'contacts.timeline': 'Timeline', 'contacts.nothing': 'Nothing in the last 90 days.', 'contacts.why': 'Why',
      'contacts.type.signal': 'Signal', 'contacts.type.touchpoint': 'Touchpoint', 'contacts.type.handoff': 'Hand-off', 'contacts.type.coins': 'Coins',
      'handoffs.title': 'Hand-offs', 'handoffs.sub': 'Customers who need a person, most urgent first: recent messages, emotion, trust and a suggested reply. Claiming one makes the customer\'s pending automated touches give way.',
      'handoffs.open': 'Open', 'handoffs.claimed': 'Claimed', 'handoffs.closed': 'Closed',
      'handoffs.empty.open': 'Nobody is waiting. Rules\' handoff actions and control-line alerts appear here.', 'handoffs.empty.claimed': 'No hand-off is being handled.', 'handoffs.empty.closed': 'No hand-off has been closed yet.',
      'handoffs.urgency': 'Urgency', 'handoffs.negative': 'Negative', 'handoffs.trust': 'Trust', 'handoffs.amount': 'Amount', 'handoffs.waiting': 'Waiting',
      'handoffs.suggested': 'Suggested reply', 'handoffs.claimedBy': 'Claimed by', 'handoffs.closedBy': 'Closed by', 'handoffs.agent': 'Your name',
      'handoffs.claim': 'Claim', 'handoffs.claimDone': 'Claimed: {0} pending automated touches gave way.', 'handoffs.outcome': 'Outcome', 'handoffs.close': 'Close', 'handoffs.closedNow': 'Closed.',
      'key.title': 'Enter the admin key', 'key.help': 'The key stays in this browser tab only, until you close it.', 'key.enter': 'Enter',
      'key.wrong': 'That key was refused: {0}', 'key.none': 'This key sees no tenant.',
      'rules.title': 'Rules', 'rules.sub': 'The touch rules operations staff keep: status, priority, last change and problems.',
      'rules.empty': 'This tenant has no rules yet. Add them in table Rules, or create one with the rule editor.',
      'rules.id': 'Rule', 'rules.status': 'Status', 'rules.priority': 'Priority', 'rules.changed': 'Last change', 'rules.by': 'Changed by',
      'status.enabled': 'Enabled', 'status.disabled': 'Disabled', 'status.broken': 'Broken',
      'health.title': 'Health', 'health.sub': 'Storage, channels, and broken rows of the staff tables.', 'health.status': 'Status', 'health.storage': 'Storage',
      'health.channels': 'Channels', 'health.problems': 'Configuration problems', 'health.none': 'No broken rows.', 'health.table': 'Table', 'health.row': 'Row', 'health.problem': 'Problem',
      'healthy': 'Healthy', 'unhealthy': 'Unhealthy', reachable: 'Reachable', unavailable: 'Unavailable', loading: 'Loading…', 'error.load': 'Could not load: {0}',
    },
  };
  let language = sessionStorage.getItem('triggers.language') || 'zh-CN';
  const t = (key, ...args) => (texts[language][key] ?? texts['zh-CN'][key] ?? key).replace(/\{(\d)\}/g, (_, i) => args[Number(i)] ?? '');
  const apply = (root = document) => {
    document.documentElement.lang = language;
    root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  };
  const toggle = () => { language = language === 'zh-CN' ? 'en' : 'zh-CN'; sessionStorage.setItem('triggers.language', language); };
  return { t, apply, toggle, get language() { return language; } };
})();

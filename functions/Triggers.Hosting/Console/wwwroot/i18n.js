// Chinese first; English on request. Every text the console shows comes from here.
window.I18n = (() => {
  const texts = {
    'zh-CN': {
      title: 'Triggers 运营控制台', tenant: '租户', signOut: '退出', language: 'English',
      'nav.rules': '规则', 'nav.health': '健康',
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
      'nav.rules': 'Rules', 'nav.health': 'Health',
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

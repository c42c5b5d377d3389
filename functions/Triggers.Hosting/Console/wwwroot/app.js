// What a change did, said once on the page drawn after it: show() redraws the page (or goes to `hash`) with fresh data,
// and the page puts take() in its status line.
window.Flash = (() => {
  const key = 'triggers.saved';
  return {
    show(message, hash) {
      sessionStorage.setItem(key, message);
      // The same hash would fire no hashchange, and the page would keep what the change replaced.
      if (hash && location.hash !== hash) location.hash = hash;
      else window.dispatchEvent(new HashChangeEvent('hashchange'));
    },
    take() {
      const message = sessionStorage.getItem(key);
      sessionStorage.removeItem(key);
      return message ?? '';
    },
  };
})();

// The shell: the key, the tenant the key may see, the language, and one page at a time from the hash (#/rules).
(() => {
  const main = document.getElementById('main');
  const tenantSelect = document.getElementById('tenant');
  const dialog = document.getElementById('key-dialog');
  const t = I18n.t;

  const el = (tag, attributes = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(child ?? ''));
    return node;
  };

  const askForKey = message => {
    document.getElementById('key-error').textContent = message ?? '';
    if (!dialog.open) dialog.showModal();
  };

  const loadAccess = async () => {
    const access = await Api.get('/api/admin/access');
    const chosen = sessionStorage.getItem('triggers.tenant');
    tenantSelect.replaceChildren(...access.tenants.map(name => el('option', { value: name }, name)));
    if (access.tenants.includes(chosen)) tenantSelect.value = chosen;
    document.getElementById('sign-out').hidden = false;
    if (access.tenants.length === 0) throw new Error(t('key.none'));
  };

  const render = async () => {
    I18n.apply();
    document.getElementById('language').textContent = t('language');
    const page = (location.hash.replace(/^#\//, '') || 'rules').split('?')[0];
    document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', a.dataset.page === (page === 'rule' ? 'rules' : page)));
    main.replaceChildren(el('p', { class: 'sub' }, t('loading')));
    if (!Api.key()) { askForKey(); return; }
    const draw = window.Pages[page] ?? window.Pages.rules;
    const content = document.createDocumentFragment();
    try {
      if (tenantSelect.options.length === 0) await loadAccess();
      await draw(content, { tenant: tenantSelect.value, t, el });
      main.replaceChildren(content);
    } catch (error) {
      if (error instanceof Api.ApiError && error.status === 401) { Api.clearKey(); askForKey(t('key.wrong', error.message)); return; }
      main.replaceChildren(el('p', { class: 'error', role: 'alert' }, t('error.load', error.message)));
    }
  };

  document.getElementById('key-form').addEventListener('submit', () => {
    Api.setKey(document.getElementById('key').value.trim());
    tenantSelect.replaceChildren();
    render();
  });
  tenantSelect.addEventListener('change', () => { sessionStorage.setItem('triggers.tenant', tenantSelect.value); render(); });
  document.getElementById('language').addEventListener('click', () => { I18n.toggle(); render(); });
  document.getElementById('sign-out').addEventListener('click', () => { Api.clearKey(); tenantSelect.replaceChildren(); render(); });
  window.addEventListener('hashchange', render);
  render();
})();

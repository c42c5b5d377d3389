// The admin API with the key entered once per browser session (sessionStorage, never localStorage).
window.Api = (() => {
  const keyName = 'triggers.admin-key';
  class ApiError extends Error {
    constructor(status, detail) { super(detail); this.status = status; }
  }
  const key = () => sessionStorage.getItem(keyName);
  const request = async (method, path, body) => {
    const headers = { 'x-functions-key': key() ?? '' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) throw new ApiError(response.status, json?.detail ?? response.statusText);
    return json;
  };
  return {
    ApiError,
    key,
    setKey: value => sessionStorage.setItem(keyName, value),
    clearKey: () => sessionStorage.removeItem(keyName),
    get: path => request('GET', path),
    post: (path, body) => request('POST', path, body ?? {}),
    put: (path, body) => request('PUT', path, body),
  };
})();

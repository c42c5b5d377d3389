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
  // NDJSON answers (a simulation's progress): each line to onLine as it arrives; the last line is returned.
  const stream = async (path, body, onLine) => {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'x-functions-key': key() ?? '', 'content-type': 'application/json', accept: 'application/x-ndjson' },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      const text = await response.text();
      throw new ApiError(response.status, (text ? JSON.parse(text) : null)?.detail ?? response.statusText);
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let last = null;
    for (;;) {
      const { value, done } = await reader.read();
      buffer += decoder.decode(value ?? new Uint8Array(), { stream: !done });
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines.filter(l => l.trim())) { last = JSON.parse(line); onLine(last); }
      if (done) break;
    }
    if (buffer.trim()) { last = JSON.parse(buffer); onLine(last); }
    return last;
  };
  return {
    ApiError,
    stream,
    key,
    setKey: value => sessionStorage.setItem(keyName, value),
    clearKey: () => sessionStorage.removeItem(keyName),
    get: path => request('GET', path),
    post: (path, body) => request('POST', path, body ?? {}),
    put: (path, body) => request('PUT', path, body),
  };
})();

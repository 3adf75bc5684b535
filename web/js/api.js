// The page's one way to the server: the JSON API of docs/api.md. The session cookie rides
// along by itself (same origin); the browser adds the Origin header to every write.

export class ApiError extends Error {
  constructor(status, message, data = null) {
    super(message);
    this.status = status;
    this.data = data;  // the JSON body of the refusal, e.g. {"error", "safety"} from a 409
  }
}

async function request(method, path, body) {
  const options = {method, headers: {Accept: 'application/json'}};
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, options);
  } catch {
    throw new ApiError(0, 'limber is not answering. Is `limber serve` still running in its terminal?');
  }
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  // An answer the service worker kept from earlier, because the server did not answer now
  // (sw.js): the page says "as of" when.
  const savedAt = response.headers.get('X-Limber-Saved-At');
  if (savedAt && data && typeof data === 'object') {
    Object.defineProperty(data, 'asOf', {value: savedAt, enumerable: false});
  }
  if (!response.ok) {
    if (response.status === 401) {
      throw new ApiError(401, 'This page has lost its key. Open the address that `limber serve` printed.');
    }
    throw new ApiError(response.status, (data && data.error) || `The server answered ${response.status}.`, data);
  }
  return data;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body) => request('POST', path, body ?? {}),
  put: (path, body) => request('PUT', path, body),
  del: (path) => request('DELETE', path),
};

// The public REST API as the signed-in browser uses it: the session cookie, and the session's CSRF token on every
// request that changes something. A 401 (no session, or it ended) goes to the console's sign-in and comes back.
var csrfToken = null;

export function useCsrfToken(token) { csrfToken = token; }

export function signInAndReturn() {
  var here = location.pathname + location.search + location.hash;
  location.assign("/console/sign-in?next=" + encodeURIComponent(here));
}

/** Answers the parsed JSON; a refusal throws an Error carrying status and the problem body. */
export function request(method, path, body) {
  var headers = { "Accept": "application/json" };
  var options = { method: method, headers: headers, credentials: "same-origin", cache: "no-store" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  if (method !== "GET" && csrfToken) { headers["X-CSRF-Token"] = csrfToken; }
  return fetch(path, options).then(function (response) {
    return response.text().then(function (text) {
      var data = null;
      try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
      if (response.status === 401) { signInAndReturn(); }
      if (!response.ok) {
        var error = new Error((data && (data.detail || data.title)) || response.statusText);
        error.status = response.status;
        error.problem = data || {};
        throw error;
      }
      return data;
    });
  });
}

export function get(path) { return request("GET", path); }
export function post(path, body) { return request("POST", path, body === undefined ? {} : body); }
export function patch(path, body) { return request("PATCH", path, body); }
export function put(path, body) { return request("PUT", path, body); }
export function del(path) { return request("DELETE", path); }

/** Every row of a list, page by page (the API answers at most 50 at a time). */
export function listAll(path) {
  var rows = [];
  var separator = path.indexOf("?") < 0 ? "?" : "&";
  function page(skip) {
    return get(path + separator + "$limit=50&$skip=" + skip).then(function (answer) {
      rows = rows.concat(answer.data);
      var next = skip + answer.data.length;
      return answer.data.length > 0 && next < answer.total ? page(next) : rows;
    });
  }
  return page(0);
}

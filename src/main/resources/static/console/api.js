// The public REST API, with the session cookie. Writes carry the session's CSRF token; a 401 anywhere means the
// session ended, so the page goes to sign-in and comes back to the same address afterwards.

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ("HTTP " + status));
    this.status = status;
    this.problem = problem || {};
    this.code = this.problem.code || null;
  }
}

let csrfToken = null;

export function useCsrfToken(token) {
  csrfToken = token;
}

/** The sign-in page, told to come back here: the same path, query and hash (a settings section is a hash). */
export function signInUrl() {
  const here = window.location.pathname + window.location.search + window.location.hash;
  return "/console/sign-in?next=" + encodeURIComponent(here);
}

let leaving = false;

/**
 * Goes to sign-in once: several reads refused together (the day and the waitlist beside it) would otherwise each
 * start the navigation again and abort the one before.
 */
export function goToSignIn() {
  if (leaving) { return; }
  leaving = true;
  window.location.assign(signInUrl());
}

/**
 * One request. Answers the parsed JSON (null for 204); throws ApiError for any other 4xx/5xx. Options:
 * anonymous (a 401 is an answer, not an ended session), keepalive (survives the page being closed).
 */
export async function request(method, path, body, options) {
  const opts = options || {};
  const headers = { "Accept": "application/json" };
  if (body !== undefined) { headers["Content-Type"] = "application/json"; }
  if (method !== "GET" && method !== "HEAD" && csrfToken) { headers["X-CSRF-Token"] = csrfToken; }
  const response = await fetch(path, {
    method: method,
    headers: headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
    cache: "no-store",
    keepalive: opts.keepalive === true
  });
  if (response.status === 401 && !opts.anonymous) {
    goToSignIn();
    throw new ApiError(401, null);
  }
  let data = null;
  const type = response.headers.get("Content-Type") || "";
  if (response.status !== 204 && type.includes("json")) {
    data = await response.json();
  }
  if (!response.ok) { throw new ApiError(response.status, data); }
  return data;
}

export const get = function (path, options) { return request("GET", path, undefined, options); };
/** A POST without a body sends {} (an action such as a password reset link takes no fields). */
export const post = function (path, body, options) {
  return request("POST", path, body === undefined ? {} : body, options);
};
export const patch = function (path, body, options) { return request("PATCH", path, body, options); };
export const put = function (path, body, options) { return request("PUT", path, body, options); };
export const del = function (path, options) { return request("DELETE", path, undefined, options); };

/** Every row of a list, page by page (the API answers at most 50 at a time). */
export async function listAll(path) {
  const separator = path.indexOf("?") < 0 ? "?" : "&";
  let rows = [];
  for (let skip = 0; ; ) {
    const answer = await get(path + separator + "$limit=50&$skip=" + skip);
    rows = rows.concat(answer.data);
    skip += answer.data.length;
    if (answer.data.length === 0 || skip >= answer.total) { return rows; }
  }
}

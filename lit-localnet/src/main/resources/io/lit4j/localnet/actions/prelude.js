// lit-localnet Lit Actions prelude: the v4 (lit_node 0.2.16) globals over the Java host bridge
// `__lit`. Values cross as JSON strings so nothing but plain data leaves the sandbox.
(function () {
  'use strict';
  const g = globalThis;
  // the bridge lives in this closure only: the action cannot reach the Java object itself
  let current = g.__lit;
  delete g.__lit;
  const host = () => current;
  // GraalJS extras a Deno isolate does not have (host interop, shell helpers)
  for (const name of ['Java', 'Polyglot', 'Graal', 'print', 'printErr', 'load', 'loadWithNewGlobal', 'quit', 'exit',
    'read', 'readbuffer', 'readline', 'Packages', 'java', 'javax', 'javafx', 'com', 'org', 'edu', 'net']) {
    try { delete g[name]; } catch (e) { /* not configurable: leave it */ }
  }
  const bytesJson = (v, what) => {
    if (v === undefined || v === null) throw new Error(what + ' is required');
    if (typeof v === 'string') return JSON.stringify(Array.from(new TextEncoder().encode(v)));
    if (v instanceof ArrayBuffer) return JSON.stringify(Array.from(new Uint8Array(v)));
    return JSON.stringify(Array.from(v));
  };
  const fromJson = (s) => (s === undefined || s === null ? s : JSON.parse(s));
  // coordinated operations answer {ok} or {error}; an error becomes a plain JS Error
  const settled = (s) => {
    const r = JSON.parse(s);
    if (r.error !== undefined) throw new Error(r.error);
    return r.ok;
  };
  // a failed host operation arrives as a Java exception (GraalJS even makes it instanceof Error):
  // the action gets a plain JS Error with the node's message instead
  const asError = (e) => {
    let m;
    try { m = e !== null && e !== undefined && typeof e.getMessage === 'function' ? e.getMessage() : undefined; } catch (x) { m = undefined; }
    if (m !== undefined) return new Error(m === null || m === '' ? 'operation failed' : String(m));
    return e instanceof Error ? e : new Error(String(e));
  };
  // ops run as a promise job, as Deno ops are async: a failure rejects a promise the caller
  // already holds, so it is never reported as an unhandled rejection before the caller awaits it
  const call = (fn) => Promise.resolve().then(fn).catch((e) => { throw asError(e); });

  // --- unhandled rejections: Deno fails the action on an unhandled rejection. GraalJS's own
  // tracker is shared by every context of an engine and not thread-safe, so the runtime tracks
  // the promises it is handed (the script's completion value, timer callbacks' results).
  let failure = null;
  const watch = (v) => {
    if (v !== null && (typeof v === 'object' || typeof v === 'function') && typeof v.then === 'function') {
      v.then(undefined, (e) => { if (failure === null) failure = { error: e }; });
    }
  };
  const describe = (e) => {
    if (e instanceof Error) return e.stack && String(e.stack).startsWith(String(e)) ? String(e.stack) : String(e);
    try { return typeof e === 'string' ? e : JSON.stringify(e); } catch (x) { return String(e); }
  };
  const takeFailure = () => {
    if (failure === null) return null;
    const f = failure;
    failure = null;
    return 'Uncaught (in promise) ' + describe(f.error);
  };

  // --- console, logs -------------------------------------------------------------------------
  const fmt = (a) => {
    if (typeof a === 'string') return a;
    if (a instanceof Error) return a.stack || String(a);
    try { const s = JSON.stringify(a); return s === undefined ? String(a) : s; } catch (e) { return String(a); }
  };
  const log = (...args) => host().log(args.map(fmt).join(' '));
  g.console = { log, info: log, warn: log, error: log, debug: log, trace: log };

  // --- timers (run by the Java loop after the script returns) --------------------------------
  let timerSeq = 0;
  const timers = new Map();
  const addTimer = (fn, ms, args, repeat) => {
    if (typeof fn !== 'function') throw new TypeError('Callback must be a function');
    const id = ++timerSeq;
    const delay = Math.max(0, Number(ms) || 0);
    timers.set(id, { due: host().now() + delay, fn, args, repeat: repeat ? Math.max(1, delay) : 0, seq: id });
    return id;
  };
  g.setTimeout = (fn, ms, ...args) => addTimer(fn, ms, args, false);
  g.setInterval = (fn, ms, ...args) => addTimer(fn, ms, args, true);
  g.clearTimeout = (id) => { timers.delete(Number(id)); };
  g.clearInterval = g.clearTimeout;
  const nextTimerDelay = () => {
    let next = -1;
    const now = host().now();
    for (const t of timers.values()) {
      const d = Math.max(0, t.due - now);
      if (next < 0 || d < next) next = d;
    }
    return next;
  };
  // runs the earliest due timer (one per call, so promise jobs run between timers as in Deno)
  const runDueTimer = () => {
    const now = host().now();
    let pick = null;
    for (const [id, t] of timers) {
      if (t.due <= now && (pick === null || t.due < pick[1].due || (t.due === pick[1].due && t.seq < pick[1].seq))) pick = [id, t];
    }
    if (pick === null) return;
    const [id, t] = pick;
    if (t.repeat > 0) t.due = now + t.repeat;
    else timers.delete(id);
    watch(t.fn(...t.args));
  };

  // --- browser-ish globals ethers v5 and actions expect ---------------------------------------
  g.window = g;
  g.self = g;
  g.atob = (s) => host().atob(String(s));
  g.btoa = (s) => host().btoa(String(s));
  g.crypto = g.crypto || {};
  g.crypto.getRandomValues = (arr) => {
    const bytes = JSON.parse(host().randomBytes(arr.length * (arr.BYTES_PER_ELEMENT || 1)));
    const view = new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
    for (let i = 0; i < view.length; i++) view[i] = bytes[i];
    return arr;
  };
  if (typeof g.TextEncoder === 'undefined') {
    g.TextEncoder = class TextEncoder {
      get encoding() { return 'utf-8'; }
      encode(s) { return Uint8Array.from(JSON.parse(host().utf8Encode(String(s === undefined ? '' : s)))); }
    };
  }
  if (typeof g.TextDecoder === 'undefined') {
    g.TextDecoder = class TextDecoder {
      get encoding() { return 'utf-8'; }
      decode(b) { return b === undefined ? '' : host().utf8Decode(JSON.stringify(Array.from(new Uint8Array(b.buffer || b, b.byteOffset || 0, b.byteLength === undefined ? b.length : b.byteLength)))); }
    };
  }

  // --- base64 for bodies (kept in JS: bodies can be large) -----------------------------------
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const B64I = new Int16Array(128).fill(-1);
  for (let i = 0; i < 64; i++) B64I[B64.charCodeAt(i)] = i;
  const toB64 = (u8) => {
    let out = '';
    let i = 0;
    for (; i + 2 < u8.length; i += 3) {
      const n = (u8[i] << 16) | (u8[i + 1] << 8) | u8[i + 2];
      out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
    }
    if (i < u8.length) {
      const n = (u8[i] << 16) | ((i + 1 < u8.length ? u8[i + 1] : 0) << 8);
      out += B64[n >> 18] + B64[(n >> 12) & 63] + (i + 1 < u8.length ? B64[(n >> 6) & 63] : '=') + '=';
    }
    return out;
  };
  const fromB64 = (s) => {
    const clean = s.replace(/=+$/, '');
    const out = new Uint8Array(Math.floor(clean.length * 3 / 4));
    let bits = 0, acc = 0, o = 0;
    for (let i = 0; i < clean.length; i++) {
      acc = (acc << 6) | B64I[clean.charCodeAt(i)];
      bits += 6;
      if (bits >= 8) { bits -= 8; out[o++] = (acc >> bits) & 255; }
    }
    return out;
  };

  // --- fetch (a WHATWG subset over the node's HTTP client) ----------------------------------
  class Headers {
    constructor(init) {
      this._m = new Map();
      if (init === undefined || init === null) return;
      if (init instanceof Headers) init.forEach((v, k) => this.append(k, v));
      else if (Array.isArray(init)) init.forEach(([k, v]) => this.append(k, v));
      else if (typeof init === 'object') Object.keys(init).forEach((k) => this.append(k, init[k]));
      else throw new TypeError('Headers init must be an object, an array of pairs or Headers');
    }
    append(k, v) { const n = String(k).toLowerCase(); const o = this._m.get(n); this._m.set(n, o === undefined ? String(v) : o + ', ' + String(v)); }
    set(k, v) { this._m.set(String(k).toLowerCase(), String(v)); }
    get(k) { const v = this._m.get(String(k).toLowerCase()); return v === undefined ? null : v; }
    has(k) { return this._m.has(String(k).toLowerCase()); }
    delete(k) { this._m.delete(String(k).toLowerCase()); }
    forEach(fn, thisArg) { Array.from(this._m.keys()).sort().forEach((k) => fn.call(thisArg, this._m.get(k), k, this)); }
    *entries() { for (const k of Array.from(this._m.keys()).sort()) yield [k, this._m.get(k)]; }
    *keys() { for (const [k] of this.entries()) yield k; }
    *values() { for (const [, v] of this.entries()) yield v; }
    [Symbol.iterator]() { return this.entries(); }
  }
  const bodyBytes = (body) => {
    if (body === undefined || body === null) return null;
    if (typeof body === 'string') return { b64: toB64(new TextEncoder().encode(body)), type: 'text/plain;charset=UTF-8' };
    if (body instanceof ArrayBuffer) return { b64: toB64(new Uint8Array(body)), type: null };
    if (ArrayBuffer.isView(body)) return { b64: toB64(new Uint8Array(body.buffer, body.byteOffset, body.byteLength)), type: null };
    return bodyBytes(String(body));
  };
  class Response {
    constructor(body, init) {
      const i = init || {};
      this.status = i.status === undefined ? 200 : i.status;
      this.statusText = i.statusText || '';
      this.headers = i.headers instanceof Headers ? i.headers : new Headers(i.headers);
      this.url = i.url || '';
      this.redirected = !!i.redirected;
      this.type = 'basic';
      this._body = body === undefined || body === null ? new Uint8Array(0)
        : typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(body);
      this.bodyUsed = false;
    }
    get ok() { return this.status >= 200 && this.status <= 299; }
    _take() {
      if (this.bodyUsed) return Promise.reject(new TypeError('Body already consumed.'));
      this.bodyUsed = true;
      return Promise.resolve(this._body);
    }
    arrayBuffer() { return this._take().then((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)); }
    bytes() { return this._take(); }
    text() { return this._take().then((b) => (b.length === 0 ? '' : host().utf8DecodeBase64(toB64(b)))); }
    json() { return this.text().then((t) => JSON.parse(t)); }
    clone() {
      if (this.bodyUsed) throw new TypeError('Body already consumed.');
      return new Response(this._body, this);
    }
  }
  g.Headers = Headers;
  g.Response = Response;
  const fetchImpl = (input, init) => {
    const i = init || {};
    const url = typeof input === 'string' ? input : input && typeof input.url === 'string' ? input.url : String(input);
    const method = String(i.method || (input && input.method) || 'GET').toUpperCase();
    const headers = new Headers(i.headers !== undefined ? i.headers : input && input.headers);
    const body = bodyBytes(i.body !== undefined ? i.body : input && input.body);
    if (body !== null && (method === 'GET' || method === 'HEAD')) throw new TypeError('Request with GET/HEAD method cannot have body.');
    if (body !== null && body.type !== null && !headers.has('content-type')) headers.set('content-type', body.type);
    const req = { url, method, headers: Array.from(headers.entries()), body: body === null ? null : body.b64 };
    const r = JSON.parse(host().fetch(JSON.stringify(req)));
    if (r.error !== undefined) throw new TypeError(r.error);
    return new Response(fromB64(r.body), { status: r.status, statusText: r.statusText, headers: r.headers, url: r.url, redirected: r.redirected });
  };
  g.fetch = function fetch(input, init) { return call(() => fetchImpl(input, init)); };
  Object.freeze(g.fetch);

  // --- Lit.Actions ---------------------------------------------------------------------------
  const perm = (op) => (args) => call(() => fromJson(host().permissions(op, JSON.stringify(args || {}))));
  const decryptArgs = (args) => {
    if (!args || typeof args !== 'object') throw new Error('decrypt arguments are required');
    return JSON.stringify(args);
  };
  const actions = {
    isPermittedAction: perm('isPermittedAction'),
    isPermittedAddress: perm('isPermittedAddress'),
    isPermittedAuthMethod: (a) => perm('isPermittedAuthMethod')({ ...a, userId: a && a.userId !== undefined ? Array.from(a.userId) : undefined }),
    getPermittedActions: perm('getPermittedActions'),
    getPermittedAddresses: perm('getPermittedAddresses'),
    getPermittedAuthMethods: perm('getPermittedAuthMethods'),
    getPermittedAuthMethodScopes: (a) => perm('getPermittedAuthMethodScopes')({ ...a, userId: a && a.userId !== undefined ? Array.from(a.userId) : undefined }),
    pubkeyToTokenId: ({ publicKey }) => call(() => host().pubkeyToTokenId(String(publicKey))),
    signEcdsa: ({ toSign, publicKey, sigName }) => call(() => {
      host().signEcdsa(bytesJson(toSign, 'toSign'), String(publicKey), String(sigName));
      return 'success';
    }),
    ethPersonalSignMessageEcdsa: ({ message, publicKey, sigName }) => call(() => {
      host().ethPersonalSignMessageEcdsa(bytesJson(message, 'message'), String(publicKey), String(sigName));
      return 'success';
    }),
    checkConditions: ({ conditions, authSig, chain }) => call(() =>
      host().checkConditions(JSON.stringify(conditions), authSig === undefined ? null : JSON.stringify(authSig), chain === undefined ? null : String(chain))),
    getLatestNonce: ({ address, chain }) => call(() => host().getLatestNonce(String(address), String(chain))),
    getRpcUrl: ({ chain }) => call(() => host().getRpcUrl(String(chain))),
    callContract: ({ chain, txn }) => call(() => host().callContract(String(chain), String(txn))),
    claimKey: ({ keyId }) => call(() => { host().claimKey(String(keyId)); return 'success'; }),
    setResponse: ({ response }) => { host().setResponse(typeof response === 'string' ? response : JSON.stringify(response)); },
    uint8arrayToString: (arr, encoding) => host().bytesToString(JSON.stringify(Array.from(arr)), String(encoding || 'utf8')),
    uint8arrayFromString: (str, encoding) => Uint8Array.from(JSON.parse(host().bytesFromString(String(str), String(encoding || 'utf8')))),
    signAndCombineEcdsa: ({ toSign, publicKey, sigName }) => call(() =>
      settled(host().signAndCombineEcdsa(bytesJson(toSign, 'toSign'), String(publicKey), String(sigName)))),
    decryptAndCombine: (args) => call(() => settled(host().decrypt(decryptArgs(args), false))),
    decryptToSingleNode: (args) => call(() => settled(host().decrypt(decryptArgs(args), true))),
    broadcastAndCollect: ({ name, value }) => call(() => fromJson(settled(host().broadcastAndCollect(String(name), String(value))))),
    runOnce: async ({ waitForResponse, name } = {}, asyncFn) => {
      const leader = host().isLeader();
      let result = '';
      if (leader) {
        try { result = await asyncFn(); } catch (e) { result = '[ERROR]'; }
      }
      if (!waitForResponse) return result;
      const text = !leader ? null : typeof result === 'string' ? result : result === undefined ? 'undefined' : JSON.stringify(result);
      return settled(host().runOnceResult(String(name), text));
    },
    encrypt: ({ to_encrypt, ...rest } = {}) => call(() => fromJson(host().encrypt(JSON.stringify(rest), bytesJson(to_encrypt, 'to_encrypt')))),
    // v4 copies both into Uint8Arrays (new Uint8Array(x)) and answers the plaintext as hex
    aesDecrypt: ({ symmetricKey, ciphertext } = {}) => call(() =>
      settled(host().aesDecrypt(JSON.stringify(Array.from(new Uint8Array(symmetricKey || []))), JSON.stringify(Array.from(new Uint8Array(ciphertext || [])))))),
    call: ({ ipfsId, params } = {}) => call(() => settled(host().callChild(ipfsId === undefined || ipfsId === null ? '' : String(ipfsId),
      params === undefined || params === null ? null : JSON.stringify(params)))),
  };
  Object.freeze(actions);
  g.LitActions = actions;
  g.Lit = { Actions: actions };
  const install = (bridge, authJson, paramsJson) => {
    current = bridge;
    const auth = JSON.parse(authJson);
    g.Lit = Object.freeze({ Actions: actions, Auth: auth });
    g.LitAuth = auth;
    Object.assign(g, JSON.parse(paramsJson));
  };
  // one step of the runtime's loop: step 1 watches the script's completion value v, step 2 runs
  // the earliest due timer, step 0 only reports; promise jobs run after each call, so the runtime
  // asks (step 0) after each step: the action's failure as text, or the delay until its next
  // timer (-1: none left)
  const settle = (v, step) => {
    if (step === 1) watch(v);
    else if (step === 2) runDueTimer();
    const f = takeFailure();
    return f !== null ? f : nextTimerDelay();
  };
  // ethers on first use, for actions whose code does not name it (those get it loaded ahead)
  const lazyEthers = () => {
    Object.defineProperty(g, 'ethers', {
      configurable: true,
      enumerable: false,
      get() {
        delete g.ethers;
        host().loadEthers();
        return g.ethers;
      },
      set(v) {
        Object.defineProperty(g, 'ethers', { value: v, writable: true, enumerable: true, configurable: true });
      },
    });
  };
  // taken (and removed from the globals) by the runtime while it prepares the context
  g.__litRuntime = Object.freeze({ install, settle, lazyEthers });
})();

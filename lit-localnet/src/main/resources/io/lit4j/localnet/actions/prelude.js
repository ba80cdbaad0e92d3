// lit-localnet Lit Actions prelude: the v4 (lit_node 0.2.16) globals over the Java host bridge
// `__lit`. Values cross as JSON strings so nothing but plain data leaves the sandbox.
(function () {
  'use strict';
  const g = globalThis;
  const host = () => g.__lit;
  const bytesJson = (v, what) => {
    if (v === undefined || v === null) throw new Error(what + ' is required');
    if (typeof v === 'string') return JSON.stringify(Array.from(new TextEncoder().encode(v)));
    return JSON.stringify(Array.from(v));
  };
  const fromJson = (s) => (s === undefined || s === null ? s : JSON.parse(s));
  // coordinated operations answer {ok} or {error}; an error becomes a plain JS Error
  const settled = (s) => {
    const r = JSON.parse(s);
    if (r.error !== undefined) throw new Error(r.error);
    return r.ok;
  };
  // ops run as a promise job, as Deno ops are async: a failure rejects a promise the caller
  // already holds, so it is never reported as an unhandled rejection before the caller awaits it
  const call = (fn) => Promise.resolve().then(fn).catch((e) => { throw e instanceof Error ? e : new Error(String(e)); });

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
  g.setTimeout = (fn, ms, ...args) => {
    const id = ++timerSeq;
    timers.set(id, { due: host().now() + Math.max(0, Number(ms) || 0), fn, args });
    return id;
  };
  g.clearTimeout = (id) => { timers.delete(id); };
  g.setInterval = undefined;
  g.__litNextTimerDelay = () => {
    let next = -1;
    const now = host().now();
    for (const t of timers.values()) {
      const d = Math.max(0, t.due - now);
      if (next < 0 || d < next) next = d;
    }
    return next;
  };
  g.__litRunDueTimers = () => {
    const now = host().now();
    for (const [id, t] of Array.from(timers.entries())) {
      if (t.due <= now) {
        timers.delete(id);
        t.fn(...t.args);
      }
    }
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

  // --- Lit.Actions ---------------------------------------------------------------------------
  const perm = (op) => (args) => call(() => fromJson(host().permissions(op, JSON.stringify(args || {}))));
  const decryptArgs = (args) => {
    if (!args || typeof args !== 'object') throw new Error('decrypt arguments are required');
    return JSON.stringify(args);
  };
  const unavailable = (name) => () => Promise.reject(new Error('Lit.Actions.' + name + ' is not available on lit-localnet'));
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
    aesDecrypt: unavailable('aesDecrypt'),
    call: unavailable('call'),
  };
  Object.freeze(actions);
  g.LitActions = actions;
  g.Lit = { Actions: actions };
  g.__litInstallRequest = (authJson, paramsJson) => {
    const auth = JSON.parse(authJson);
    g.Lit = Object.freeze({ Actions: actions, Auth: auth });
    g.LitAuth = auth;
    Object.assign(g, JSON.parse(paramsJson));
  };
})();

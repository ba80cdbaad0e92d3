// Generates vectors/siwe_session.generated.json with the official JS SDK 4.2.0 packages: siwe 2.3.2
// messages, auth-helpers ReCaps, LitNodeClientNodeJs.getSessionSigs and
// createCapacityDelegationAuthSig on an offline client, ethers 5.7.2 EIP-191 signatures. Keys,
// seeds and nonces are keccak256(label); the clock is frozen per case and no randomness is drawn
// (the RNGs throw while an SDK call runs), so the output is the same on every run.
// Run by generate.sh (NODE_PATH = the SDK's node_modules).
'use strict';
const { versionOf, generatedBy, print, check, run } = require('./common.cjs');
const nodeCrypto = require('crypto');
// getSessionSigs' checks log with console.debug / console.info: keep stdout for the vector file
console.debug = (...args) => console.error(...args);
console.info = (...args) => console.error(...args);
const { ethers } = require('ethers');
const { SiweMessage } = require('siwe');
const { nacl } = require('@lit-protocol/nacl');
const bs58 = require('bs58');
const { RecapSessionCapabilityObject, parseLitResource } = require('@lit-protocol/auth-helpers');
const { LitNodeClientNodeJs } = require('@lit-protocol/lit-node-client-nodejs');
const { EthWalletProvider } = require('@lit-protocol/lit-auth-client');

// ---------------------------------------------------------------- determinism

const RealDate = Date;
const RNG = [
  [nodeCrypto, 'randomBytes'],
  [nodeCrypto, 'randomFillSync'],
  [nodeCrypto, 'randomInt'],
  [nodeCrypto, 'randomUUID'],
  [globalThis.crypto, 'getRandomValues'],
];

/** Runs fn with Date frozen at `now` (no-argument constructor and Date.now()) and every RNG throwing. */
const atTime = async (now, fn) => {
  const t = RealDate.parse(now);
  class FrozenDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(t);
      else super(...args);
    }
    static now() {
      return t;
    }
  }
  const saved = RNG.map(([o, k]) => o[k]);
  RNG.forEach(([o, k]) => {
    o[k] = () => {
      throw new Error('randomness drawn: ' + k);
    };
  });
  globalThis.Date = FrozenDate;
  try {
    return await fn();
  } finally {
    globalThis.Date = RealDate;
    RNG.forEach(([o, k], i) => (o[k] = saved[i]));
  }
};

const keccakLabel = (label) => ethers.utils.keccak256(ethers.utils.toUtf8Bytes(label));
const wallets = {};
/** The wallet of a label: private key keccak256(label). */
const walletOf = (label) => (wallets[label] = wallets[label] || new ethers.Wallet(keccakLabel(label)));
const walletRecord = (label) => ({ label, privateKey: walletOf(label).privateKey, address: walletOf(label).address });
const blockhash = (n) => {
  const label = 'lit4j/siwe-session/shared/blockhash/' + n;
  return { label, value: keccakLabel(label) };
};
const WALLET = (name) => 'lit4j/siwe-session/shared/wallet/' + name;
const EOA = WALLET('eoa');
const eip191Digest = (message) => ethers.utils.hashMessage(message);

/** An offline client: never connected; ready, connectedNodes and latestBlockhash set by hand. */
const offlineClient = (latestBlockhash, nodeAddresses = []) => {
  const client = new LitNodeClientNodeJs({ litNetwork: 'custom', debug: false });
  client.ready = true;
  client.connectedNodes = new Set(nodeAddresses);
  client.latestBlockhash = latestBlockhash;
  return client;
};

/** The fields of a SiweMessage that are set, in siwe's own field order. */
const SIWE_FIELDS = ['domain', 'address', 'statement', 'uri', 'version', 'chainId', 'nonce', 'issuedAt', 'expirationTime', 'notBefore', 'requestId', 'resources'];
const siweFields = (msg) => {
  const out = {};
  for (const k of SIWE_FIELDS) if (msg[k] !== undefined) out[k] = msg[k];
  return out;
};

/** Applies recorded ReCap ops (addCapabilityForResource / addAllCapabilitiesForResource) to obj. */
const applyOps = (obj, ops) => {
  for (const op of ops) {
    const resource = parseLitResource(op.resource);
    if (op.call === 'addCapabilityForResource') {
      if (op.data !== undefined) obj.addCapabilityForResource(resource, op.ability, op.data);
      else obj.addCapabilityForResource(resource, op.ability);
    } else if (op.call === 'addAllCapabilitiesForResource') obj.addAllCapabilitiesForResource(resource);
    else throw new Error('unknown op ' + op.call);
  }
  return obj;
};
const recapOf = (ops) => applyOps(new RecapSessionCapabilityObject({}, []), ops);
const b64urlJson = (urn) => Buffer.from(urn.slice('urn:recap:'.length), 'base64url').toString('utf8');

/** Runs async thunks one after another (atTime swaps globals, so never two at once). */
const sequence = async (thunks) => {
  const out = [];
  for (const t of thunks) out.push(await t());
  return out;
};

const personalSign = async (label, message) => ({
  sig: await walletOf(label).signMessage(message),
  derivedVia: 'web3.eth.personal.sign',
  signedMessage: message,
  address: walletOf(label).address,
});

// ---------------------------------------------------------------- shared inputs

const NOW = '2024-06-01T12:00:00.000Z';
/** A session key pair from nacl.sign.keyPair.fromSeed(keccak256(label)). */
const sessionKeyOf = (label) => {
  const seed = keccakLabel(label).slice(2);
  const pair = nacl.sign.keyPair.fromSeed(Buffer.from(seed, 'hex'));
  return { seedLabel: label, seed, publicKey: Buffer.from(pair.publicKey).toString('hex'), secretKey: Buffer.from(pair.secretKey).toString('hex') };
};
const SESSION_KEY = (n) => 'lit4j/siwe-session/shared/session-key/' + n;
const SESSION_PUB_1 = sessionKeyOf(SESSION_KEY(1)).publicKey;
const SESSION_PUB_2 = sessionKeyOf(SESSION_KEY(2)).publicKey;
const SESSION_PUB_3 = sessionKeyOf(SESSION_KEY(3)).publicKey;
/** PKP token id: keccak256 of the uncompressed public key of private key keccak256(label). */
const pkpTokenId = (label) => ethers.utils.keccak256(new ethers.utils.SigningKey(keccakLabel(label)).publicKey).slice(2);
/** A syntactically valid CIDv0: base58btc(0x1220 || sha256(utf8(label))); not the hash of any code. */
const cidOf = (label) => bs58.encode(Buffer.concat([Buffer.from('1220', 'hex'), nodeCrypto.createHash('sha256').update(label, 'utf8').digest()]));
const PKP_A = pkpTokenId('lit4j/siwe-session/shared/pkp/b');
const PKP_B = pkpTokenId('lit4j/siwe-session/shared/pkp/a');
// a token id that no case grants (its label is not recorded in the file)
const PKP_UNGRANTED = '2fda9a60a6085cf08a9c7184de0319249fa6c049a83b2462fd5c1f7d6d915f19';
const CID_A = cidOf('lit4j/siwe-session/shared/lit-action/1');
const CID_B = cidOf('lit4j/siwe-session/shared/lit-action/2');
// hashAccessControlConditions(conditions) + "/" + sha256(data), as recorded (the conditions are not in the file)
const ACC_RESOURCE = '9a92b26545ae2d20d2af0cdc33c14809296c6b0097f35bba541bbb90b2f783c7/3285382be7dc227081280ff3ee02f098d88d199a7129b5eb96e382c507e36834';
const ACC_RESOURCE_OTHER = '8362fcae44e7b122ba00e356a3acb44718be61e5b64ce90fc80dcc87bbd219b9/70cce2ff2eb4279ad1be8ec0770ca2c1e2a43f6601763512e1d159dd1e8886f8';
const ADDR_B = walletOf(WALLET('other')).address;
// an address whose label is not recorded in the file
const ADDR_C = '0x942A87C1c0a416da57E8AAB5AD2a46329A6ef0cb';
const DELEGATEES = [1, 2, 3].map((n) => walletOf(WALLET('delegatee/' + n)).address.slice(2));
const add = (resource, ability, data) => ({ call: 'addCapabilityForResource', resource, ability, ...(data ? { data } : {}) });
const addAll = (resource) => ({ call: 'addAllCapabilitiesForResource', resource });

const WALLET_AUTHSIG_FORMED_BY =
  "{ sig: await wallet.signMessage(message), derivedVia: 'web3.eth.personal.sign', signedMessage: message, address: wallet.address } (the shape @lit-protocol/lit-auth-client@4.2.0 EthWalletProvider.authenticate builds, and the v4 authNeededCallback pattern returns)";

// ---------------------------------------------------------------- siwe

const SIWE_CASES = [
  {
    id: 'siwe-2-session-recap-litaction-pkp',
    description: 'wallet SIWE for a session key: statement + ReCap (LitAction * and PKP *), 1 resource, uri lit:session:<pubkey>',
    recapBuiltWith: { ops: [add('lit-litaction://*', 'lit-action-execution'), add('lit-pkp://*', 'pkp-signing')], statementBefore: 'Some custom statement.', resourcesBefore: null },
    fields: { domain: 'localhost:3000', address: walletOf(EOA).address, uri: 'lit:session:' + SESSION_PUB_1, version: '1', chainId: 1, nonce: blockhash(2).value, issuedAt: NOW, expirationTime: '2024-06-02T12:00:00.000Z' },
    sign: true,
  },
  {
    id: 'siwe-3-chronicle-three-resources',
    description: 'chainId 175177, Not Before and Request ID, 3 resources (ipfs, https, ReCap for one ACC resource), uri lit:session:<pubkey>',
    recapBuiltWith: {
      ops: [add('lit-accesscontrolcondition://' + ACC_RESOURCE, 'access-control-condition-decryption')],
      statementBefore: 'Sign in to the Example dApp.',
      resourcesBefore: ['ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi', 'https://dapp.example.org/terms.json'],
    },
    fields: { domain: 'dapp.example.org', address: walletOf(EOA).address, uri: 'lit:session:' + SESSION_PUB_2, version: '1', chainId: 175177, nonce: blockhash(3).value, issuedAt: NOW, expirationTime: '2024-06-01T13:00:00.000Z', notBefore: '2024-06-01T11:59:00.000Z', requestId: 'req-7f3a9c01' },
    sign: true,
  },
  {
    id: 'siwe-4-capability-delegation-uri',
    description: 'uri lit:capability:delegation with a ReCap on one capacity token (Auth/Auth with nft_id, delegate_to, uses); not built by createCapacityDelegationAuthSig (see capacityDelegation)',
    recapBuiltWith: { ops: [add('lit-ratelimitincrease://12345', 'rate-limit-increase-auth', { nft_id: ['12345'], delegate_to: [DELEGATEES[0]], uses: '10' })], statementBefore: 'Delegate capacity credits.', resourcesBefore: null },
    fields: { domain: 'example.com', address: walletOf(EOA).address, uri: 'lit:capability:delegation', version: '1', chainId: 1, nonce: blockhash(4).value, issuedAt: NOW, expirationTime: '2024-06-01T12:07:00.000Z' },
    sign: true,
  },
  {
    id: 'siwe-5-empty-resources-no-expiration',
    description: 'no statement (two empty lines), resources [] (a bare "Resources:" line, which siwe\'s parser reads back as [""]), no Expiration Time, chainId 175177',
    fields: { domain: 'localhost', address: ADDR_B, uri: 'https://localhost/login', version: '1', chainId: 175177, nonce: blockhash(5).value, issuedAt: NOW, resources: [] },
    parseBack: "new SiweMessage(message) (siwe 2.3.2 parser) does not give these fields back; its fields and their prepareMessage() text:",
  },
  {
    id: 'siwe-6-timestamps-verbatim',
    description: 'time strings are copied verbatim: Issued At without milliseconds, Expiration Time with +02:00 offset, Not Before with 1-digit fraction; Request ID; 1 non-recap resource',
    fields: {
      domain: 'login.example.net',
      address: ADDR_B,
      statement: "I accept the ExampleOrg Terms of Service: https://login.example.net/tos (v2), [section 3] & more; ok = 'yes'!",
      uri: 'https://login.example.net/callback?state=abc#frag',
      version: '1',
      chainId: 1,
      nonce: blockhash(6).value,
      issuedAt: '2024-06-01T12:00:00Z',
      expirationTime: '2024-06-01T16:00:00+02:00',
      notBefore: '2024-06-01T12:00:00.5Z',
      requestId: 'req:42@example.net;v=1',
      resources: ['https://login.example.net/claims/profile.json'],
    },
  },
  {
    id: 'siwe-7-recap-only-statement',
    description: 'statement absent before addToSiweMessage, so it is the ReCap statement alone; ReCap with specific PKP token ids, a LitAction CID and "*/*" on the access-control-condition wildcard',
    recapBuiltWith: {
      ops: [add('lit-pkp://' + PKP_A, 'pkp-signing'), add('lit-pkp://' + PKP_B, 'pkp-signing'), add('lit-litaction://' + CID_A, 'lit-action-execution'), addAll('lit-accesscontrolcondition://*')],
      statementBefore: null,
      resourcesBefore: null,
    },
    fields: { domain: 'localhost', address: ADDR_C, uri: 'lit:session:' + SESSION_PUB_3, version: '1', chainId: 175177, nonce: blockhash(7).value, issuedAt: NOW, expirationTime: '2024-06-02T12:00:00.000Z' },
  },
  {
    id: 'siwe-8-three-resources-recap-last',
    description: '3 resources, the ReCap appended last (rate-limit wildcard without restrictions and an ACC resource with two abilities); Request ID',
    recapBuiltWith: {
      ops: [
        add('lit-ratelimitincrease://*', 'rate-limit-increase-auth'),
        add('lit-accesscontrolcondition://' + ACC_RESOURCE, 'access-control-condition-signing'),
        add('lit-accesscontrolcondition://' + ACC_RESOURCE, 'access-control-condition-decryption'),
      ],
      statementBefore: 'Grant access.',
      resourcesBefore: ['lit-litaction://' + CID_B, 'https://example.com/data/1.json'],
    },
    fields: { domain: 'example.com:8443', address: ADDR_B, uri: 'https://example.com:8443/', version: '1', chainId: 1, nonce: blockhash(8).value, issuedAt: NOW, expirationTime: '2024-06-08T12:00:00.000Z', requestId: '00000000-0000-4000-8000-000000000008' },
  },
];

/** siwe-1: EthWalletProvider.authenticate with a wallet, on an offline client. */
const ethWalletProviderCase = async () => {
  const inputs = { now: NOW, domain: 'app.example.com', origin: 'https://app.example.com', chain: 'ethereum', expiration: '2024-06-02T12:00:00.000Z', latestBlockhash: blockhash(1).value, address: walletOf(EOA).address };
  const provider = new EthWalletProvider({ litNodeClient: offlineClient(inputs.latestBlockhash), domain: inputs.domain, origin: inputs.origin });
  let given;
  const authMethod = await atTime(inputs.now, () =>
    provider.authenticate({
      address: inputs.address,
      signMessage: async (message) => {
        given = message;
        return walletOf(EOA).signMessage(message);
      },
      chain: inputs.chain,
      expiration: inputs.expiration,
    }),
  );
  const authSig = JSON.parse(authMethod.accessToken);
  check(authSig.signedMessage === given, 'siwe-1 signed message');
  return {
    id: 'siwe-1-ethwallet-provider',
    description: 'EthWalletProvider.authenticate (lit-auth-client 4.2.0): no statement, no resources (no Resources line), Issued At from the frozen clock',
    ethWalletProviderInputs: inputs,
    fields: siweFields(new SiweMessage(given)),
    fieldsNote: 'what EthWalletProvider gave to new SiweMessage(...), plus issuedAt, which siwe filled in from the (frozen) clock in prepareMessage()',
    message: given,
    signature: {
      eip191Digest: eip191Digest(given),
      authSig,
      authSigFormedBy: '@lit-protocol/lit-auth-client@4.2.0 EthWalletProvider.authenticate({address, signMessage: wallet.signMessage, chain, expiration}); authSig = JSON.parse(authMethod.accessToken)',
      authMethod,
    },
  };
};

const siweCase = async (c) => {
  let msg = new SiweMessage({ ...c.fields });
  if (c.recapBuiltWith) {
    if (c.recapBuiltWith.statementBefore !== null) msg.statement = c.recapBuiltWith.statementBefore;
    if (c.recapBuiltWith.resourcesBefore !== null) msg.resources = [...c.recapBuiltWith.resourcesBefore];
    msg = recapOf(c.recapBuiltWith.ops).addToSiweMessage(msg);
  }
  const message = await atTime(NOW, () => msg.prepareMessage());
  const out = { id: c.id, description: c.description };
  if (c.recapBuiltWith) out.recapBuiltWith = c.recapBuiltWith;
  out.fields = siweFields(msg);
  out.message = message;
  if (c.sign) {
    out.signature = { eip191Digest: eip191Digest(message), authSig: await personalSign(EOA, message), authSigFormedBy: WALLET_AUTHSIG_FORMED_BY };
  }
  if (c.parseBack) {
    const parsed = new SiweMessage(message);
    out.parseBack = { note: c.parseBack, fields: siweFields(parsed), message: await atTime(NOW, () => parsed.prepareMessage()) };
  }
  return out;
};

const siweSection = async () => ({
  note: 'fields = what was given to new SiweMessage(fields) (absent keys were not given); message = prepareMessage(). Where `recapBuiltWith` is present, statement and resources were produced by RecapSessionCapabilityObject.addToSiweMessage and are recorded after it. `signature` (some cases): EIP-191 personal_sign by `signer` with ethers Wallet.signMessage; eip191Digest = keccak256("\\x19Ethereum Signed Message:\\n" + utf8 byte length + message).',
  signer: walletRecord(EOA),
  cases: await sequence([ethWalletProviderCase, ...SIWE_CASES.map((c) => () => siweCase(c))]),
});

// ---------------------------------------------------------------- recap

const NEW_RECAP = { call: 'new RecapSessionCapabilityObject({}, [])' };
const RECAP_SIWE_TEMPLATE = { domain: 'localhost', address: walletOf(EOA).address, uri: 'lit:session:' + SESSION_PUB_1, version: '1', chainId: 1, nonce: blockhash(20).value, issuedAt: NOW, expirationTime: '2024-06-02T12:00:00.000Z' };
const RECAP_CASES = [
  {
    id: 'recap-1-litaction-pkp-wildcards',
    description: 'LitAction * (Threshold/Execution) + PKP * (Threshold/Signing), base statement "Some custom statement." (the verified example in client-protocol.md §4.3)',
    calls: [NEW_RECAP, add('lit-litaction://*', 'lit-action-execution'), add('lit-pkp://*', 'pkp-signing')],
    before: { statement: 'Some custom statement.', resources: null },
    checks: [['lit-litaction://' + CID_A, 'lit-action-execution'], ['lit-pkp://' + PKP_B, 'pkp-signing'], ['lit-accesscontrolcondition://*', 'access-control-condition-decryption']],
  },
  {
    id: 'recap-2-acc-specific-two-abilities',
    description: 'one specific ACC resource (<conditionsHash>/<dataHash>) with decryption and signing (two names in one namespace), no base statement',
    calls: [NEW_RECAP, add('lit-accesscontrolcondition://' + ACC_RESOURCE, 'access-control-condition-signing'), add('lit-accesscontrolcondition://' + ACC_RESOURCE, 'access-control-condition-decryption')],
    before: { statement: null, resources: null },
    checks: [
      ['lit-accesscontrolcondition://' + ACC_RESOURCE, 'access-control-condition-decryption'],
      ['lit-accesscontrolcondition://' + ACC_RESOURCE, 'access-control-condition-signing'],
      ['lit-accesscontrolcondition://' + ACC_RESOURCE_OTHER, 'access-control-condition-decryption'],
    ],
  },
  {
    id: 'recap-3-ratelimit-restrictions',
    description: 'lit-ratelimitincrease://<id> Auth/Auth with nota bene {nft_id, delegate_to, uses} given in unsorted key order (canonicalized in the URN); base statement "" (empty), so the statement starts with a space',
    calls: [NEW_RECAP, add('lit-ratelimitincrease://12345', 'rate-limit-increase-auth', { uses: '100', nft_id: ['12345'], delegate_to: DELEGATEES })],
    before: { statement: '', resources: null },
    // the one case whose SIWE (not recorded in siweTemplate) carries the delegation URI
    uri: 'lit:capability:delegation',
    checks: [['lit-ratelimitincrease://12345', 'rate-limit-increase-auth'], ['lit-ratelimitincrease://99999', 'rate-limit-increase-auth']],
  },
  {
    id: 'recap-4-specific-ids-appended',
    description: 'two specific PKP token ids, a LitAction CID, a rate-limit wildcard with {uses} only, two restrictions pushed on the same PKP ability; the base SIWE already has 2 non-recap resources (URN appended as the 3rd)',
    calls: [
      NEW_RECAP,
      add('lit-pkp://' + PKP_A, 'pkp-signing'),
      add('lit-pkp://' + PKP_B, 'pkp-signing', { note: 'first' }),
      add('lit-pkp://' + PKP_B, 'pkp-signing', { note: 'second' }),
      add('lit-litaction://' + CID_A, 'lit-action-execution'),
      add('lit-ratelimitincrease://*', 'rate-limit-increase-auth', { uses: '5' }),
    ],
    before: { statement: 'Use my PKPs.', resources: ['https://example.com/a.json', 'ipfs://' + CID_B] },
    checks: [
      ['lit-pkp://' + PKP_B, 'pkp-signing'],
      ['lit-pkp://' + PKP_A, 'pkp-signing'],
      ['lit-pkp://' + PKP_UNGRANTED, 'pkp-signing'],
      ['lit-litaction://' + CID_A, 'lit-action-execution'],
      ['lit-litaction://' + CID_B, 'lit-action-execution'],
      ['lit-ratelimitincrease://777', 'rate-limit-increase-auth'],
    ],
  },
  {
    id: 'recap-5-generate-with-wildcards-all',
    description: 'LitNodeClientNodeJs.generateSessionCapabilityObjectWithWildcards([lit-pkp://*, lit-litaction://*], true): "*/*" on each; then a Threshold/Decryption on lit-accesscontrolcondition://*',
    calls: [{ call: 'LitNodeClientNodeJs.generateSessionCapabilityObjectWithWildcards', resources: ['lit-pkp://*', 'lit-litaction://*'], addAllCapabilities: true }, add('lit-accesscontrolcondition://*', 'access-control-condition-decryption')],
    before: { statement: 'All capabilities.', resources: null },
    checks: [
      ['lit-pkp://' + PKP_B, 'pkp-signing'],
      ['lit-litaction://' + CID_B, 'lit-action-execution'],
      ['lit-accesscontrolcondition://' + ACC_RESOURCE, 'access-control-condition-signing'],
      ['lit-ratelimitincrease://1', 'rate-limit-increase-auth'],
    ],
  },
  {
    id: 'recap-6-merge-into-existing',
    description:
      'addToSiweMessage on a SIWE whose last resource is already a ReCap (ACC * decryption + LitAction * execution, added before): siwe-recap merges the two (statement suffix and last URN replaced, no resource added). The new recap adds PKP * and LitAction * execution with a restriction: an ability whose existing restrictions are all {} is REPLACED by the new list, so [{}] becomes [{code}]',
    calls: [NEW_RECAP, add('lit-pkp://*', 'pkp-signing'), add('lit-litaction://*', 'lit-action-execution', { code: CID_A })],
    existingRecap: { ops: [add('lit-litaction://*', 'lit-action-execution'), add('lit-accesscontrolcondition://*', 'access-control-condition-decryption')] },
    before: { statement: 'Base statement.', resources: ['https://example.com/before.json'] },
    checks: [['lit-pkp://' + PKP_A, 'pkp-signing'], ['lit-litaction://' + CID_A, 'lit-action-execution'], ['lit-accesscontrolcondition://' + ACC_RESOURCE, 'access-control-condition-decryption']],
  },
];

/** urn, its canonical JSON and its decoding. */
const recapView = (urn) => {
  const decoded = RecapSessionCapabilityObject.decode(urn);
  return { urn, json: b64urlJson(urn), decoded: { att: decoded.attenuations, prf: decoded.proofs } };
};

/** A SIWE from the template plus statement / resources when not null. */
const templateSiwe = (statement, resources, uri) => {
  const msg = new SiweMessage({ ...RECAP_SIWE_TEMPLATE, ...(uri ? { uri } : {}) });
  if (statement !== null) msg.statement = statement;
  if (resources !== null) msg.resources = [...resources];
  return msg;
};

const recapCase = async (c) => {
  let obj;
  for (const call of c.calls) {
    if (call === NEW_RECAP) obj = new RecapSessionCapabilityObject({}, []);
    else if (call.call === 'LitNodeClientNodeJs.generateSessionCapabilityObjectWithWildcards')
      obj = await LitNodeClientNodeJs.generateSessionCapabilityObjectWithWildcards(call.resources.map(parseLitResource), call.addAllCapabilities);
    else applyOps(obj, [call]);
  }
  const out = { id: c.id, description: c.description, calls: c.calls, ...recapView(obj.encodeAsSiweResource()), statement: obj.statement };
  let before = templateSiwe(c.before.statement, c.before.resources, c.uri);
  if (c.existingRecap) {
    const existing = recapOf(c.existingRecap.ops);
    out.existingRecap = { ops: c.existingRecap.ops, urn: existing.encodeAsSiweResource() };
    before = existing.addToSiweMessage(before);
  }
  const beforeView = { statement: before.statement ?? null, resources: before.resources ? [...before.resources] : null };
  const hadRecap = !!(before.resources && before.resources.length && before.resources[before.resources.length - 1].startsWith('urn:recap:'));
  const after = obj.addToSiweMessage(before);
  const path = hadRecap ? 'merged' : beforeView.resources ? 'appended' : 'new';
  const finalUrn = after.resources[after.resources.length - 1];
  out.siwe = { before: beforeView, after: { statement: after.statement, resources: after.resources }, path, message: await atTime(NOW, () => after.prepareMessage()) };
  if (hadRecap) out.siwe.mergedRecap = recapView(finalUrn);
  const finalRecap = RecapSessionCapabilityObject.decode(finalUrn);
  out.capabilityChecks = c.checks.map(([resource, ability]) => ({ resource, ability, verifyCapabilitiesForResource: finalRecap.verifyCapabilitiesForResource(parseLitResource(resource), ability) }));
  return out;
};

const recapSection = async () => ({
  note: 'urn = encodeAsSiweResource() = "urn:recap:" + base64url (no padding) of `json` (canonical JSON, keys sorted); decoded = RecapSessionCapabilityObject.decode(urn) {att, prf}; statement = the object\'s .statement; siwe = the SIWE (siweTemplate + before) before and after addToSiweMessage, with its prepareMessage() text; capabilityChecks = verifyCapabilitiesForResource on the final ReCap (what getSessionSigs checks against resources[0]).',
  siweTemplate: RECAP_SIWE_TEMPLATE,
  cases: await sequence(RECAP_CASES.map((c) => () => recapCase(c))),
});

// ---------------------------------------------------------------- capacity delegation

const CAPACITY_OWNER = WALLET('capacity-owner');

/**
 * createCapacityDelegationAuthSig on its own offline client (latestBlockhash = blockhash(n)) at
 * `now`. `given` holds only the parameters passed besides the wallet. Returns the recorded inputs
 * (only what was passed) and the SDK's result.
 */
const capacityDelegation = async (now, ownerLabel, blockhashN, given) => {
  const latestBlockhash = blockhash(blockhashN);
  const inputs = { now, dAppOwnerWallet: walletRecord(ownerLabel), latestBlockhash, ...given };
  const client = offlineClient(latestBlockhash.value);
  const result = await atTime(now, () => client.createCapacityDelegationAuthSig({ dAppOwnerWallet: walletOf(ownerLabel), ...given }));
  return { inputs, result };
};

const CAPACITY_CASES = [
  {
    id: 'capacity-1-all-inputs',
    description: 'token id, two delegatees (one EIP-55, one lower-case, both 0x: the 0x is stripped, the case kept), uses as a number, domain and expiration given',
    args: [NOW, CAPACITY_OWNER, 40, { capacityTokenId: '12345', delegateeAddresses: ['0x' + DELEGATEES[0], '0x' + DELEGATEES[1].toLowerCase()], uses: 10, domain: 'dapp.example.org', expiration: '2024-06-02T00:00:00.000Z' }],
  },
  {
    id: 'capacity-2-defaults-statement-ignored',
    description: 'delegatee without 0x; uses, domain and expiration omitted (defaults "1", example.com, now + 7 min); a statement is passed and ignored',
    args: [NOW, CAPACITY_OWNER, 41, { capacityTokenId: '67890', delegateeAddresses: [DELEGATEES[2]], statement: 'This statement is ignored by 4.2.0.' }],
  },
  {
    id: 'capacity-3-no-token-no-delegatees',
    description: 'no capacityTokenId (resource lit-ratelimitincrease://*, no nft_id) and no delegateeAddresses (no delegate_to); uses "3"',
    args: ['2024-06-01T18:30:00.000Z', EOA, 42, { uses: '3', domain: 'localhost', expiration: '2024-06-01T19:30:00.000Z' }],
  },
];

const capacityCase = async (c) => {
  const { inputs, result } = await capacityDelegation(...c.args);
  const authSig = result.capacityDelegationAuthSig;
  const signedMessage = authSig.signedMessage;
  const fields = siweFields(new SiweMessage(signedMessage));
  // the sig really is the owner's EIP-191 signature of the message
  check(ethers.utils.verifyMessage(signedMessage, '0x' + authSig.sig) === inputs.dAppOwnerWallet.address, c.id + ' signature');
  return {
    id: c.id,
    description: c.description,
    inputs,
    litResource: JSON.parse(JSON.stringify(result.litResource)),
    signedMessage,
    siweFields: fields,
    recap: recapView(fields.resources[fields.resources.length - 1]),
    eip191Digest: eip191Digest(signedMessage),
    authSig,
  };
};

const capacitySection = async () => ({
  note: 'LitNodeClientNodeJs.createCapacityDelegationAuthSig({dAppOwnerWallet, capacityTokenId?, delegateeAddresses?, uses?, domain?, expiration?, statement?}) on an offline client whose latestBlockhash is the SIWE nonce (4.2.0 has no nonce parameter). inputs lists only what was passed. signedMessage is authSig.signedMessage; siweFields is siwe\'s parse of it.',
  cases: await sequence(CAPACITY_CASES.map((c) => () => capacityCase(c))),
});

// ---------------------------------------------------------------- sessionSignedMessage

const rar = (resourceKey, ability) => ({ resource: parseLitResource(resourceKey), ability });

/**
 * The wallet SIWE the authNeededCallbacks build: uri, nonce and expiration from the params, a ReCap
 * for `requests` (generateSessionCapabilityObjectWithWildcards + addCapabilityForResource +
 * addToSiweMessage), signed with the wallet (EIP-191).
 */
const walletAuthSig = async (walletLabel, { statement, domain, chainId }, requests, params) => {
  const recap = await LitNodeClientNodeJs.generateSessionCapabilityObjectWithWildcards(requests.map((r) => r.resource));
  for (const r of requests) recap.addCapabilityForResource(r.resource, r.ability);
  let siwe = new SiweMessage({
    domain,
    address: walletOf(walletLabel).address,
    ...(statement !== undefined ? { statement } : {}),
    uri: params.uri,
    version: '1',
    chainId,
    nonce: params.nonce,
    expirationTime: params.expiration,
  });
  siwe = recap.addToSiweMessage(siwe);
  return personalSign(walletLabel, siwe.prepareMessage());
};

const CLOSURE = (statement, domain, chainId) =>
  `builds the SIWE from its params (uri, nonce, expiration) and a ReCap from the resourceAbilityRequests captured in a closure (generateSessionCapabilityObjectWithWildcards + addCapabilityForResource + addToSiweMessage), signs it with wallet.signMessage; ${statement === undefined ? 'no statement' : `statement "${statement}"`}; domain ${domain}, chainId ${chainId}`;

const NON_ASCII_STATEMENT = 'Zugriff für Café – 5 € ☕ 日本語 😀';
const STALE_NOW = '2024-06-01T11:00:00.000Z';

const SESSION_CASES = [
  {
    id: 'session-1-litaction-pkp-three-nodes',
    description: 'EOA session: LitAction * and PKP *, three nodes (one signature per node, only nodeAddress differs), no expiration param',
    now: NOW,
    key: 1,
    blockhash: 30,
    wallet: EOA,
    chain: 'ethereum',
    requests: [['lit-litaction://*', 'lit-action-execution'], ['lit-pkp://*', 'pkp-signing']],
    expiration: null,
    nodes: ['https://192.0.2.11:443', 'https://192.0.2.12:443', 'https://192.0.2.13:443'],
    siwe: { statement: 'Some custom statement.', domain: 'localhost', chainId: 1 },
  },
  {
    id: 'session-2-acc-specific-expiration-param',
    description: 'ACC decryption for one specific resource; expiration param given (it only reaches the wallet SIWE; the signed expiration is still now + 5 min); chainId 175177; http node URL',
    now: '2024-06-01T12:34:56.789Z',
    key: 2,
    blockhash: 31,
    wallet: EOA,
    chain: 'chronicleTestnet',
    requests: [['lit-accesscontrolcondition://' + ACC_RESOURCE, 'access-control-condition-decryption']],
    expiration: '2024-06-01T13:34:56.789Z',
    nodes: ['http://127.0.0.1:7470'],
    siwe: { statement: undefined, domain: 'dapp.example.org', chainId: 175177 },
  },
  {
    id: 'session-3-capacity-delegation',
    description: 'capacityDelegationAuthSig (from createCapacityDelegationAuthSig) placed first in capabilities, wallet authSig second; PKP specific token id + LitAction *; two nodes',
    now: '2024-06-01T12:10:00.000Z',
    key: 3,
    blockhash: 32,
    wallet: WALLET('delegatee/1'),
    chain: 'ethereum',
    requests: [['lit-pkp://' + PKP_B, 'pkp-signing'], ['lit-litaction://*', 'lit-action-execution']],
    expiration: null,
    nodes: ['https://192.0.2.11:443', 'https://192.0.2.12:443'],
    siwe: { statement: 'Session with delegated capacity.', domain: 'localhost', chainId: 1 },
    capacity: [NOW, CAPACITY_OWNER, 33, { capacityTokenId: '12345', delegateeAddresses: ['0x' + DELEGATEES[0]], uses: '10', domain: 'dapp.example.org', expiration: '2024-06-02T00:00:00.000Z' }],
  },
  {
    id: 'session-4-non-ascii-statement',
    description:
      'wallet SIWE statement with non-ASCII (ä, é, €, ☕, 日本語, 😀); it reaches the signed JSON only through the re-sign path (call 1: stale authSig for another session key -> uri mismatch -> call 2), because 4.2.0 throws when such an authSig comes back from call 1 (see sameAuthSigOnFirstCall)',
    now: NOW,
    key: 4,
    blockhash: 34,
    wallet: EOA,
    chain: 'ethereum',
    requests: [['lit-litaction://*', 'lit-action-execution']],
    expiration: null,
    nodes: ['https://192.0.2.14:443'],
    siwe: { statement: NON_ASCII_STATEMENT, domain: 'localhost', chainId: 1 },
    callback: 'stale-first',
    callbackNote: `call 1 returns an authSig signed for ANOTHER session key (what a stale stored lit-wallet-sig would give); call 2 returns a fresh one built like "closure" with the given statement; statement "${NON_ASCII_STATEMENT}"; domain localhost, chainId 1`,
  },
  {
    id: 'session-5-callback-from-params-resign',
    description:
      'a callback that uses only its params: call 1 has no resourceAbilityRequests, so its SIWE carries the empty ReCap and fails the capability check; call 2 (with resourceAbilityRequests and a switchChain key) gives the authSig that is signed; rate-limit * and ACC * signing',
    now: '2024-06-01T23:59:59.999Z',
    key: 5,
    blockhash: 35,
    wallet: WALLET('other'),
    chain: 'ethereum',
    requests: [['lit-ratelimitincrease://*', 'rate-limit-increase-auth'], ['lit-accesscontrolcondition://*', 'access-control-condition-signing']],
    expiration: '2024-06-02T23:59:59.999Z',
    nodes: ['http://127.0.0.1:7470', 'http://127.0.0.1:7471'],
    siwe: { statement: 'Session from params.', domain: 'app.example.com', chainId: 1 },
    callback: 'from-params',
    callbackNote:
      'builds the SIWE from its params only: the ReCap comes from params.resourceAbilityRequests ?? [] (absent on the first call, so the first SIWE carries an empty ReCap), signs it with wallet.signMessage; statement "Session from params."; domain app.example.com, chainId 1',
  },
];

const SAME_AUTHSIG_OUTCOME =
  'getSessionSigs throws instead of asking for a new signature: checkNeedToResignSessionKey parses authSig.signedMessage with new SiweMessage(string) before its try block, and the siwe 2.3.2 ABNF parser (apg-js) accepts only EIP-4361 statement characters (no non-ASCII, no \'"\'); the message text is the parser\'s';

/** JSON view of a value as the vector file records it (undefined keys dropped, resources as {resource, resourcePrefix}). */
const asJson = (v) => JSON.parse(JSON.stringify(v));

const sessionCase = async (c) => {
  const sessionKey = sessionKeyOf(SESSION_KEY(c.key));
  const latestBlockhash = blockhash(c.blockhash);
  const requests = c.requests.map(([r, a]) => rar(r, a));
  let capacity;
  if (c.capacity) capacity = await capacityDelegation(...c.capacity);
  const inputs = {
    sessionKey,
    sessionKeyUri: 'lit:session:' + sessionKey.publicKey,
    latestBlockhash,
    wallet: walletRecord(c.wallet),
    chain: c.chain,
    resourceAbilityRequests: asJson(requests),
    expiration: c.expiration,
    nodeAddresses: c.nodes,
    authNeededCallback: c.callbackNote || CLOSURE(c.siwe.statement, c.siwe.domain, c.siwe.chainId),
  };
  if (capacity) {
    inputs.capacityDelegationAuthSig = capacity.result.capacityDelegationAuthSig;
    inputs.capacityDelegationAuthSigInputs = { made: "createCapacityDelegationAuthSig on its own offline client and clock; the SIWE nonce is that client's latestBlockhash", ...capacity.inputs };
  }
  // call 1 of session-4: the closure's authSig for another session key, an hour earlier
  let stale;
  if (c.callback === 'stale-first') {
    const staleUri = 'lit:session:' + sessionKeyOf(SESSION_KEY('4-stale')).publicKey;
    stale = await atTime(STALE_NOW, () =>
      walletAuthSig(c.wallet, { ...c.siwe, statement: undefined }, requests, { uri: staleUri, nonce: latestBlockhash.value, expiration: LitNodeClientNodeJs.getExpiration() }),
    );
  }
  const calls = [];
  const callback = async (params) => {
    let returned;
    if (c.callback === 'stale-first' && calls.length === 0) returned = stale;
    else if (c.callback === 'from-params') returned = await walletAuthSig(c.wallet, c.siwe, params.resourceAbilityRequests ?? [], params);
    else returned = await walletAuthSig(c.wallet, c.siwe, requests, params);
    calls.push({ call: calls.length + 1, paramKeys: Object.keys(params), params: asJson(params), returned });
    return returned;
  };
  const getSessionSigs = (cb) =>
    atTime(c.now, () =>
      offlineClient(latestBlockhash.value, c.nodes).getSessionSigs({
        sessionKey: { publicKey: sessionKey.publicKey, secretKey: sessionKey.secretKey },
        chain: c.chain,
        resourceAbilityRequests: requests,
        ...(c.expiration ? { expiration: c.expiration } : {}),
        authNeededCallback: cb,
        ...(capacity ? { capacityDelegationAuthSig: capacity.result.capacityDelegationAuthSig } : {}),
      }),
    );
  const sessionSigs = await getSessionSigs(callback);
  const first = JSON.parse(sessionSigs[c.nodes[0]].signedMessage);
  delete first.nodeAddress;
  const perNode = c.nodes.map((nodeAddress) => {
    const s = sessionSigs[nodeAddress];
    const bytes = Buffer.from(s.signedMessage, 'utf8');
    // the node's check: Ed25519 over the UTF-8 bytes with the session public key
    check(nacl.sign.detached.verify(bytes, Buffer.from(s.sig, 'hex'), Buffer.from(sessionKey.publicKey, 'hex')), c.id + ' ed25519 ' + nodeAddress);
    return { nodeAddress, signedMessageUtf8Bytes: bytes.length, signedMessageSha256: nodeCrypto.createHash('sha256').update(bytes).digest('hex'), sig: s.sig };
  });
  const out = { id: c.id, description: c.description, now: c.now, inputs, authNeededCallbackCalls: calls, signingTemplate: first, sessionSigs, perNode };
  if (c.callback === 'stale-first') {
    // the same non-ASCII authSig returned on the first call
    const fresh = calls[calls.length - 1].returned;
    let error;
    try {
      await getSessionSigs(async () => fresh);
    } catch (e) {
      error = { name: e.name, message: e.message };
    }
    check(error !== undefined, c.id + ': getSessionSigs should throw on a non-ASCII authSig from call 1');
    out.sameAuthSigOnFirstCall = { outcome: SAME_AUTHSIG_OUTCOME, error };
  }
  return out;
};

const sessionSection = async () => ({
  note: 'Real LitNodeClientNodeJs.getSessionSigs on an offline client. signedMessage = JSON.stringify({sessionKey, resourceAbilityRequests, capabilities, issuedAt, expiration, nodeAddress}) (signingTemplate + nodeAddress, in that key order; JSON.stringify escapes only " \\ and control characters, non-ASCII stays raw UTF-8); sig = hex(ed25519 detached signature over the UTF-8 bytes, secretKey = seed || publicKey); session-sig object = {sig, derivedVia:"litSessionSignViaNacl", signedMessage, address: session public key hex, algo:"ed25519"}. capabilities = [capacityDelegationAuthSig?, authSig from the LAST authNeededCallback call]. issuedAt = now; expiration = now + 5 min regardless of the expiration param, which only reaches the callback. authNeededCallbackCalls records each call (paramKeys shows keys present with undefined values, e.g. switchChain on call 2).',
  cases: await sequence(SESSION_CASES.map((c) => () => sessionCase(c))),
});

// ---------------------------------------------------------------- the file

const PACKAGES = [
  '@lit-protocol/auth-helpers',
  '@lit-protocol/lit-node-client-nodejs',
  '@lit-protocol/lit-auth-client',
  '@lit-protocol/access-control-conditions',
  '@lit-protocol/constants',
  '@lit-protocol/nacl',
  '@lit-protocol/uint8arrays',
  'siwe',
  '@spruceid/siwe-parser',
  'siwe-recap',
  'canonicalize',
  'ethers',
];
const SOURCE_PACKAGES = ['@lit-protocol/auth-helpers', '@lit-protocol/lit-node-client-nodejs', '@lit-protocol/lit-auth-client', '@lit-protocol/access-control-conditions', '@lit-protocol/nacl', '@lit-protocol/uint8arrays', '@lit-protocol/constants', 'siwe', 'ethers'];

const DETERMINISM = {
  clock: "While each SDK call runs, globalThis.Date is replaced by a subclass whose no-argument constructor and Date.now() return the case's `now` (other constructor forms unchanged). This fixes siwe's default Issued At, getSessionSigs' issuedAt and expiration (now + 5 min), the wallet-SIWE default expiration handed to the callback (now + 24 h) and createCapacityDelegationAuthSig's default expiration (now + 7 min).",
  randomness:
    "None consumed. Session keys: nacl.sign.keyPair.fromSeed(seed) from @lit-protocol/nacl, passed as getSessionSigs({sessionKey}) so generateSessionKeyPair never runs. SIWE nonces are always explicit (the client's latestBlockhash, set on an offline LitNodeClientNodeJs), so siwe's generateNonce never runs. ethers 5 Wallet.signMessage (RFC 6979) and Ed25519 are deterministic. node:crypto randomBytes/randomFillSync/randomInt/randomUUID and crypto.getRandomValues were wrapped during generation and were not called.",
  inputs:
    'Private keys, session-key seeds, block hashes (nonces) and PKP keys are keccak256(utf8(label)); each label is written next to its value. PKP token id = keccak256(uncompressed public key), lower-case hex without 0x. LitAction ids are syntactically valid CIDv0 strings (base58btc of 0x1220 || sha256(utf8(label))), not IPFS hashes of code. ACC resource ids are hashAccessControlConditions(conditions) + "/" + sha256(data) from @lit-protocol/access-control-conditions@4.2.0.',
  network: "No node is contacted: LitNodeClientNodeJs({litNetwork:'custom'}) is never connected; connectedNodes, latestBlockhash and ready are set on the instance.",
};

run(async () => {
  const versions = {};
  for (const name of PACKAGES) versions[name] = versionOf(name);
  const siwe = await siweSection();
  const recap = await recapSection();
  const sessionSignedMessage = await sessionSection();
  const capacityDelegation = await capacitySection();
  await print(
    {
      note: 'SIWE (EIP-4361) text, ReCap (EIP-5573) URNs and statements, per-node session signatures and capacity-delegation authSigs exactly as the Lit JS SDK v4.2.0 (with siwe 2.3.2 and ethers 5.7.2) produces them. Every case was produced by running that code; nothing is hand-written. Sections: siwe (SiweMessage fields -> prepareMessage() text, some with an EIP-191 authSig), recap (RecapSessionCapabilityObject / Lit resources -> urn:recap:, decoded JSON, SIWE statement after addToSiweMessage), sessionSignedMessage (getSessionSigs: the JSON each node gets, its ed25519 signature and the session-sig object), capacityDelegation (createCapacityDelegationAuthSig). Strings are exact: compare byte for byte (UTF-8). Hex as the SDK writes it: EIP-191 sigs and addresses with 0x except where a field shows otherwise (capacity-delegation sig/address have none); ed25519 keys and sigs lower-case without 0x.',
      source: 'generated with npm ' + SOURCE_PACKAGES.map((n) => n + '@' + versions[n]).join(', '),
      versions,
      generatedBy: generatedBy('siwe-session.cjs'),
      determinism: DETERMINISM,
      siwe,
      recap,
      sessionSignedMessage,
      capacityDelegation,
    },
    true,
  );
});

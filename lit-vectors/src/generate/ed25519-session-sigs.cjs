// Generates vectors/ed25519_session_sigs.generated.json with the official JS SDK 4.2.0 packages
// (@lit-protocol/nacl and @lit-protocol/uint8arrays, as lit-node-client-nodejs 4.2.0 signs session
// sigs: nacl.sign.detached over the UTF-8 bytes of the JSON signedMessage). Inputs are fixed, so
// the output is the same on every run. Run by generate.sh (NODE_PATH = the SDK's node_modules).
'use strict';
const { nacl } = require('@lit-protocol/nacl');
const { uint8arrayFromString, uint8arrayToString } = require('@lit-protocol/uint8arrays');
const crypto = require('crypto');
const { versionOf, hex, print, run } = require('./common.cjs');

const SEEDS = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '2a6c3e4cd52e08ad72b53da306904e9d9166d850dce47dc66e31f3124ceebec0',
];
// a capability whose signedMessage needs escaping: quotes, newlines and a non-ASCII character
const CAPABILITY = {
  sig: '0xabc',
  derivedVia: 'web3.eth.personal.sign',
  signedMessage: 'localhost wants you to sign in with your Ethereum account:\n0x0000000000000000000000000000000000000000\n\nline with "quotes" and unicode \u00fc\n',
  address: '0x0000000000000000000000000000000000000000',
};

const cases = SEEDS.map((seedHex) => {
  const keyPair = nacl.sign.keyPair.fromSeed(Buffer.from(seedHex, 'hex'));
  const sessionKeyPair = { publicKey: hex(keyPair.publicKey), secretKey: hex(keyPair.secretKey) };
  // the key order of lit-node-client-nodejs 4.2.0 getSessionSigs' toSign
  const signedMessage = JSON.stringify({
    sessionKey: sessionKeyPair.publicKey,
    resourceAbilityRequests: [{ resource: { resource: '*', resourcePrefix: 'lit-litaction' }, ability: 'lit-action-execution' }],
    capabilities: [CAPABILITY],
    issuedAt: '2024-04-01T00:00:00.000Z',
    expiration: '2024-04-01T00:05:00.000Z',
    nodeAddress: 'https://node1.example.com:443',
  });
  const bytes = uint8arrayFromString(signedMessage, 'utf8');
  const sigHex = uint8arrayToString(nacl.sign.detached(bytes, keyPair.secretKey), 'base16');
  // cross-check with Node.js' own Ed25519
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(seedHex, 'hex')]);
  const nodeSig = crypto.sign(null, Buffer.from(bytes), crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
  if (nodeSig.toString('hex') !== sigHex) throw new Error('nacl and Node.js Ed25519 disagree for seed ' + seedHex);
  return {
    seedHex,
    sessionKeyPair,
    sessionKeyUri: 'lit:session:' + sessionKeyPair.publicKey,
    signedMessage,
    signedMessageUtf8Hex: hex(bytes),
    sigHex,
    sessionSig: { sig: sigHex, derivedVia: 'litSessionSignViaNacl', signedMessage, address: sessionKeyPair.publicKey, algo: 'ed25519' },
  };
});

const out = {
  note: 'ed25519 session-key vectors. SessionKeyPair = { publicKey: hex(32B), secretKey: hex(64B = seed || publicKey) } (tweetnacl format, lower-case hex). sessionSig.sig = hex(nacl.sign.detached(UTF-8 bytes of signedMessage, secretKey)) = 64-byte RFC 8032 Ed25519 signature. signedMessage = JSON.stringify of {sessionKey, resourceAbilityRequests, capabilities, issuedAt, expiration, nodeAddress} in that key order; the exact string is what is signed and sent.',
  source: 'generated with npm @lit-protocol/nacl@4.2.0 (tweetnacl) and @lit-protocol/uint8arrays@4.2.0; cross-checked with Node.js Ed25519',
  versions: { '@lit-protocol/nacl': versionOf('@lit-protocol/nacl'), '@lit-protocol/uint8arrays': versionOf('@lit-protocol/uint8arrays') },
  cases,
  generatedBy: 'lit-vectors/src/generate/ed25519-session-sigs.cjs (generate.sh) with the npm packages listed in versions, installed by the build into ${lit4j.tools.dir}/js-sdk-4.2.0',
};
run(() => print(out, true));

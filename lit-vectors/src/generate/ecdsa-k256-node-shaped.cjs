// Generates vectors/ecdsa_k256_node_shaped.generated.json: cases case-0 and case-1 of
// ecdsa-k256-combine.cjs shaped like real node responses (quoted upper-case hex, as nodes serialise
// k256 values with serde_json) for /web/sign_session_key and /web/pkp/sign, run through the
// official @lit-protocol/lit-node-client-nodejs@4.2.0 getSessionSignatures / getSignatures (pkpSign's
// own reshaping of the shares first, as in LitNodeClientNodeJs.pkpSign). No node is contacted.
'use strict';
const ecdsaSdk = require('@lit-protocol/ecdsa-sdk');
const { LitNodeClientNodeJs } = require('@lit-protocol/lit-node-client-nodejs');
const { versionOf, generatedBy, print, check, run } = require('./common.cjs');
const { combineCases } = require('./ecdsa-k256-combine.cjs');

const quotedUpper = (h) => JSON.stringify(h.toUpperCase());
const snakeToCamel = (k) => k.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/** What LitNodeClientNodeJs.pkpSign 4.2.0 does to each node's signatureShare before getSignatures. */
const asPkpSignDoes = (response) => {
  const share = {};
  for (const [k, v] of Object.entries(response.signatureShare)) share[snakeToCamel(k)] = v;
  for (const k of Object.keys(share)) if (typeof share[k] === 'string') share[k] = share[k].replace('"', '').replace('"', '');
  share.dataSigned = share.digest;
  return { signature: share };
};

run(async () => {
  await ecdsaSdk.initWasmEcdsaSdk();
  const client = new LitNodeClientNodeJs({ litNetwork: 'custom', debug: false });
  client.networkPubKeySet = 'set'; // only checked for null
  client.config.minNodeCount = 2;
  const cases = combineCases()
    .slice(0, 2)
    .map((c) => {
      const siweMessage = `localhost wants you to sign in with your Ethereum account:\n0x...\n\n${c.messageUtf8}`;
      const signSessionKeyNodeResponses = c.sharesForWasm.map((s, i) => ({
        sessionSig: {
          sigType: 'K256',
          dataSigned: c.eip191DigestHex,
          signatureShare: quotedUpper(s.signature_share),
          shareIndex: i,
          bigr: quotedUpper(s.big_r),
          publicKey: c.publicKeyUncompressedHex,
          sigName: 'sessionSig',
          siweMessage,
        },
      }));
      const pkpSignNodeResponses = c.sharesForWasm.map((s) => ({
        signatureShare: {
          digest: quotedUpper(c.eip191DigestHex),
          result: 'success',
          share_index: 0,
          signature_share: quotedUpper(s.signature_share),
          big_r: quotedUpper(s.big_r),
          public_key: quotedUpper(c.publicKeyUncompressedHex),
          sig_type: 'K256',
        },
      }));
      // the SDK mutates what it is given: hand it copies
      const copy = (x) => JSON.parse(JSON.stringify(x));
      const session = client.getSessionSignatures(copy(signSessionKeyNodeResponses)).sessionSig;
      const pkp = client.getSignatures(copy(pkpSignNodeResponses).map(asPkpSignDoes)).signature;
      check(session.signature === c.expected.signature65Hex && pkp.signature === c.expected.signature65Hex, `${c.label}: the SDK's signatures`);
      return {
        label: c.label,
        signSessionKeyNodeResponses,
        sdkGetSessionSignaturesResult: session,
        pkpSignNodeResponses,
        sdkGetSignaturesResult: pkp,
        expectedSignature65Hex: c.expected.signature65Hex,
      };
    });
  await print({
    note: "Node-response-shaped ECDSA shares run through the real @lit-protocol/lit-node-client-nodejs v4 share handling. Nodes serialise k256 values with serde_json::to_string, so signatureShare / bigr / big_r / digest / public_key (pkpSign) arrive as JSON strings that themselves contain quotes and UPPER-case hex; the SDK strips the quotes. signSessionKey (/web/sign_session_key) returns camelCase signedData.sessionSig {sigType, dataSigned (lower-case hex, no 0x), signatureShare, shareIndex, bigr, publicKey (lower-case uncompressed hex, no 0x), sigName, siweMessage}; /web/pkp/sign returns snake_case signatureShare {digest, result, share_index, signature_share, big_r, public_key, sig_type}. Shares are not Lagrange-weighted by the client. Caveats: the siweMessage strings are placeholders (address '0x...'); dataSigned is the EIP-191 digest of messageUtf8 of the same case in ecdsa_k256_combine.generated.json, not of siweMessage. Real nodes send shareIndex 0 on every share; the sign_session_key responses here use 0, 1, 2 (the SDK sorts by shareIndex; the sum is unaffected).",
    source: 'generated; same shares as ecdsa_k256_combine.generated.json cases case-0/case-1, run through npm @lit-protocol/lit-node-client-nodejs@4.2.0 getSessionSignatures / getSignatures',
    versions: { '@lit-protocol/lit-node-client-nodejs': versionOf('@lit-protocol/lit-node-client-nodejs') },
    cases,
    generatedBy: generatedBy('ecdsa-k256-node-shaped.cjs'),
  });
});

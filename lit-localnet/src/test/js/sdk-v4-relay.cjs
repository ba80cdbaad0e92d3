'use strict';
// The official JS SDK 4.2.0 LitAuthClient against lit-localnet's relay and loopback identity
// providers: mints PKPs through the relay for a Google ID token and a WebAuthn registration,
// fetches them back, then gets PKP session sigs with the Google token and with a WebAuthn
// assertion (nodes verify both) and signs with pkpSign. One JSON line per step, as sdk-v4-flow.cjs.
// (sendPkpToitself: true, as mintPKPThroughRelay does: with 4.2.0's default false the PKP session
// cannot pkpSign, node-behavior.md §3.3.)
// Usage: node sdk-v4-relay.cjs <args.json>

const fs = require('fs');
const { ethers } = require('ethers');
const { LitNodeClientNodeJs } = require('@lit-protocol/lit-node-client-nodejs');
const { LitAuthClient } = require('@lit-protocol/lit-auth-client');
const { LitAbility, LitPKPResource, LitActionResource } = require('@lit-protocol/auth-helpers');

let current = 'start';
const report = (step, fields) => process.stdout.write(JSON.stringify({ step, ok: true, ...fields }) + '\n');
const check = (c, m) => { if (!c) throw new Error(m); };
async function step(name, fn) {
  current = name;
  const fields = (await fn()) || {};
  report(name, fields);
  return fields;
}
const same = (a, b) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();

async function main() {
  const a = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const provider = new ethers.providers.JsonRpcProvider(a.rpcUrl);
  const client = new LitNodeClientNodeJs({
    litNetwork: 'custom', bootstrapUrls: [], checkNodeAttestation: false, debug: false,
    contractContext: { Staking: { address: a.contracts.Staking }, provider },
  });
  await step('connect', async () => { await client.connect(); });
  const authClient = new LitAuthClient({ litRelayConfig: { relayUrl: a.relayUrl, relayApiKey: a.relayApiKey }, litNodeClient: client });

  const google = { authMethodType: 6, accessToken: a.googleIdToken };
  const webauthnRegistration = { authMethodType: 3, accessToken: JSON.stringify(a.webauthnRegistration) };
  const webauthnLogin = { authMethodType: 3, accessToken: a.webauthnAssertion };

  let googlePkp;
  await step('mintGoogleThroughRelay', async () => {
    googlePkp = await authClient.mintPKPWithAuthMethods([google], { sendPkpToitself: true });
    check(googlePkp.pkpPublicKey && googlePkp.pkpEthAddress, `the relay minted ${JSON.stringify(googlePkp)}`);
    return { pkp: googlePkp.pkpEthAddress };
  });
  await step('fetchGooglePkps', async () => {
    const authMethodId = await LitAuthClient.getAuthIdByAuthMethod(google);
    const res = await authClient.relay.fetchPKPs(JSON.stringify({ authMethodType: 6, authMethodId }));
    check(res.pkps.some((p) => same(p.ethAddress, googlePkp.pkpEthAddress)), `fetch-pkps lists the minted PKP: ${JSON.stringify(res)}`);
    return { count: res.pkps.length };
  });
  let webauthnPkp;
  await step('mintWebAuthnThroughRelay', async () => {
    webauthnPkp = await authClient.mintPKPWithAuthMethods([webauthnRegistration], { sendPkpToitself: true });
    check(webauthnPkp.pkpPublicKey, `the relay minted ${JSON.stringify(webauthnPkp)}`);
    return { pkp: webauthnPkp.pkpEthAddress };
  });

  const message = ethers.utils.arrayify(ethers.utils.keccak256(ethers.utils.toUtf8Bytes('lit4j relay flow')));
  async function sessionAndSign(name, authMethod, pkp) {
    const pubKey = pkp.pkpPublicKey.replace(/^0x/, '');
    const sessionKey = client.getSessionKey();
    const sessionSigs = await client.getSessionSigs({
      chain: 'ethereum', sessionKey,
      resourceAbilityRequests: [
        { resource: new LitPKPResource('*'), ability: LitAbility.PKPSigning },
        { resource: new LitActionResource('*'), ability: LitAbility.LitActionExecution },
      ],
      authNeededCallback: async ({ expiration, resources }) => (await client.signSessionKey({
        sessionKey, authMethods: [authMethod], pkpPublicKey: '0x' + pubKey, expiration, resources, chainId: 1,
      })).authSig,
    });
    const sig = await client.pkpSign({ toSign: message, pubKey, sessionSigs });
    const recovered = ethers.utils.recoverAddress(message, sig.signature);
    check(same(recovered, pkp.pkpEthAddress), `${name}: pkpSign recovers to ${recovered}, not ${pkp.pkpEthAddress}`);
    return { recovered };
  }
  await step('googleSessionSigsAndPkpSign', () => sessionAndSign('google', google, googlePkp));
  await step('webAuthnSessionSigsAndPkpSign', () => sessionAndSign('webauthn', webauthnLogin, webauthnPkp));
  await client.disconnect();
  report('done', {});
}

main().then(() => process.exit(0)).catch((e) => {
  process.stdout.write(JSON.stringify({ step: current, ok: false, error: (e && (e.message || e.errorCode)) || String(e), errorCode: e && e.errorCode }) + '\n');
  process.exit(1);
});

// Drives the real JS SDK v4.2.0 LitNodeClientNodeJs against a running lit-localnet (see JsSdkNodeClientTest):
// connect (custom network from Staking), getSessionSigs (wallet, SDK default recap), executeJs with
// signEcdsa, pkpSign, encrypt and decrypt. Prints SDK-NODES-OK on success.
// Then PKP session sigs: signSessionKey with an EthWallet auth method (the nodes' ECDSA signature
// of the rebuilt SIWE), used for executeJs by the PKP that owns itself.
// Usage: node node-client-check.cjs <connectionInfoJson> <privateKeyHex> <pkpPublicKeyHex> <authMethodPkpPublicKeyHex>
// Needs: npm install @lit-protocol/lit-node-client-nodejs@4.2.0 @lit-protocol/auth-helpers@4.2.0
//        @lit-protocol/constants@4.2.0 ethers@5.7.2 date-and-time@2
const { LitNodeClientNodeJs } = require('@lit-protocol/lit-node-client-nodejs');
const { LitActionResource, LitPKPResource, LitAccessControlConditionResource, LitAbility } = require('@lit-protocol/auth-helpers');
const { SiweMessage } = require('siwe');
const { ethers } = require('ethers');

const [infoJson, privateKey, pkpPublicKey, authPkpPublicKey] = process.argv.slice(2);
const info = JSON.parse(infoJson);

(async () => {
  const provider = new ethers.providers.JsonRpcProvider(info.rpcUrl);
  const client = new LitNodeClientNodeJs({
    litNetwork: 'custom',
    bootstrapUrls: [],
    contractContext: { Staking: { address: info.contracts.Staking }, provider },
    checkNodeAttestation: false,
    debug: false,
  });
  await client.connect();
  console.log('connected', JSON.stringify([...client.connectedNodes]), 'minNodeCount', client.config.minNodeCount);
  if (client.subnetPubKey !== info.networkPublicKey) throw new Error('subnetPubKey differs');

  const wallet = new ethers.Wallet(privateKey, provider);
  const sessionSigs = await client.getSessionSigs({
    chain: 'ethereum',
    resourceAbilityRequests: [
      { resource: new LitActionResource('*'), ability: LitAbility.LitActionExecution },
      { resource: new LitPKPResource('*'), ability: LitAbility.PKPSigning },
      { resource: new LitAccessControlConditionResource('*'), ability: LitAbility.AccessControlConditionDecryption },
    ],
    authNeededCallback: async ({ uri, expiration, statement, resources, nonce }) => {
      const siwe = new SiweMessage({
        domain: 'localhost', address: wallet.address, statement, uri, version: '1', chainId: 1,
        nonce, expirationTime: expiration, resources,
      });
      const signedMessage = siwe.prepareMessage();
      const sig = await wallet.signMessage(signedMessage);
      return { sig, derivedVia: 'web3.eth.personal.sign', signedMessage, address: wallet.address };
    },
  });
  console.log('sessionSigs for', Object.keys(sessionSigs).length, 'nodes');

  const digest = ethers.utils.arrayify(ethers.utils.keccak256(ethers.utils.toUtf8Bytes('lit4j js check')));
  const pkpAddress = ethers.utils.computeAddress('0x' + pkpPublicKey);
  const exec = await client.executeJs({
    sessionSigs,
    code: `(async () => {
      await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'sig1' });
      Lit.Actions.setResponse({ response: JSON.stringify({ hello: 'lit4j' }) });
    })();`,
    jsParams: { toSign: Array.from(digest), publicKey: pkpPublicKey },
  });
  console.log('executeJs', JSON.stringify(exec));
  const r1 = ethers.utils.recoverAddress(digest, exec.signatures.sig1.signature);
  if (r1 !== pkpAddress) throw new Error('executeJs signature recovers ' + r1 + ', not ' + pkpAddress);
  if (exec.response.hello !== 'lit4j') throw new Error('response ' + JSON.stringify(exec.response));

  const signed = await client.pkpSign({ pubKey: pkpPublicKey, toSign: digest, sessionSigs });
  console.log('pkpSign', JSON.stringify(signed));
  const r2 = ethers.utils.recoverAddress(digest, signed.signature);
  if (r2 !== pkpAddress) throw new Error('pkpSign signature recovers ' + r2 + ', not ' + pkpAddress);

  const accessControlConditions = [{
    contractAddress: '', standardContractType: '', chain: 'ethereum', method: 'eth_getBalance',
    parameters: [':userAddress', 'latest'], returnValueTest: { comparator: '>=', value: '0' },
  }];
  const { ciphertext, dataToEncryptHash } = await client.encrypt({
    accessControlConditions, dataToEncrypt: new TextEncoder().encode('secret for the js sdk'),
  });
  const { decryptedData } = await client.decrypt({
    accessControlConditions, ciphertext, dataToEncryptHash, chain: 'ethereum', sessionSigs,
  });
  const text = new TextDecoder().decode(decryptedData);
  console.log('decrypted', text);
  if (text !== 'secret for the js sdk') throw new Error('decrypt gave ' + text);

  // ---- PKP session sigs via /web/sign_session_key (threshold ECDSA by the PKP)
  const now = new Date();
  const walletSiwe = new SiweMessage({
    domain: 'localhost', address: wallet.address, statement: 'lit4j auth method', uri: 'https://localhost/login',
    version: '1', chainId: 1, nonce: client.latestBlockhash, issuedAt: now.toISOString(),
    expirationTime: new Date(now.getTime() + 3600 * 1000).toISOString(),
  }).prepareMessage();
  const authMethodSig = { sig: await wallet.signMessage(walletSiwe), derivedVia: 'web3.eth.personal.sign', signedMessage: walletSiwe, address: wallet.address };
  const authMethods = [{ authMethodType: 1, accessToken: JSON.stringify(authMethodSig) }];
  const sessionKey = client.getSessionKey();
  const pkpResources = [{ resource: new LitActionResource('*'), ability: LitAbility.LitActionExecution }];
  const pkpSessionSigs = await client.getSessionSigs({
    chain: 'ethereum', sessionKey, resourceAbilityRequests: pkpResources,
    authNeededCallback: async ({ statement, resources, expiration }) => {
      const res = await client.signSessionKey({
        sessionKey, statement, authMethods, pkpPublicKey: '0x' + authPkpPublicKey, expiration, resources, chainId: 1,
      });
      return res.authSig;
    },
  });
  const anySig = Object.values(pkpSessionSigs)[0];
  const capability = JSON.parse(anySig.signedMessage).capabilities[0];
  console.log('pkp session capability', JSON.stringify(capability));
  const authPkpAddress = ethers.utils.computeAddress('0x' + authPkpPublicKey);
  if (ethers.utils.verifyMessage(capability.signedMessage, capability.sig) !== authPkpAddress) {
    throw new Error('the PKP session capability is not signed by the PKP');
  }
  const exec2 = await client.executeJs({
    sessionSigs: pkpSessionSigs,
    code: `(async () => {
      await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'self' });
      Lit.Actions.setResponse({ response: Lit.Auth.authSigAddress });
    })();`,
    jsParams: { toSign: Array.from(digest), publicKey: authPkpPublicKey },
  });
  console.log('executeJs with PKP session', JSON.stringify(exec2));
  if (ethers.utils.recoverAddress(digest, exec2.signatures.self.signature) !== authPkpAddress) throw new Error('PKP self-sign failed');

  await client.disconnect();
  console.log('SDK-NODES-OK');
  process.exit(0);
})().catch((e) => {
  console.error('SDK-NODES-FAILED', e && (e.stack || JSON.stringify(e)), JSON.stringify(e));
  process.exit(1);
});

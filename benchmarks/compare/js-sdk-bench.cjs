// The JS SDK 4.2.0 side of the comparison with lit4j (compare-with-js-sdk.sh): against a running
// lit-localnet, one call at a time, every result checked; the same operations as Lit4jClientBench.
//
// Usage: node js-sdk-bench.cjs run <connection.json> <calls> <warm-up>   one JSON line per operation
//        node js-sdk-bench.cjs cold <connection.json> <pkp public key>   connect, PKP session sigs, one verified pkpSign
// Needs NODE_PATH = the JS SDK 4.2.0 packages lit-localnet's build installs (~/.cache/lit4j/tools/js-sdk-4.2.0).
// Client CPU is process.cpuUsage() (this process, every thread) over the measured calls; the nodes
// run in another process.
'use strict';

const fs = require('fs');
const { ethers } = require('ethers');
const siwe = require('siwe');
const { LitNodeClientNodeJs, encryptString, decryptToString } = require('@lit-protocol/lit-node-client-nodejs');
const { LitContracts } = require('@lit-protocol/contracts-sdk');
const { LitAbility, LitActionResource, LitPKPResource, LitAccessControlConditionResource } = require('@lit-protocol/auth-helpers');
const { AuthMethodType, AuthMethodScope } = require('@lit-protocol/constants');

const DEV_ACCOUNT = 3; // lit4j uses 4, so the two clients' transactions never share a nonce

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function main() {
  const [mode, file, a3, a4] = process.argv.slice(2);
  check(mode && file, 'usage: node js-sdk-bench.cjs run <connection.json> <calls> <warm-up> | cold <connection.json> <pkp key>');
  const info = JSON.parse(fs.readFileSync(file, 'utf8'));
  const provider = new ethers.providers.JsonRpcProvider(info.rpcUrl);
  const eoa = ethers.Wallet.fromMnemonic(info.devAccounts.mnemonic,
    info.devAccounts.derivationPath.replace('<index>', String(DEV_ACCOUNT))).connect(provider);
  const newClient = () => new LitNodeClientNodeJs({
    litNetwork: 'custom', bootstrapUrls: [], contractContext: { Staking: { address: info.contracts.Staking }, provider },
    checkNodeAttestation: false, debug: false,
  });
  const resourceAbilityRequests = [
    { resource: new LitActionResource('*'), ability: LitAbility.LitActionExecution },
    { resource: new LitPKPResource('*'), ability: LitAbility.PKPSigning },
    { resource: new LitAccessControlConditionResource('*'), ability: LitAbility.AccessControlConditionDecryption },
    { resource: new LitAccessControlConditionResource('*'), ability: LitAbility.AccessControlConditionSigning },
  ];

  async function login(client) {
    const message = new siwe.SiweMessage({
      domain: 'localhost', address: eoa.address, statement: 'lit4j benchmark', uri: 'https://localhost/login', version: '1',
      chainId: 1, nonce: client.latestBlockhash, expirationTime: new Date(Date.now() + 2 * 3600 * 1000).toISOString(),
    }).prepareMessage();
    const authSig = { sig: await eoa.signMessage(message), derivedVia: 'web3.eth.personal.sign', signedMessage: message, address: eoa.address };
    return { authMethodType: AuthMethodType.EthWallet, accessToken: JSON.stringify(authSig) };
  }

  async function eoaSessionSigs(client) {
    return client.getSessionSigs({
      chain: 'ethereum',
      resourceAbilityRequests,
      sessionKey: client.getSessionKey(),
      authNeededCallback: async ({ uri, expiration, nonce, resourceAbilityRequests: requested }) => {
        const recap = await client.generateSessionCapabilityObjectWithWildcards((requested || resourceAbilityRequests).map((r) => r.resource));
        for (const r of requested || resourceAbilityRequests) recap.addCapabilityForResource(r.resource, r.ability);
        let message = new siwe.SiweMessage({ domain: 'localhost', address: eoa.address, statement: 'lit4j benchmark', uri, version: '1',
          chainId: 1, nonce, expirationTime: expiration });
        message = recap.addToSiweMessage(message);
        const text = message.prepareMessage();
        return { sig: await eoa.signMessage(text), derivedVia: 'web3.eth.personal.sign', signedMessage: text, address: eoa.address };
      },
    });
  }

  async function pkpSessionSigs(client, pkpPublicKey, authMethod) {
    const sessionKey = client.getSessionKey();
    return client.getSessionSigs({
      chain: 'ethereum',
      sessionKey,
      resourceAbilityRequests: resourceAbilityRequests.slice(0, 2),
      authNeededCallback: async ({ expiration, resources, resourceAbilityRequests: requested }) => (await client.signSessionKey({
        sessionKey, authMethods: [authMethod], pkpPublicKey: '0x' + pkpPublicKey.replace(/^0x/, ''), expiration, resources, chainId: 1,
        ...(requested ? { resourceAbilityRequests: requested } : {}),
      })).authSig,
    });
  }

  function checkSignature(sig, digest, pkpAddress, what) {
    const recovered = ethers.utils.recoverAddress(digest, sig.signature);
    check(recovered === pkpAddress, `${what} signature recovers to ${recovered}, not the PKP ${pkpAddress}`);
  }

  async function pkpSign(client, pkpPublicKey, sessionSigs, text) {
    const digest = ethers.utils.arrayify(ethers.utils.keccak256(ethers.utils.toUtf8Bytes(text)));
    const sig = await client.pkpSign({ toSign: digest, pubKey: pkpPublicKey, sessionSigs });
    checkSignature(sig, digest, ethers.utils.computeAddress('0x' + pkpPublicKey.replace(/^0x/, '')), 'pkpSign');
  }

  if (mode === 'cold') {
    const client = newClient();
    await client.connect();
    const sessions = await pkpSessionSigs(client, a3, await login(client));
    await pkpSign(client, a3, sessions, 'js cold start');
    await client.disconnect();
    process.stdout.write(JSON.stringify({ sdk: 'js', cold: true, msSinceProcessStart: Math.round(performance.now()) }) + '\n');
    return;
  }

  const calls = Number(a3);
  const warmup = Number(a4);
  const lines = [];
  async function measure(op, call) {
    // warm-up: the given number of calls, cut short after WARMUP_SECONDS (lit4j does the same)
    const warmupEnd = performance.now() + 1000 * Number(process.env.WARMUP_SECONDS || 4);
    let warmed = 0;
    while (warmed < warmup && (warmed === 0 || performance.now() < warmupEnd)) await call(-1 - warmed++);
    const wall = [];
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < calls; i++) {
      const t = process.hrtime.bigint();
      await call(i);
      wall.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const cpu = process.cpuUsage(cpu0);
    wall.sort((x, y) => x - y);
    lines.push(JSON.stringify({ sdk: 'js', op, calls, warmup: warmed, medianMs: +wall[Math.floor(calls / 2)].toFixed(2),
      cpuMsPerCall: +((cpu.user + cpu.system) / 1000 / calls).toFixed(2) }));
  }

  const client = newClient();
  await client.connect();
  const authMethod = await login(client);
  const contracts = new LitContracts({
    network: 'custom', signer: eoa, provider, rpc: info.rpcUrl,
    customContext: Object.fromEntries(['Allowlist', 'LITToken', 'Multisender', 'PKPHelper', 'PKPNFT', 'PKPNFTMetadata', 'PKPPermissions',
      'PubkeyRouter', 'RateLimitNFT', 'Staking', 'StakingBalances'].map((n) => [n, { address: info.contracts[n] || info.contracts.Staking }])),
  });
  await contracts.connect();
  const minted = await contracts.mintWithAuth({ authMethod, scopes: [AuthMethodScope.SignAnything, AuthMethodScope.PersonalSign] });
  const pkp = minted.pkp;
  const eoaSessions = await eoaSessionSigs(client);
  const pkpSessions = await pkpSessionSigs(client, pkp.publicKey, authMethod);
  const accessControlConditions = [{ contractAddress: '', standardContractType: '', chain: 'ethereum', method: '',
    parameters: [':userAddress'], returnValueTest: { comparator: '=', value: eoa.address } }];
  const secret = 'x'.repeat(1000);

  await measure('connect', async () => {
    const c = newClient();
    await c.connect();
    check(c.connectedNodes.size === info.nodeUrls.length, 'every node connected');
    await c.disconnect();
  });
  await measure('eoaSessionSigs', async () => {
    const s = await eoaSessionSigs(client);
    check(Object.keys(s).length === info.nodeUrls.length, 'one session sig per node');
  });
  await measure('pkpSessionSigs', async () => {
    const s = await pkpSessionSigs(client, pkp.publicKey, authMethod);
    check(Object.keys(s).length === info.nodeUrls.length, 'one session sig per node');
  });
  await measure('executeJs', async (i) => {
    const digest = ethers.utils.arrayify(ethers.utils.keccak256(ethers.utils.toUtf8Bytes('js executeJs ' + i)));
    const res = await client.executeJs({
      sessionSigs: pkpSessions,
      code: `(async () => { await Lit.Actions.signEcdsa({ toSign, publicKey, sigName: 'sig1' });
        Lit.Actions.setResponse({ response: JSON.stringify({ hello: 'localnet' }) }); })();`,
      jsParams: { toSign: Array.from(digest), publicKey: pkp.publicKey },
    });
    checkSignature(res.signatures.sig1, digest, pkp.ethAddress, 'executeJs');
  });
  await measure('pkpSign', (i) => pkpSign(client, pkp.publicKey, pkpSessions, 'js pkpSign ' + i));
  const encrypted = [];
  await measure('encrypt', async () => {
    encrypted.push(await encryptString({ accessControlConditions, dataToEncrypt: secret, chain: 'ethereum', sessionSigs: eoaSessions }, client));
  });
  await measure('decrypt', async (i) => {
    const e = encrypted[((i % encrypted.length) + encrypted.length) % encrypted.length];
    const plain = await decryptToString({ accessControlConditions, ...e, sessionSigs: eoaSessions, chain: 'ethereum' }, client);
    check(plain === secret, 'decrypt returned another plaintext');
  });
  await measure('getSignedToken', async () => {
    const jwt = await client.getSignedToken({ accessControlConditions, chain: 'ethereum', sessionSigs: eoaSessions });
    check(typeof jwt === 'string' && jwt.split('.').length === 3, 'getSignedToken returned a JWT');
  });
  lines.push(JSON.stringify({ sdk: 'js', pkpPublicKey: pkp.publicKey }));
  await client.disconnect();
  process.stdout.write(lines.join('\n') + '\n');
}

main()
  .then(() => process.exit(0))
  .catch((e) => {
    process.stdout.write(JSON.stringify({ sdk: 'js', ok: false, error: String((e && (e.message || e.errorCode)) || e) }) + '\n');
    process.exit(1);
  });

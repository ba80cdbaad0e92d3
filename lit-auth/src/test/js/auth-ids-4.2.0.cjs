// Computes auth method ids with the official JS SDK 4.2.0 (LitAuthClient.getAuthIdByAuthMethod,
// WebAuthnProvider.authMethodId with an rpName) for the edge cases AuthMethodIdsJsSdkTest checks.
// Run (the build installs the SDK under ~/.cache/lit4j/tools/js-sdk-4.2.0):
//   NODE_PATH=~/.cache/lit4j/tools/js-sdk-4.2.0/node_modules node lit-auth/src/test/js/auth-ids-4.2.0.cjs \
//     > lit-auth/src/test/resources/auth-ids/js-sdk-4.2.0.json
// the SDK logs to stdout; keep stdout for the JSON
console.log = (...a) => console.error(...a);
const { LitAuthClient, WebAuthnProvider } = require('@lit-protocol/lit-auth-client');

const b64url = (o) => Buffer.from(typeof o === 'string' ? o : JSON.stringify(o)).toString('base64url');
// raw payload text keeps number spellings such as 1.0 and 1e21 exactly as written
const jwt = (payloadText) => `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(payloadText)}.c2ln`;
const session = (factors) => ({ 'https://stytch.com/session': { authentication_factors: factors } });
const text = (o) => JSON.stringify(o);

const cases = [
  ['ethWallet address as given', 1, text({ sig: '0x', derivedVia: 'web3.eth.personal.sign', signedMessage: 'm', address: '0xAbC0000000000000000000000000000000000001' })],
  ['ethWallet numeric address 1.0', 1, '{"sig":"0x","address":1.0}'],
  ['ethWallet numeric address 1e21', 1, '{"sig":"0x","address":1e21}'],
  ['ethWallet numeric address 0.000001', 1, '{"sig":"0x","address":0.000001}'],
  ['ethWallet numeric address 1e-7', 1, '{"sig":"0x","address":1e-7}'],
  ['ethWallet numeric address 123456789012345678901234', 1, '{"sig":"0x","address":123456789012345678901234}'],
  ['webAuthn default rpName', 3, text({ rawId: 'AbC-_x', response: {} })],
  ['webAuthn rpName my-app', 3, text({ rawId: 'AbC-_x', response: {} }), 'my-app'],
  ['webAuthn empty rpName', 3, text({ rawId: 'AbC-_x', response: {} }), ''],
  ['googleJwt', 6, jwt(text({ sub: '1099', aud: 'client.apps.googleusercontent.com' }))],
  ['googleJwt numeric sub 1.50', 6, jwt('{"sub":1.50,"aud":"c"}')],
  ['stytchOtp upper-case ASCII', 9, jwt(text({ sub: 'User-Test-ABC', aud: ['Project-Test-XYZ'] }))],
  ['stytchOtp empty audience', 9, jwt(text({ sub: 'user-test-1', aud: [''] }))],
  ['stytchOtp numeric sub', 9, jwt('{"sub":42,"aud":["project-test-1"]}')],
  ['stytchOtp non-ASCII sub', 9, jwt(text({ sub: 'İSTANBUL-Σ', aud: ['project-test-1'] }))],
  ['stytchEmail upper-case', 10, jwt(text({ sub: 'u', aud: ['project-test-1'], ...session([{ email_factor: { email_address: 'Alice@Example.COM' } }]) }))],
  ['stytchEmail empty audience', 10, jwt(text({ sub: 'u', aud: [''], ...session([{ email_factor: { email_address: 'alice@example.com' } }]) }))],
  ['stytchEmail numeric address', 10, jwt('{"sub":"u","aud":["project-test-1"],"https://stytch.com/session":{"authentication_factors":[{"email_factor":{"email_address":7}}]}}')],
  ['stytchEmail non-ASCII upper-case', 10, jwt(text({ sub: 'u', aud: ['project-test-1'], ...session([{ email_factor: { email_address: 'ÉMILE@Example.com' } }]) }))],
  ['stytchSms', 11, jwt(text({ sub: 'u', aud: ['project-test-1'], ...session([{ phone_number_factor: { phone_number: '+15555550100' } }]) }))],
  ['stytchTotp', 13, jwt(text({ sub: 'u', aud: ['project-test-1'], ...session([{ phone_number_factor: { phone_number: '+1' }, authenticator_app_factor: { totp_id: 'TOTP-Test-1' } }]) }))],
];

(async () => {
  const out = [];
  for (const [name, type, accessToken, rpName] of cases) {
    const authMethod = { authMethodType: type, accessToken };
    const row = { name, authMethodType: type, accessToken };
    if (rpName !== undefined) row.rpName = rpName;
    try {
      row.id = rpName !== undefined
        ? await WebAuthnProvider.authMethodId(authMethod, rpName)
        : await LitAuthClient.getAuthIdByAuthMethod(authMethod);
    } catch (e) {
      row.error = String(e && e.message ? e.message : e);
    }
    out.push(row);
  }
  process.stdout.write(JSON.stringify({ sdk: '@lit-protocol/lit-auth-client@4.2.0', node: process.version, cases: out }, null, 2) + '\n');
})();

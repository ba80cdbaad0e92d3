// Computes canonical JSON and hashes of access control conditions with the official
// @lit-protocol/access-control-conditions@4.2.0, for AccessControlConditionsJsSdkTest.
// Usage: see README.md in this folder. Prints one JSON object per case.
'use strict';
const path = require('path');
const base = process.env.ACCJS_DIR || '/tmp/accjs';
const acc = require(path.join(base, 'node_modules/@lit-protocol/access-control-conditions'));

const basicBalance = {
  contractAddress: '',
  standardContractType: '',
  chain: 'ethereum',
  method: 'eth_getBalance',
  parameters: [':userAddress', 'latest'],
  returnValueTest: { comparator: '>=', value: '0' },
};
const basicWallet = (addr) => ({
  conditionType: 'evmBasic',
  returnValueTest: { value: addr, comparator: '=', key: 'ignored' },
  parameters: [':userAddress'],
  method: '',
  chain: 'ethereum',
  standardContractType: '',
  contractAddress: '',
});
const erc721 = {
  contractAddress: '0x89b597199dAc806Ceecfc091e56044Aa59f3bd8b',
  standardContractType: 'ERC721',
  chain: 'polygon',
  method: 'balanceOf',
  parameters: [':userAddress'],
  returnValueTest: { comparator: '>', value: '0' },
};
const unicode = {
  contractAddress: '',
  standardContractType: 'timestamp',
  chain: 'ethereum',
  method: 'eth_getBlockByNumber',
  parameters: ['latest', 'caf\u00e9 \u2028 "q" \\ \u0001 \ud83d\ude00'],
  returnValueTest: { comparator: '>=', value: '1651276942' },
};
const evmContract = {
  contractAddress: '0xb71a679cfff330591d556c4b9f21c7739ca9590c',
  functionName: 'members',
  functionParams: [':userAddress'],
  functionAbi: {
    constant: undefined,
    type: 'function',
    name: 'members',
    stateMutability: 'view',
    inputs: [{ internalType: 'address', name: '', type: 'address' }],
    outputs: [
      { internalType: 'address', name: 'delegateKey', type: 'address' },
      { internalType: 'uint256', name: 'shares', type: 'uint256' },
      { internalType: 'bool', name: 'exists', type: 'bool' },
    ],
  },
  chain: 'xdai',
  returnValueTest: { key: 'shares', comparator: '>=', value: '1' },
};
const evmContractConstantNoKey = {
  chain: 'ethereum',
  returnValueTest: { comparator: '=', value: 'true' },
  contractAddress: '0x0000000000000000000000000000000000000001',
  functionName: 'isMember',
  functionParams: [':userAddress', '42'],
  functionAbi: {
    name: 'isMember',
    inputs: [{ name: 'who', type: 'address' }, { name: 'id', type: 'uint256' }],
    outputs: [{ name: '', type: 'bool' }],
    constant: true,
    stateMutability: 'view',
  },
};
const solV1 = {
  method: 'getBalance',
  params: [':userAddress'],
  pdaInterface: { offset: 0, fields: {} },
  pdaKey: '',
  chain: 'solana',
  returnValueTest: { key: '', comparator: '>=', value: '100000000' },
};
const solV2 = {
  method: 'getTokenAccountBalance',
  params: ['tn2WEWk4Kqj157XsSdmBBcjWumVhkyJECXCKPq9ReL9'],
  pdaParams: ['seed', ':userAddress'],
  pdaInterface: { offset: 8, fields: { owner: 32, '10': 2, amount: 8, '2': 1 } },
  pdaKey: 'owner',
  chain: 'solanaDevnet',
  returnValueTest: { key: '$.amount', comparator: '>', value: '0' },
};
const solUnified = {
  conditionType: 'solRpc',
  method: '',
  params: [':userAddress'],
  pdaInterface: { offset: 0, fields: {} },
  pdaKey: '',
  chain: 'solana',
  returnValueTest: { key: '', comparator: '=', value: '88PoAjLoSqrTjH2cdRWq4JEezhSdDBw3g7Qzq9nxCMoH' },
};
const cosmos = {
  conditionType: 'cosmos',
  path: '/cosmos/bank/v1beta1/balances/:userAddress',
  chain: 'cosmos',
  returnValueTest: { key: '$.balances[0].amount', comparator: '>=', value: '1000000' },
};
const cosmosWithMethod = {
  conditionType: 'cosmos',
  path: ':userAddress',
  chain: 'kyve',
  method: 'timestamp',
  parameters: ['a', 'b'],
  returnValueTest: { key: '', comparator: '=', value: 'kyve1x' },
};

const kinds = {
  accessControlConditions: [acc.canonicalAccessControlConditionFormatter, acc.hashAccessControlConditions],
  evmContractConditions: [acc.canonicalEVMContractConditionFormatter, acc.hashEVMContractConditions],
  solRpcConditions: [acc.canonicalSolRpcConditionFormatter, acc.hashSolRpcConditions],
  unifiedAccessControlConditions: [acc.canonicalUnifiedAccessControlConditionFormatter, acc.hashUnifiedAccessControlConditions],
};

const cases = [
  ['basicSpecVector', 'accessControlConditions', [basicBalance]],
  ['basicOrWithNestedAndGroup', 'accessControlConditions', [
    basicWallet('0xBD4701851e9C9a22f448860A78872A00Da87899e'),
    { operator: 'or' },
    [erc721, { operator: 'and' }, basicBalance],
  ]],
  ['basicImplicitAnd', 'accessControlConditions', [basicBalance, erc721]],
  ['basicUnicodeAndEscapes', 'accessControlConditions', [unicode]],
  ['evmContractWithInternalTypes', 'evmContractConditions', [evmContract]],
  ['evmContractConstantWithoutKey', 'evmContractConditions', [evmContractConstantNoKey, { operator: 'and' }, evmContract]],
  ['solV1DropsPdaFields', 'solRpcConditions', [solV1]],
  ['solV2WithIndexLikeFieldNames', 'solRpcConditions', [solV2, { operator: 'or' }, solV1]],
  ['unifiedMixed', 'unifiedAccessControlConditions', [
    basicWallet('0x93E47A604BA72899a5f8dF986cF26C97AfdaE2A0'),
    { operator: 'or' },
    solUnified,
    { operator: 'or' },
    [Object.assign({ conditionType: 'evmContract' }, evmContract), { operator: 'and' }, cosmos],
  ]],
  ['unifiedCosmosWithMethodAndSolV2', 'unifiedAccessControlConditions', [
    cosmosWithMethod, { operator: 'and' }, Object.assign({ conditionType: 'solRpc' }, solV2),
  ]],
];

(async () => {
  const out = [];
  for (const [name, kind, input] of cases) {
    const [fmt, hash] = kinds[kind];
    const canonical = JSON.stringify(input.map((c) => fmt(c)));
    const digest = Buffer.from(await hash(input)).toString('hex');
    out.push({ name, kind, input: JSON.stringify(input), canonical, hash: digest });
  }
  const errors = [
    ['unifiedWithoutConditionType', 'unifiedAccessControlConditions', [{ ...basicBalance }]],
    ['unifiedSolWithoutPdaKey', 'unifiedAccessControlConditions', [{ ...solUnified, pdaKey: undefined }]],
    ['solV2WithoutPdaInterface', 'solRpcConditions', [{ ...solV2, pdaInterface: undefined }]],
    ['basicWithoutReturnValueTest', 'accessControlConditions', [{ ...basicBalance, returnValueTest: undefined }]],
  ];
  for (const [name, kind, input] of errors) {
    const [fmt] = kinds[kind];
    // JSON round trip drops the undefined keys, as a request body would
    const parsed = JSON.parse(JSON.stringify(input));
    let threw = false;
    try { parsed.map((c) => fmt(c)); } catch (e) { threw = true; }
    out.push({ name, kind, input: JSON.stringify(parsed), sdkThrows: threw });
  }
  for (const o of out) console.log(JSON.stringify(o));
})();

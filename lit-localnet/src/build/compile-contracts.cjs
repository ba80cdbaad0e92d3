// Compiles lit-localnet's Solidity with solcjs (npm solc, installed in the tools dir) and writes
// one JSON per contract, {contractName, abi, bytecode, deployedBytecode}, into the output dir.
// Usage: node compile-contracts.cjs <toolsDir> <solidityDir> <outDir>
'use strict';
const fs = require('fs');
const path = require('path');

const [toolsDir, srcDir, outDir] = process.argv.slice(2);
if (!toolsDir || !srcDir || !outDir) {
  console.error('usage: node compile-contracts.cjs <toolsDir> <solidityDir> <outDir>');
  process.exit(2);
}
const crypto = require('crypto');
const solc = require(path.join(toolsDir, 'node_modules', 'solc'));

const sources = {};
for (const file of fs.readdirSync(srcDir).filter((f) => f.endsWith('.sol')).sort()) {
  sources[file] = { content: fs.readFileSync(path.join(srcDir, file), 'utf8') };
}
// skip the (slow, via-IR) compilation when neither the sources nor this script changed
const fingerprint = crypto.createHash('sha256');
fingerprint.update(solc.version());
fingerprint.update(fs.readFileSync(__filename));
for (const [file, src] of Object.entries(sources)) fingerprint.update(file + '\0' + src.content + '\0');
const digest = fingerprint.digest('hex');
const stamp = path.join(outDir, '.fingerprint');
if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest) {
  console.log('Solidity contracts are up to date in ' + outDir);
  process.exit(0);
}
// several checkouts (and clean builds) compile the same sources: reuse a cached result
const cacheDir = path.join(toolsDir, 'solc-cache', digest);
if (fs.existsSync(path.join(cacheDir, '.complete'))) {
  fs.mkdirSync(outDir, { recursive: true });
  for (const f of fs.readdirSync(cacheDir).filter((f) => f.endsWith('.json'))) {
    fs.copyFileSync(path.join(cacheDir, f), path.join(outDir, f));
  }
  fs.writeFileSync(stamp, digest);
  console.log('Solidity contracts copied from the compile cache ' + cacheDir);
  process.exit(0);
}
const input = {
  language: 'Solidity',
  sources,
  settings: {
    optimizer: { enabled: true, runs: 200 },
    viaIR: true,
    evmVersion: 'cancun',
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input), {
  import: (p) => {
    const file = path.join(srcDir, path.basename(p));
    return fs.existsSync(file) ? { contents: fs.readFileSync(file, 'utf8') } : { error: 'not found: ' + p };
  },
}));
let failed = false;
for (const e of output.errors || []) {
  if (e.severity === 'error') failed = true;
  console.error(e.formattedMessage || e.message);
}
if (failed) {
  console.error('Solidity compilation failed (solc ' + solc.version() + ')');
  process.exit(1);
}
fs.mkdirSync(outDir, { recursive: true });
let written = 0;
for (const [file, contracts] of Object.entries(output.contracts)) {
  for (const [name, c] of Object.entries(contracts)) {
    if (!c.evm.bytecode.object || c.abi.length === 0) continue; // interfaces, abstract contracts, libraries
    const json = {
      contractName: name,
      sourceName: file,
      compiler: solc.version(),
      abi: c.abi,
      bytecode: '0x' + c.evm.bytecode.object,
      deployedBytecode: '0x' + c.evm.deployedBytecode.object,
    };
    fs.writeFileSync(path.join(outDir, name + '.json'), JSON.stringify(json, null, 1) + '\n');
    written++;
  }
}
fs.writeFileSync(stamp, digest);
try {
  const tmp = cacheDir + '.tmp-' + process.pid;
  fs.mkdirSync(tmp, { recursive: true });
  for (const f of fs.readdirSync(outDir).filter((f) => f.endsWith('.json'))) {
    fs.copyFileSync(path.join(outDir, f), path.join(tmp, f));
  }
  fs.writeFileSync(path.join(tmp, '.complete'), digest);
  fs.renameSync(tmp, cacheDir);
} catch (e) {
  // another build filled the cache first, or the tools dir is read-only: the cache is optional
}
console.log('compiled ' + Object.keys(sources).length + ' Solidity files into ' + written + ' contracts with solc ' + solc.version());

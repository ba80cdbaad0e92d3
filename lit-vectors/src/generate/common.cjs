// Shared by the generators in this folder: versions of the npm packages used, hex helpers, and
// the one way every generator prints its file. Run with NODE_PATH = the JS SDK 4.2.0 node_modules
// (generate.sh sets it).
'use strict';

const fs = require('fs');
// the SDK packages log with console.log; stdout carries the vector file alone
console.log = (...args) => console.error(...args);
const path = require('path');

/** The version of an installed npm package, as its package.json says (read as a file: some
 * packages do not export it). */
const versionOf = (name) => {
  for (const dir of require.resolve.paths(name) || []) {
    const file = path.join(dir, name, 'package.json');
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')).version;
  }
  throw new Error(name + ' is not installed (NODE_PATH)');
};

const hex = (u8) => Buffer.from(u8).toString('hex');
const fromHex = (h) => Uint8Array.from(Buffer.from(h.replace(/^0x/, ''), 'hex'));
/** A scalar (BigInt) as 64 lower-case hex digits (32 bytes, big-endian). */
const scalarHex = (x) => x.toString(16).padStart(64, '0');

/** generatedBy of the files made here: the generator script and where its packages come from. */
const generatedBy = (script) =>
  `lit-vectors/src/generate/${script} (generate.sh) with the npm packages listed in 'versions', installed by the build into \${lit4j.tools.dir}/js-sdk-4.2.0 (lit-localnet/src/build/js-sdk.sh), Node.js 20. Every value was re-checked from Java 17 with foundation.icon:blst-java:0.3.2 and org.bouncycastle:bcprov-jdk18on:1.78.1.`;

/** Prints the vector file: JSON.stringify(value, null, 2), with or without a final newline. The
 * promise settles once stdout has taken all of it (await it before exiting: a pipe that is read
 * slowly would otherwise lose the tail of a large file to process.exit). */
const print = (value, finalNewline) =>
  new Promise((resolve, reject) =>
    process.stdout.write(JSON.stringify(value, null, 2) + (finalNewline ? '\n' : ''), (e) => (e ? reject(e) : resolve())),
  );

/** Fails the generator (non-zero exit, no output) when a cross-check does not hold. */
const check = (ok, what) => {
  if (!ok) throw new Error('cross-check failed: ' + what);
};

/** Runs an async generator: exit 0 when done (the SDK's wasm loaders keep the loop alive), 1 on
 * any error. */
const run = (main) =>
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );

module.exports = { versionOf, hex, fromHex, scalarHex, generatedBy, print, check, run };

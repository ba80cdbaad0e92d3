/**
 * A client of Lit's v4 relay server: mint PKPs for auth methods, poll the mint, fetch an auth
 * method's PKPs.
 */
package io.lit4j.node.relay;

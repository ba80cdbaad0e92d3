/** Capacity credit delegation ({@code createCapacityDelegationAuthSig}). */
package io.lit4j.node.capacity;

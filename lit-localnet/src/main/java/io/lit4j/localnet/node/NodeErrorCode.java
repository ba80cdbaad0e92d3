package io.lit4j.localnet.node;

/**
 * Error codes a Lit node of the habanero/manzano era answers with, each bound to its HTTP status,
 * its error kind and the description the node reports as {@code message}.
 */
public enum NodeErrorCode {
  /** Invalid auth sig (HTTP 401, kind {@code Validation}). */
  NodeInvalidAuthSig(401, "Validation", "Invalid auth sig"),
  /** Auth sig not supported (HTTP 401, kind {@code Validation}). */
  NodeAuthSigNotSupported(401, "Validation", "Auth sig not supported"),
  /** Auth sig scope too limited (HTTP 401, kind {@code Validation}). */
  NodeAuthSigScopeTooLimited(401, "Validation", "Auth sig scope too limited"),
  /** Invalid multiple auth sigs (HTTP 400, kind {@code Validation}). */
  NodeInvalidMultipleAuthSigs(400, "Validation", "Invalid multiple auth sigs"),
  /** Auth sig address conversion error (HTTP 400, kind {@code Conversion}). */
  NodeAuthSigAddressConversionError(400, "Conversion", "Auth sig address conversion error"),
  /** Auth sig signature conversion error (HTTP 400, kind {@code Conversion}). */
  NodeAuthSigSignatureConversionError(400, "Conversion", "Auth sig signature conversion error"),
  /** Auth sig session key conversion error (HTTP 400, kind {@code Conversion}). */
  NodeAuthSigSessionKeyConversionError(400, "Conversion", "Auth sig session key conversion error"),
  /** Auth sig signed message conversion error (HTTP 400, kind {@code Conversion}). */
  NodeAuthSigSignedMessageConversionError(
      400, "Conversion", "Auth sig signed message conversion error"),
  /** Session key signature is not valid (HTTP 400, kind {@code Validation}). */
  NodeInvalidAuthSigSessionKeySignature(400, "Validation", "Session key signature is not valid"),
  /** SIWE capability is invalid (HTTP 400, kind {@code Validation}). */
  NodeSIWECapabilityInvalid(400, "Validation", "SIWE capability is invalid"),
  /** SIWE signature conversion error (HTTP 400, kind {@code Conversion}). */
  NodeSIWESigConversionError(400, "Conversion", "SIWE signature conversion error"),
  /** Invalid ED25519 auth sig (HTTP 400, kind {@code Validation}). */
  NodeInvalidED25519AuthSig(400, "Validation", "Invalid ED25519 auth sig"),
  /** Contract auth sig unauthorized (HTTP 401, kind {@code Validation}). */
  NodeContractAuthsigUnauthorized(401, "Validation", "Contract auth sig unauthorized"),
  /** SIWE message error (HTTP 400, kind {@code Validation}). */
  NodeSIWEMessageError(400, "Validation", "SIWE message error"),
  /** Wallet signature JSON error (HTTP 502, kind {@code Validation}). */
  NodeWalletSignatureJSONError(502, "Validation", "Wallet signature JSON error"),
  /** Resource id not found in auth_sig capabilities (HTTP 404, kind {@code Validation}). */
  NodeResourceIdNotFound(404, "Validation", "Resource id not found in auth_sig capabilities"),
  /** Node not authorized (HTTP 403, kind {@code Validation}). */
  NodeNotAuthorized(403, "Validation", "Node not authorized"),
  /** Issued at is outside the grace period (HTTP 403, kind {@code Validation}). */
  NodeIatOutsideGracePeriod(403, "Validation", "Issued at is outside the grace period"),
  /** Expiration is wrong or too large (HTTP 403, kind {@code Validation}). */
  NodeExpWrongOrTooLarge(403, "Validation", "Expiration is wrong or too large"),
  /** Parser error (HTTP 400, kind {@code Parser}). */
  NodeParserError(400, "Parser", "Parser error"),
  /** Invalid auth context resource (HTTP 401, kind {@code Validation}). */
  NodeInvalidAuthContextResource(401, "Validation", "Invalid auth context resource"),
  /** SIWE expiration is undefined (HTTP 401, kind {@code Validation}). */
  NodeUndefinedSiweExpiration(401, "Validation", "SIWE expiration is undefined"),
  /** Invalid blockhash (HTTP 502, kind {@code Validation}). */
  NodeInvalidBlockhash(502, "Validation", "Invalid blockhash"),
  /** PKP not authorized (HTTP 401, kind {@code Validation}). */
  NodePKPNotAuthorized(401, "Validation", "PKP not authorized"),
  /** PKP token id not found (HTTP 400, kind {@code Validation}). */
  NodePKPTokenIdNotFound(400, "Validation", "PKP token id not found"),
  /** Invalid IPFS id (HTTP 400, kind {@code Validation}). */
  NodeInvalidIPFSID(400, "Validation", "Invalid IPFS id"),
  /** Lit Action not allowed (HTTP 400, kind {@code Validation}). */
  NodeActionNotAllowed(400, "Validation", "Lit Action not allowed"),
  /** Invalid curve type (HTTP 400, kind {@code Validation}). */
  NodeInvalidCurveType(400, "Validation", "Invalid curve type"),
  /** Lit Actions connection error (HTTP 502, kind {@code Connect}). */
  NodeJsConnectionError(502, "Connect", "Lit Actions connection error"),
  /** Lit Action execution error (HTTP 502, kind {@code Unexpected}). */
  NodeJsExecutionError(502, "Unexpected", "Lit Action execution error"),
  /** Lit Action timed out (HTTP 502, kind {@code Timeout}). */
  NodeJsTimeoutError(502, "Timeout", "Lit Action timed out"),
  /** Lit Action exceeded the memory limit (HTTP 502, kind {@code MemoryLimit}). */
  NodeJsMemoryLimitError(502, "MemoryLimit", "Lit Action exceeded the memory limit"),
  /** Access control conditions returned not authorized (HTTP 401, kind {@code Validation}). */
  NodeAccessControlConditionsReturnedNotAuthorized(
      401, "Validation", "Access control conditions returned not authorized"),
  /** Access control conditions check failed (HTTP 502, kind {@code Unexpected}). */
  NodeAccessControlConditionsCheckFailed(
      502, "Unexpected", "Access control conditions check failed"),
  /** Missing access control conditions (HTTP 400, kind {@code Validation}). */
  NodeMissingAccessControlConditions(400, "Validation", "Missing access control conditions"),
  /** Too many conditions (HTTP 400, kind {@code Validation}). */
  NodeTooManyConditions(400, "Validation", "Too many conditions"),
  /** Invalid boolean condition type (HTTP 400, kind {@code Validation}). */
  NodeInvalidBooleanConditionType(400, "Validation", "Invalid boolean condition type"),
  /** Invalid SIWE special param (HTTP 400, kind {@code Validation}). */
  NodeInvalidSIWESpecialParam(400, "Validation", "Invalid SIWE special param"),
  /** RPC error (HTTP 502, kind {@code Blockchain}). */
  NodeRpcError(502, "Blockchain", "RPC error"),
  /** Blockchain error (HTTP 502, kind {@code Blockchain}). */
  NodeBlockchainError(502, "Blockchain", "Blockchain error"),
  /** Unknown chain (HTTP 502, kind {@code Blockchain}). */
  NodeBlockchainChainUnknown(502, "Blockchain", "Unknown chain"),
  /** This usually means your JSON body is wrong (HTTP 422, kind {@code Unexpected}). */
  NodeBadInput(
      422,
      "Unexpected",
      "This usually means your JSON body is wrong. Please check that you have sent all required parameters"),
  /** System fault (HTTP 500, kind {@code Unexpected}). */
  NodeSystemFault(500, "Unexpected", "System fault"),
  /** Unknown error occured (HTTP 400, kind {@code Unexpected}). */
  NodeUnknownError(400, "Unexpected", "Unknown error occured"),
  /** Contract resolver conversion failed (HTTP 500, kind {@code Conversion}). */
  NodeContractResolverConversionFailed(500, "Conversion", "Contract resolver conversion failed"),
  /** Missing required X-Request-Id header (HTTP 400, kind {@code Validation}). */
  CoreApiMissingRequiredXRequestIdHeader(400, "Validation", "Missing required X-Request-Id header"),
  /** Invalid X-SDK-Version header (HTTP 400, kind {@code Validation}). */
  CoreApiInvalidXSDKVersionHeader(400, "Validation", "Invalid X-SDK-Version header");

  private final int status;
  private final String kind;
  private final String description;

  NodeErrorCode(int status, String kind, String description) {
    this.status = status;
    this.kind = kind;
    this.description = description;
  }

  /**
   * HTTP status of the error.
   *
   * @return the status code
   */
  public int status() {
    return status;
  }

  /**
   * The error kind, e.g. {@code Validation}.
   *
   * @return the kind
   */
  public String kind() {
    return kind;
  }

  /**
   * The description the node reports as {@code message}.
   *
   * @return the description
   */
  public String description() {
    return description;
  }
}

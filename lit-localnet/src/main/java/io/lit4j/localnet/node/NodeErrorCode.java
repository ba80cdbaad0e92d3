package io.lit4j.localnet.node;

/**
 * Error codes a Lit node of the habanero/manzano era answers with, each bound to its HTTP status,
 * its error kind and the description the node reports as {@code message}.
 */
public enum NodeErrorCode {
  NodeInvalidAuthSig(401, "Validation", "Invalid auth sig"),
  NodeAuthSigNotSupported(401, "Validation", "Auth sig not supported"),
  NodeAuthSigScopeTooLimited(401, "Validation", "Auth sig scope too limited"),
  NodeInvalidMultipleAuthSigs(400, "Validation", "Invalid multiple auth sigs"),
  NodeAuthSigAddressConversionError(400, "Conversion", "Auth sig address conversion error"),
  NodeAuthSigSignatureConversionError(400, "Conversion", "Auth sig signature conversion error"),
  NodeAuthSigSessionKeyConversionError(400, "Conversion", "Auth sig session key conversion error"),
  NodeAuthSigSignedMessageConversionError(400, "Conversion", "Auth sig signed message conversion error"),
  NodeInvalidAuthSigSessionKeySignature(400, "Validation", "Session key signature is not valid"),
  NodeSIWECapabilityInvalid(400, "Validation", "SIWE capability is invalid"),
  NodeSIWESigConversionError(400, "Conversion", "SIWE signature conversion error"),
  NodeInvalidED25519AuthSig(400, "Validation", "Invalid ED25519 auth sig"),
  NodeContractAuthsigUnauthorized(401, "Validation", "Contract auth sig unauthorized"),
  NodeSIWEMessageError(400, "Validation", "SIWE message error"),
  NodeWalletSignatureJSONError(502, "Validation", "Wallet signature JSON error"),
  NodeResourceIdNotFound(404, "Validation", "Resource id not found in auth_sig capabilities"),
  NodeNotAuthorized(403, "Validation", "Node not authorized"),
  NodeIatOutsideGracePeriod(403, "Validation", "Issued at is outside the grace period"),
  NodeExpWrongOrTooLarge(403, "Validation", "Expiration is wrong or too large"),
  NodeParserError(400, "Parser", "Parser error"),
  NodeInvalidAuthContextResource(401, "Validation", "Invalid auth context resource"),
  NodeUndefinedSiweExpiration(401, "Validation", "SIWE expiration is undefined"),
  NodeInvalidBlockhash(502, "Validation", "Invalid blockhash"),
  NodePKPNotAuthorized(401, "Validation", "PKP not authorized"),
  NodePKPTokenIdNotFound(400, "Validation", "PKP token id not found"),
  NodeInvalidIPFSID(400, "Validation", "Invalid IPFS id"),
  NodeActionNotAllowed(400, "Validation", "Lit Action not allowed"),
  NodeInvalidCurveType(400, "Validation", "Invalid curve type"),
  NodeJsConnectionError(502, "Connect", "Lit Actions connection error"),
  NodeJsExecutionError(502, "Unexpected", "Lit Action execution error"),
  NodeJsTimeoutError(502, "Timeout", "Lit Action timed out"),
  NodeJsMemoryLimitError(502, "MemoryLimit", "Lit Action exceeded the memory limit"),
  NodeAccessControlConditionsReturnedNotAuthorized(401, "Validation", "Access control conditions returned not authorized"),
  NodeAccessControlConditionsCheckFailed(502, "Unexpected", "Access control conditions check failed"),
  NodeMissingAccessControlConditions(400, "Validation", "Missing access control conditions"),
  NodeTooManyConditions(400, "Validation", "Too many conditions"),
  NodeInvalidBooleanConditionType(400, "Validation", "Invalid boolean condition type"),
  NodeInvalidSIWESpecialParam(400, "Validation", "Invalid SIWE special param"),
  NodeRpcError(502, "Blockchain", "RPC error"),
  NodeBlockchainError(502, "Blockchain", "Blockchain error"),
  NodeBlockchainChainUnknown(502, "Blockchain", "Unknown chain"),
  NodeBadInput(422, "Unexpected", "This usually means your JSON body is wrong. Please check that you have sent all required parameters"),
  NodeSystemFault(500, "Unexpected", "System fault"),
  NodeUnknownError(400, "Unexpected", "Unknown error occured"),
  NodeContractResolverConversionFailed(500, "Conversion", "Contract resolver conversion failed"),
  CoreApiMissingRequiredXRequestIdHeader(400, "Validation", "Missing required X-Request-Id header"),
  CoreApiInvalidXSDKVersionHeader(400, "Validation", "Invalid X-SDK-Version header");

  private final int status;
  private final String kind;
  private final String description;

  NodeErrorCode(int status, String kind, String description) {
    this.status = status;
    this.kind = kind;
    this.description = description;
  }

  public int status() {
    return status;
  }

  public String kind() {
    return kind;
  }

  public String description() {
    return description;
  }
}

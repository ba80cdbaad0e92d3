// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import "./LitTypes.sol";

/// @title PKPPermissions
/// @notice Who may use a PKP: auth methods (type + opaque id, optional user pubkey) with a scope
/// bitmap per (token, auth method); Lit Actions are type 2 (id = IPFS multihash bytes), addresses
/// type 1 (id = the 20 address bytes). Every change requires msg.sender == ownerOf(tokenId).
contract PKPPermissions {
    uint256 public constant AUTH_METHOD_ADDRESS = 1;
    uint256 public constant AUTH_METHOD_ACTION = 2;
    uint256 public constant AUTH_METHOD_WEBAUTHN = 3;

    address public owner;
    IPKPNFT private immutable _pkpNft;
    IPubkeyRouter private immutable _router;

    /// auth-method key => record (kept when removed from a token)
    mapping(uint256 => AuthMethod) private _authMethods;
    /// token => permitted auth-method keys (enumerable set)
    mapping(uint256 => uint256[]) private _tokenKeys;
    mapping(uint256 => mapping(uint256 => uint256)) private _tokenKeyIndex; // index + 1
    /// auth-method key => token ids (enumerable set)
    mapping(uint256 => uint256[]) private _keyTokens;
    mapping(uint256 => mapping(uint256 => uint256)) private _keyTokenIndex; // index + 1
    /// token => auth-method key => scope bitmap
    mapping(uint256 => mapping(uint256 => uint256)) private _scopes;
    /// token => group => Merkle root
    mapping(uint256 => mapping(uint256 => bytes32)) private _rootHashes;

    event PermittedAuthMethodAdded(uint256 indexed tokenId, uint256 authMethodType, bytes id, bytes userPubkey);
    event PermittedAuthMethodRemoved(uint256 indexed tokenId, uint256 authMethodType, bytes id);
    event PermittedAuthMethodScopeAdded(uint256 indexed tokenId, uint256 authMethodType, bytes id, uint256 scopeId);
    event PermittedAuthMethodScopeRemoved(uint256 indexed tokenId, uint256 authMethodType, bytes id, uint256 scopeId);
    event RootHashUpdated(uint256 indexed tokenId, uint256 indexed group, bytes32 root);

    modifier onlyPkpOwner(uint256 tokenId) {
        require(msg.sender == _pkpNft.ownerOf(tokenId), "Not PKP NFT owner");
        _;
    }

    constructor(address pkpNftAddress, address routerAddress) {
        require(pkpNftAddress != address(0), "PKPPermissions: PKPNFT is the zero address");
        require(routerAddress != address(0), "PKPPermissions: router is the zero address");
        owner = msg.sender;
        _pkpNft = IPKPNFT(pkpNftAddress);
        _router = IPubkeyRouter(routerAddress);
    }

    // ---------------------------------------------------------------- reads

    function getPkpNftAddress() external view returns (address) {
        return address(_pkpNft);
    }

    function getRouterAddress() external view returns (address) {
        return address(_router);
    }

    function getPubkey(uint256 tokenId) external view returns (bytes memory) {
        return _router.getPubkey(tokenId);
    }

    function getEthAddress(uint256 tokenId) external view returns (address) {
        return _router.getEthAddress(tokenId);
    }

    /// @notice The storage key of an auth method: uint256(keccak256(abi.encode(type, id))).
    function getAuthMethodId(uint256 authMethodType, bytes memory id) public pure returns (uint256) {
        return uint256(keccak256(abi.encode(authMethodType, id)));
    }

    function getPermittedAuthMethods(uint256 tokenId) external view returns (AuthMethod[] memory result) {
        uint256[] storage keys = _tokenKeys[tokenId];
        result = new AuthMethod[](keys.length);
        for (uint256 i = 0; i < keys.length; i++) {
            result[i] = _authMethods[keys[i]];
        }
    }

    /// @notice Scope bits 0 … maxScopeId − 1 of (tokenId, auth method).
    function getPermittedAuthMethodScopes(uint256 tokenId, uint256 authMethodType, bytes memory id, uint256 maxScopeId)
        external
        view
        returns (bool[] memory result)
    {
        uint256 bits = _scopes[tokenId][getAuthMethodId(authMethodType, id)];
        result = new bool[](maxScopeId);
        for (uint256 i = 0; i < maxScopeId && i < 256; i++) {
            result[i] = (bits >> i) & 1 == 1;
        }
    }

    function isPermittedAuthMethod(uint256 tokenId, uint256 authMethodType, bytes memory id) public view returns (bool) {
        return _tokenKeyIndex[tokenId][getAuthMethodId(authMethodType, id)] != 0;
    }

    function isPermittedAuthMethodScopePresent(uint256 tokenId, uint256 authMethodType, bytes memory id, uint256 scopeId)
        external
        view
        returns (bool)
    {
        if (scopeId >= 256) return false;
        return (_scopes[tokenId][getAuthMethodId(authMethodType, id)] >> scopeId) & 1 == 1;
    }

    function getTokenIdsForAuthMethod(uint256 authMethodType, bytes memory id) external view returns (uint256[] memory) {
        return _keyTokens[getAuthMethodId(authMethodType, id)];
    }

    function getUserPubkeyForAuthMethod(uint256 authMethodType, bytes memory id) external view returns (bytes memory) {
        return _authMethods[getAuthMethodId(authMethodType, id)].userPubkey;
    }

    /// @notice The NFT owner (if the token exists), then every type-1 id read as an address from
    /// its first 20 bytes.
    function getPermittedAddresses(uint256 tokenId) external view returns (address[] memory result) {
        uint256[] storage keys = _tokenKeys[tokenId];
        bool hasOwner = _pkpNft.exists(tokenId);
        uint256 count = hasOwner ? 1 : 0;
        for (uint256 i = 0; i < keys.length; i++) {
            if (_authMethods[keys[i]].authMethodType == AUTH_METHOD_ADDRESS) count++;
        }
        result = new address[](count);
        uint256 j = 0;
        if (hasOwner) result[j++] = _pkpNft.ownerOf(tokenId);
        for (uint256 i = 0; i < keys.length; i++) {
            AuthMethod storage m = _authMethods[keys[i]];
            if (m.authMethodType == AUTH_METHOD_ADDRESS) result[j++] = _firstTwentyBytesAsAddress(m.id);
        }
    }

    function getPermittedActions(uint256 tokenId) external view returns (bytes[] memory result) {
        uint256[] storage keys = _tokenKeys[tokenId];
        uint256 count = 0;
        for (uint256 i = 0; i < keys.length; i++) {
            if (_authMethods[keys[i]].authMethodType == AUTH_METHOD_ACTION) count++;
        }
        result = new bytes[](count);
        uint256 j = 0;
        for (uint256 i = 0; i < keys.length; i++) {
            AuthMethod storage m = _authMethods[keys[i]];
            if (m.authMethodType == AUTH_METHOD_ACTION) result[j++] = m.id;
        }
    }

    function isPermittedAction(uint256 tokenId, bytes memory ipfsCID) external view returns (bool) {
        return isPermittedAuthMethod(tokenId, AUTH_METHOD_ACTION, ipfsCID);
    }

    /// @notice The NFT owner, or a permitted type-1 entry for `user`.
    function isPermittedAddress(uint256 tokenId, address user) external view returns (bool) {
        if (_pkpNft.exists(tokenId) && _pkpNft.ownerOf(tokenId) == user) return true;
        return isPermittedAuthMethod(tokenId, AUTH_METHOD_ADDRESS, abi.encodePacked(user));
    }

    function getRootHash(uint256 tokenId, uint256 group) external view returns (bytes32) {
        return _rootHashes[tokenId][group];
    }

    /// @notice Checks a Merkle proof (sorted-pair keccak256) of `leaf` against the token's root.
    function verifyState(uint256 tokenId, uint256 group, bytes32[] memory proof, bytes32 leaf)
        external
        view
        returns (bool)
    {
        bytes32 hash = leaf;
        for (uint256 i = 0; i < proof.length; i++) {
            bytes32 p = proof[i];
            hash = hash < p ? keccak256(abi.encodePacked(hash, p)) : keccak256(abi.encodePacked(p, hash));
        }
        return hash == _rootHashes[tokenId][group];
    }

    // ---------------------------------------------------------------- writes (PKP owner only)

    function addPermittedAuthMethod(uint256 tokenId, AuthMethod memory authMethod, uint256[] memory scopes)
        public
        onlyPkpOwner(tokenId)
    {
        _addAuthMethod(tokenId, authMethod, scopes);
    }

    function removePermittedAuthMethod(uint256 tokenId, uint256 authMethodType, bytes memory id)
        public
        onlyPkpOwner(tokenId)
    {
        _removeAuthMethod(tokenId, authMethodType, id);
    }

    function addPermittedAuthMethodScope(uint256 tokenId, uint256 authMethodType, bytes memory id, uint256 scopeId)
        external
        onlyPkpOwner(tokenId)
    {
        _addScope(tokenId, getAuthMethodId(authMethodType, id), id, scopeId);
    }

    function removePermittedAuthMethodScope(uint256 tokenId, uint256 authMethodType, bytes memory id, uint256 scopeId)
        external
        onlyPkpOwner(tokenId)
    {
        require(scopeId < 256, "PKPPermissions: scopeId must be below 256");
        uint256 key = getAuthMethodId(authMethodType, id);
        _scopes[tokenId][key] &= ~(uint256(1) << scopeId);
        emit PermittedAuthMethodScopeRemoved(tokenId, authMethodType, id, scopeId);
    }

    function addPermittedAction(uint256 tokenId, bytes memory ipfsCID, uint256[] memory scopes)
        external
        onlyPkpOwner(tokenId)
    {
        _addAuthMethod(tokenId, AuthMethod(AUTH_METHOD_ACTION, ipfsCID, ""), scopes);
    }

    function removePermittedAction(uint256 tokenId, bytes memory ipfsCID) external onlyPkpOwner(tokenId) {
        _removeAuthMethod(tokenId, AUTH_METHOD_ACTION, ipfsCID);
    }

    function addPermittedAddress(uint256 tokenId, address user, uint256[] memory scopes)
        external
        onlyPkpOwner(tokenId)
    {
        _addAuthMethod(tokenId, AuthMethod(AUTH_METHOD_ADDRESS, abi.encodePacked(user), ""), scopes);
    }

    function removePermittedAddress(uint256 tokenId, address user) external onlyPkpOwner(tokenId) {
        _removeAuthMethod(tokenId, AUTH_METHOD_ADDRESS, abi.encodePacked(user));
    }

    function batchAddRemoveAuthMethods(
        uint256 tokenId,
        uint256[] memory permittedAuthMethodTypesToAdd,
        bytes[] memory permittedAuthMethodIdsToAdd,
        bytes[] memory permittedAuthMethodPubkeysToAdd,
        uint256[][] memory permittedAuthMethodScopesToAdd,
        uint256[] memory permittedAuthMethodTypesToRemove,
        bytes[] memory permittedAuthMethodIdsToRemove
    ) external onlyPkpOwner(tokenId) {
        require(
            permittedAuthMethodTypesToAdd.length == permittedAuthMethodIdsToAdd.length
                && permittedAuthMethodTypesToAdd.length == permittedAuthMethodPubkeysToAdd.length
                && permittedAuthMethodTypesToAdd.length == permittedAuthMethodScopesToAdd.length,
            "PKPPermissions: auth method arrays to add must have the same length"
        );
        require(
            permittedAuthMethodTypesToRemove.length == permittedAuthMethodIdsToRemove.length,
            "PKPPermissions: auth method arrays to remove must have the same length"
        );
        for (uint256 i = 0; i < permittedAuthMethodTypesToAdd.length; i++) {
            _addAuthMethod(
                tokenId,
                AuthMethod(
                    permittedAuthMethodTypesToAdd[i], permittedAuthMethodIdsToAdd[i], permittedAuthMethodPubkeysToAdd[i]
                ),
                permittedAuthMethodScopesToAdd[i]
            );
        }
        for (uint256 i = 0; i < permittedAuthMethodTypesToRemove.length; i++) {
            _removeAuthMethod(tokenId, permittedAuthMethodTypesToRemove[i], permittedAuthMethodIdsToRemove[i]);
        }
    }

    function setRootHash(uint256 tokenId, uint256 group, bytes32 root) external onlyPkpOwner(tokenId) {
        _rootHashes[tokenId][group] = root;
        emit RootHashUpdated(tokenId, group, root);
    }

    // ---------------------------------------------------------------- internals

    function _addAuthMethod(uint256 tokenId, AuthMethod memory authMethod, uint256[] memory scopes) private {
        require(authMethod.authMethodType != 0, "PKPPermissions: authMethodType must be non-zero");
        uint256 key = getAuthMethodId(authMethod.authMethodType, authMethod.id);
        AuthMethod storage stored = _authMethods[key];
        if (stored.authMethodType == 0) {
            _authMethods[key] = authMethod;
        } else if (authMethod.authMethodType == AUTH_METHOD_WEBAUTHN) {
            require(
                stored.userPubkey.length == 0 || keccak256(stored.userPubkey) == keccak256(authMethod.userPubkey),
                "PKPPermissions: cannot add a different pubkey for the same WebAuthn credential id"
            );
            stored.userPubkey = authMethod.userPubkey;
        }
        if (_tokenKeyIndex[tokenId][key] == 0) {
            _tokenKeys[tokenId].push(key);
            _tokenKeyIndex[tokenId][key] = _tokenKeys[tokenId].length;
        }
        if (_keyTokenIndex[key][tokenId] == 0) {
            _keyTokens[key].push(tokenId);
            _keyTokenIndex[key][tokenId] = _keyTokens[key].length;
        }
        for (uint256 i = 0; i < scopes.length; i++) {
            _addScope(tokenId, key, authMethod.id, scopes[i]);
        }
        emit PermittedAuthMethodAdded(tokenId, authMethod.authMethodType, authMethod.id, authMethod.userPubkey);
    }

    function _addScope(uint256 tokenId, uint256 key, bytes memory id, uint256 scopeId) private {
        require(scopeId < 256, "PKPPermissions: scopeId must be below 256");
        _scopes[tokenId][key] |= uint256(1) << scopeId;
        // like Lit's contracts, this event carries the auth-method key in its authMethodType field
        emit PermittedAuthMethodScopeAdded(tokenId, key, id, scopeId);
    }

    function _removeAuthMethod(uint256 tokenId, uint256 authMethodType, bytes memory id) private {
        uint256 key = getAuthMethodId(authMethodType, id);
        uint256 idx = _tokenKeyIndex[tokenId][key];
        require(idx != 0, "PKPPermissions: auth method is not permitted for this PKP");
        uint256[] storage keys = _tokenKeys[tokenId];
        uint256 last = keys.length;
        if (idx != last) {
            uint256 moved = keys[last - 1];
            keys[idx - 1] = moved;
            _tokenKeyIndex[tokenId][moved] = idx;
        }
        keys.pop();
        _tokenKeyIndex[tokenId][key] = 0;

        uint256[] storage tokens = _keyTokens[key];
        uint256 tIdx = _keyTokenIndex[key][tokenId];
        uint256 tLast = tokens.length;
        if (tIdx != tLast) {
            uint256 movedToken = tokens[tLast - 1];
            tokens[tIdx - 1] = movedToken;
            _keyTokenIndex[key][movedToken] = tIdx;
        }
        tokens.pop();
        _keyTokenIndex[key][tokenId] = 0;
        // like Lit's contracts, this event carries the auth-method key in its authMethodType field
        emit PermittedAuthMethodRemoved(tokenId, key, id);
    }

    function _firstTwentyBytesAsAddress(bytes memory id) private pure returns (address a) {
        if (id.length < 20) {
            bytes memory padded = new bytes(20);
            for (uint256 i = 0; i < id.length; i++) padded[i] = id[i];
            id = padded;
        }
        assembly {
            a := shr(96, mload(add(id, 32)))
        }
    }
}

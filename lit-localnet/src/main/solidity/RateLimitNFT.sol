// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import "./LitTypes.sol";
import "./LitERC721.sol";

/// @title RateLimitNFT
/// @notice Capacity credits: ERC-721 tokens (ids 1, 2, …) granting requestsPerKilosecond until a
/// UTC midnight. Price: rpks · (expiresAt − now) · additionalRequestsPerKilosecondCost / 1000.
/// The only log of a mint is Transfer(0, minter, tokenId).
contract RateLimitNFT is LitERC721 {
    /// Purchased capacity of one token.
    struct RateLimit {
        uint256 requestsPerKilosecond;
        uint256 expiresAt;
    }

    uint256 private constant DAY = 86400;

    address public owner;
    uint256 public additionalRequestsPerKilosecondCost;
    uint256 public maxRequestsPerKilosecond;
    uint256 public maxExpirationSeconds;
    uint256 public defaultRateLimitWindowSeconds;
    uint256 public RLIHolderRateLimitWindowSeconds;
    uint256 public freeRequestsPerRateLimitWindow;
    uint256 public tokenIdCounter;
    address public freeMintSigner;
    mapping(bytes32 => bool) public redeemedFreeMints;
    mapping(uint256 => uint256) public totalSoldRequestsPerKilosecondByExpirationTime;
    mapping(uint256 => RateLimit) private _capacity;

    event AdditionalRequestsPerKilosecondCostSet(uint256 newAdditionalRequestsPerKilosecondCost);
    event MaxRequestsPerKilosecondSet(uint256 newMaxRequestsPerKilosecond);
    event MaxExpirationSecondsSet(uint256 newMaxExpirationSeconds);
    event FreeMintSignerSet(address indexed newFreeMintSigner);
    event Withdrew(uint256 amount);
    event RateLimitWindowSecondsSet(uint256 newRateLimitWindowSeconds);
    event RLIHolderRateLimitWindowSecondsSet(uint256 newRLIHolderRateLimitWindowSeconds);
    event FreeRequestsPerRateLimitWindowSet(uint256 newFreeRequestsPerRateLimitWindow);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    modifier onlyOwner() {
        require(msg.sender == owner, "RateLimitNFT: caller is not the owner");
        _;
    }

    constructor() LitERC721("Rate Limit Increases on Lit Protocol", "RLI") {
        owner = msg.sender;
        additionalRequestsPerKilosecondCost = 1_000_000;
        maxRequestsPerKilosecond = 10_000;
        maxExpirationSeconds = 2_592_000;
        defaultRateLimitWindowSeconds = DAY;
        RLIHolderRateLimitWindowSeconds = DAY;
        freeRequestsPerRateLimitWindow = 0;
        emit OwnershipTransferred(address(0), msg.sender);
    }

    // ---------------------------------------------------------------- pricing

    function calculateCost(uint256 requestsPerKilosecond, uint256 expiresAt) public view returns (uint256) {
        require(requestsPerKilosecond > 0, "RateLimitNFT: requestsPerKilosecond must be greater than 0");
        _checkExpiry(expiresAt);
        return (requestsPerKilosecond * (expiresAt - block.timestamp) * additionalRequestsPerKilosecondCost) / 1000;
    }

    function calculateRequestsPerKilosecond(uint256 payingAmount, uint256 expiresAt) public view returns (uint256) {
        _checkExpiry(expiresAt);
        uint256 pricePerRpks = ((expiresAt - block.timestamp) * additionalRequestsPerKilosecondCost) / 1000;
        require(pricePerRpks > 0, "RateLimitNFT: price per requestsPerKilosecond is zero");
        return payingAmount / pricePerRpks;
    }

    /// @notice Sum of sold, unexpired capacity over the future UTC midnights.
    function currentSoldRequestsPerKilosecond() public view returns (uint256 sold) {
        uint256 midnight = block.timestamp - (block.timestamp % DAY) + DAY;
        uint256 end = block.timestamp + maxExpirationSeconds;
        for (; midnight < end; midnight += DAY) {
            sold += totalSoldRequestsPerKilosecondByExpirationTime[midnight];
        }
    }

    function checkBelowMaxRequestsPerKilosecond(uint256 requestedRequestsPerKilosecond) public view returns (bool) {
        return currentSoldRequestsPerKilosecond() + requestedRequestsPerKilosecond < maxRequestsPerKilosecond;
    }

    // ---------------------------------------------------------------- mints

    /// @notice Buys capacity until `expiresAt` (a UTC midnight within maxExpirationSeconds); the
    /// capacity bought is derived from msg.value.
    function mint(uint256 expiresAt) external payable returns (uint256) {
        require(msg.value > 0, "RateLimitNFT: msg.value must be greater than 0");
        uint256 requestsPerKilosecond = calculateRequestsPerKilosecond(msg.value, expiresAt);
        require(requestsPerKilosecond > 0, "RateLimitNFT: msg.value is too small to buy any capacity");
        uint256 cost = calculateCost(requestsPerKilosecond, expiresAt);
        require(cost > 0 && msg.value >= cost, "RateLimitNFT: msg.value does not cover the cost");
        return _mintCapacity(msg.sender, requestsPerKilosecond, expiresAt);
    }

    /// @notice Mints capacity authorised by the free-mint signer over
    /// EIP-191(keccak256(abi.encodePacked(expiresAt, requestsPerKilosecond))).
    function freeMint(uint256 expiresAt, uint256 requestsPerKilosecond, bytes32 msgHash, uint8 v, bytes32 r, bytes32 sVal)
        external
        returns (uint256)
    {
        require(freeMintSigner != address(0), "RateLimitNFT: free minting is disabled");
        require(requestsPerKilosecond > 0, "RateLimitNFT: requestsPerKilosecond must be greater than 0");
        _checkExpiry(expiresAt);
        bytes32 expected = LitUtil.toEthSignedMessageHash(abi.encodePacked(keccak256(abi.encodePacked(expiresAt, requestsPerKilosecond))));
        require(msgHash == expected, "RateLimitNFT: msgHash does not match expiresAt and requestsPerKilosecond");
        require(!redeemedFreeMints[msgHash], "RateLimitNFT: free mint already redeemed");
        require(LitUtil.recover(msgHash, Signature(r, sVal, v)) == freeMintSigner, "RateLimitNFT: invalid free mint signature");
        redeemedFreeMints[msgHash] = true;
        return _mintCapacity(msg.sender, requestsPerKilosecond, expiresAt);
    }

    function _mintCapacity(address to, uint256 requestsPerKilosecond, uint256 expiresAt) private returns (uint256) {
        require(
            checkBelowMaxRequestsPerKilosecond(requestsPerKilosecond),
            "RateLimitNFT: not enough capacity left (maxRequestsPerKilosecond reached)"
        );
        tokenIdCounter += 1;
        uint256 tokenId = tokenIdCounter;
        _capacity[tokenId] = RateLimit(requestsPerKilosecond, expiresAt);
        totalSoldRequestsPerKilosecondByExpirationTime[expiresAt] += requestsPerKilosecond;
        _safeMint(to, tokenId);
        return tokenId;
    }

    // ---------------------------------------------------------------- reads

    function capacity(uint256 tokenId) external view returns (RateLimit memory) {
        return _capacity[tokenId];
    }

    function isExpired(uint256 tokenId) public view returns (bool) {
        return _capacity[tokenId].expiresAt <= block.timestamp;
    }

    function tokenSVG(uint256 tokenId) public view returns (string memory) {
        RateLimit memory c = _capacity[tokenId];
        return string(
            abi.encodePacked(
                '<svg xmlns="http://www.w3.org/2000/svg" width="350" height="200"><rect width="100%" height="100%" fill="#1d1d1d"/>',
                '<text x="20" y="60" fill="#fff" font-family="monospace">Lit capacity credit #',
                LitUtil.toString(tokenId),
                '</text><text x="20" y="100" fill="#fff" font-family="monospace">',
                LitUtil.toString(c.requestsPerKilosecond),
                ' millirequests/s</text><text x="20" y="140" fill="#fff" font-family="monospace">expires ',
                LitUtil.toString(c.expiresAt),
                "</text></svg>"
            )
        );
    }

    function tokenURI(uint256 tokenId) external view override returns (string memory) {
        require(exists(tokenId), "RateLimitNFT: URI query for nonexistent token");
        RateLimit memory c = _capacity[tokenId];
        bytes memory json = abi.encodePacked(
            '{"name":"Lit Protocol - Rate Limit Increase #',
            LitUtil.toString(tokenId),
            '","description":"This NFT entitles the holder to a rate limit increase on Lit Protocol","image_data":"',
            LitUtil.base64(bytes(tokenSVG(tokenId))),
            '","attributes":[{"display_type":"date","trait_type":"Expiration Date","value":',
            LitUtil.toString(c.expiresAt),
            '},{"display_type":"number","trait_type":"Millirequests Per Second","value":',
            LitUtil.toString(c.requestsPerKilosecond),
            "}]}"
        );
        return string(abi.encodePacked("data:application/json;base64,", LitUtil.base64(json)));
    }

    // ---------------------------------------------------------------- admin

    function setAdditionalRequestsPerKilosecondCost(uint256 newCost) external onlyOwner {
        require(newCost > 0 && newCost % 1000 == 0, "RateLimitNFT: cost must be a positive multiple of 1000");
        additionalRequestsPerKilosecondCost = newCost;
        emit AdditionalRequestsPerKilosecondCostSet(newCost);
    }

    function setMaxRequestsPerKilosecond(uint256 newMax) external onlyOwner {
        maxRequestsPerKilosecond = newMax;
        emit MaxRequestsPerKilosecondSet(newMax);
    }

    function setMaxExpirationSeconds(uint256 newMaxExpirationSeconds) external onlyOwner {
        maxExpirationSeconds = newMaxExpirationSeconds;
        emit MaxExpirationSecondsSet(newMaxExpirationSeconds);
    }

    function setRateLimitWindowSeconds(uint256 newWindowSeconds) external onlyOwner {
        defaultRateLimitWindowSeconds = newWindowSeconds;
        emit RateLimitWindowSecondsSet(newWindowSeconds);
    }

    function setRLIHolderRateLimitWindowSeconds(uint256 newWindowSeconds) external onlyOwner {
        RLIHolderRateLimitWindowSeconds = newWindowSeconds;
        emit RLIHolderRateLimitWindowSecondsSet(newWindowSeconds);
    }

    function setFreeRequestsPerRateLimitWindow(uint256 newFreeRequests) external onlyOwner {
        freeRequestsPerRateLimitWindow = newFreeRequests;
        emit FreeRequestsPerRateLimitWindowSet(newFreeRequests);
    }

    function setFreeMintSigner(address newFreeMintSigner) external onlyOwner {
        freeMintSigner = newFreeMintSigner;
        emit FreeMintSignerSet(newFreeMintSigner);
    }

    function withdraw() external onlyOwner {
        uint256 amount = address(this).balance;
        (bool sent,) = payable(msg.sender).call{value: amount}("");
        require(sent, "RateLimitNFT: withdraw failed");
        emit Withdrew(amount);
    }

    function transferOwnership(address newOwner) external onlyOwner {
        require(newOwner != address(0), "RateLimitNFT: new owner is the zero address");
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }

    function _checkExpiry(uint256 expiresAt) private view {
        require(expiresAt > block.timestamp, "RateLimitNFT: expiresAt must be in the future");
        require(
            expiresAt < block.timestamp + maxExpirationSeconds,
            "RateLimitNFT: expiresAt must be within maxExpirationSeconds"
        );
        require(expiresAt % DAY == 0, "RateLimitNFT: expiresAt must be a UTC midnight");
    }
}

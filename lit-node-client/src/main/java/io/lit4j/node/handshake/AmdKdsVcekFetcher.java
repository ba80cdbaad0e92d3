package io.lit4j.node.handshake;

import io.lit4j.core.errors.LitErrorCode;
import io.lit4j.core.errors.LitException;
import io.lit4j.core.errors.LitValidationException;
import io.lit4j.crypto.attestation.SevSnpReport;
import io.lit4j.crypto.attestation.SevSnpVerifier;
import io.lit4j.crypto.attestation.VcekProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches VCEK certificates from AMD's key distribution service, as the JS SDK does at connect (a
 * plain GET of {@link SevSnpReport#vcekUrl()}). Blocking; wrap it in {@link
 * io.lit4j.crypto.attestation.InMemoryVcekCache} or {@link
 * io.lit4j.crypto.attestation.FileVcekCache} so each chip's certificate is fetched once.
 */
public final class AmdKdsVcekFetcher implements VcekProvider {
  private static final String AMD_KDS = "https://kdsintf.amd.com/";

  private final OkHttpClient client;
  private final Duration timeout;
  private final String baseUrl;

  /**
   * A fetcher asking AMD directly.
   *
   * @param client the HTTP client
   * @param timeout the timeout of one fetch
   * @throws LitValidationException if a part is missing or the timeout is not positive
   */
  public AmdKdsVcekFetcher(OkHttpClient client, Duration timeout) {
    this(client, timeout, AMD_KDS);
  }

  /**
   * A fetcher asking {@code baseUrl} instead of {@code https://kdsintf.amd.com/}: a mirror, a proxy
   * (browsers use {@code https://cors.litgateway.com/}) or a test server. The VCEK URL's path and
   * query are appended to it.
   *
   * @param client the HTTP client
   * @param timeout the timeout of one fetch
   * @param baseUrl the KDS base URL to ask
   * @throws LitValidationException if a part is missing, the base URL does not end with {@code /},
   *     or the timeout is not positive
   */
  public AmdKdsVcekFetcher(OkHttpClient client, Duration timeout, String baseUrl) {
    if (client == null) throw new LitValidationException("httpClient is missing");
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new LitValidationException("VCEK fetch timeout must be positive, got " + timeout);
    }
    if (baseUrl == null
        || !baseUrl.endsWith("/")
        || !(baseUrl.startsWith("https://") || baseUrl.startsWith("http://"))) {
      throw new LitValidationException(
          "VCEK base URL must be an http(s) URL ending with '/', got " + baseUrl);
    }
    this.client = client;
    this.timeout = timeout;
    this.baseUrl = baseUrl;
  }

  /**
   * GETs the certificate.
   *
   * @throws LitValidationException if {@code vcekUrl} is not an AMD KDS URL
   * @throws LitException if the service does not answer 200 with at least {@value
   *     SevSnpVerifier#MIN_VCEK_BYTES} bytes in time
   */
  @Override
  public Optional<byte[]> vcekDer(String vcekUrl, SevSnpReport report) {
    if (vcekUrl == null || !vcekUrl.startsWith(AMD_KDS)) {
      throw new LitValidationException("VCEK URL must start with " + AMD_KDS + ", got " + vcekUrl);
    }
    String url = baseUrl + vcekUrl.substring(AMD_KDS.length());
    Call call = client.newCall(new Request.Builder().url(url).get().build());
    call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    try (Response r = call.execute();
        ResponseBody body = r.body()) {
      byte[] der = body == null ? new byte[0] : body.bytes();
      if (r.code() != 200 || der.length < SevSnpVerifier.MIN_VCEK_BYTES) {
        throw LitException.builder()
            .message(
                "AMD key distribution service answered HTTP "
                    + r.code()
                    + " with "
                    + der.length
                    + " bytes for "
                    + url
                    + "; a VCEK certificate has at least "
                    + SevSnpVerifier.MIN_VCEK_BYTES
                    + " bytes")
            .status(r.code())
            .errorCode(LitErrorCode.INVALID_NODE_ATTESTATION)
            .errorKind("Unexpected")
            .build();
      }
      return Optional.of(der);
    } catch (IOException e) {
      throw LitException.builder()
          .message("cannot fetch the VCEK certificate from " + url + ": " + e.getMessage())
          .cause(e)
          .errorCode(LitErrorCode.INVALID_NODE_ATTESTATION)
          .errorKind("Unexpected")
          .build();
    }
  }
}

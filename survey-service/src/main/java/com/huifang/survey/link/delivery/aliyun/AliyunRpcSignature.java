package com.huifang.survey.link.delivery.aliyun;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud's signature of RPC-style API requests (SignatureMethod HMAC-SHA1, SignatureVersion 1.0), as the SMS
 * service documents it ("签名机制"):
 * <ol>
 *   <li>sort every request parameter except {@code Signature} by name;</li>
 *   <li>percent-encode names and values in UTF-8 per RFC 3986 (A–Z a–z 0–9 - _ . ~ kept; a space is %20, never +)
 *       and join them as {@code name=value} with {@code &} (the canonicalized query string);</li>
 *   <li>StringToSign = {@code HTTPMethod + "&" + percentEncode("/") + "&" + percentEncode(canonicalizedQueryString)};</li>
 *   <li>Signature = Base64(HMAC-SHA1(key = AccessKeySecret + "&", StringToSign)).</li>
 * </ol>
 */
public final class AliyunRpcSignature {

    private AliyunRpcSignature() {
    }

    /** RFC 3986 percent-encoding of UTF-8 text: unreserved characters stay, everything else is %XY (upper-case). */
    public static String percentEncode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** The parameters (without {@code Signature}) sorted by name, encoded and joined. */
    public static String canonicalizedQuery(Map<String, String> parameters) {
        SortedMap<String, String> sorted = new TreeMap<>(parameters);
        sorted.remove("Signature");
        return sorted.entrySet().stream()
                .map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String stringToSign(String httpMethod, Map<String, String> parameters) {
        return httpMethod + "&" + percentEncode("/") + "&" + percentEncode(canonicalizedQuery(parameters));
    }

    public static String sign(String httpMethod, Map<String, String> parameters, String accessKeySecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] digest = mac.doFinal(stringToSign(httpMethod, parameters).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }
}

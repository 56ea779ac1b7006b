package com.huifang.customer.pii.domain;

import com.huifang.customer.customer.domain.PhoneNumber;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash of a normalised personal value, stored next to its ciphertext so equal values can
 * be found (duplicate detection, search by phone) without plaintext and without decrypting.
 *
 * <p>{@code hex(HMAC-SHA256(key, tenantId ‖ 0x00 ‖ field ‖ 0x00 ‖ normalisedValue))}, 64 lower-case
 * hex characters. Keyed, so the small space of phone numbers cannot be enumerated by whoever
 * reads the database without the key; scoped by tenant and field, so equal numbers of two tenants
 * do not correlate. Phones are hashed in their {@link PhoneNumber#canonical()} form. Changing the
 * key means recomputing every stored hash (from the decrypted values): it is a separate key from
 * the cipher keys and rotates rarely.
 */
public final class LookupHash {

    private final SecretKeySpec key;

    public LookupHash(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < 32) {
            throw new IllegalArgumentException("the lookup key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String of(String tenantId, PersonalField field, String normalisedValue) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(normalisedValue, "normalisedValue");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(tenantId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(field.name().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public String ofPhone(String tenantId, PhoneNumber phone) {
        return of(tenantId, PersonalField.PHONE, phone.canonical());
    }
}

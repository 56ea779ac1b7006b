package com.huifang.customer.pii.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal fields (phone and ID numbers) for storage with AES-256-GCM.
 *
 * <p>Ciphertext format (ASCII, safe in JSON and Mongo): {@code v1:<keyId>:<base64url(iv ‖ ct ‖ tag)>}
 * with no padding; {@code iv} is 12 random bytes (96 bits) from {@link SecureRandom}, {@code tag}
 * the 128-bit GCM tag. The key id says which key encrypted it, so keys can rotate: several keys
 * are configured, the active one encrypts, any known one decrypts, and
 * {@link #needsReEncryption} finds values a background job should re-encrypt.
 *
 * <p>The optional {@code context} is GCM associated data: not stored, but it must be the same on
 * decryption. Binding a value to e.g. {@code tenant/customer/field} means a ciphertext copied to
 * another customer or field does not decrypt. Tampering with any byte fails with
 * {@link CipherFailure}. Thread-safe.
 */
public final class FieldCipher {

    public static final String VERSION = "v1";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random;

    /**
     * @param keys        key id → 32-byte AES key
     * @param activeKeyId the key new values are encrypted with
     */
    public FieldCipher(Map<String, byte[]> keys, String activeKeyId, SecureRandom random) {
        Objects.requireNonNull(keys, "keys");
        Map<String, SecretKey> copy = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (id == null || !KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("key ids are 1–32 letters, digits, _ or -: " + id);
            }
            if (key == null || key.length != 32) {
                throw new IllegalArgumentException("key " + id + " must have 32 bytes (AES-256)");
            }
            copy.put(id, new SecretKeySpec(key.clone(), "AES"));
        });
        if (!copy.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("active key " + activeKeyId + " is not configured");
        }
        this.keys = Map.copyOf(copy);
        this.activeKeyId = activeKeyId;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Keys as configuration holds them: key id → base64 (standard or url-safe) of 32 bytes. */
    public static FieldCipher fromBase64Keys(Map<String, String> base64Keys, String activeKeyId) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        base64Keys.forEach((id, b64) -> keys.put(id, decodeKey(id, b64)));
        return new FieldCipher(keys, activeKeyId, new SecureRandom());
    }

    private static byte[] decodeKey(String id, String b64) {
        try {
            String s = b64.strip();
            return s.contains("-") || s.contains("_") ? Base64.getUrlDecoder().decode(s) : Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key " + id + " is not base64", e);
        }
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public String encrypt(String plaintext) {
        return encrypt(plaintext, "");
    }

    public String encrypt(String plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(context));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return VERSION + ":" + activeKeyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public String decrypt(String ciphertext) {
        return decrypt(ciphertext, "");
    }

    /** @throws CipherFailure when the value is malformed, its key unknown, or it was altered */
    public String decrypt(String ciphertext, String context) {
        String[] parts = split(ciphertext);
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new CipherFailure("unknown key id " + parts[1]);
        }
        byte[] in;
        try {
            in = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new CipherFailure("ciphertext is not base64url");
        }
        if (in.length < IV_BYTES + TAG_BITS / 8) {
            throw new CipherFailure("ciphertext too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(aad(context));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new CipherFailure("ciphertext was altered, or the key or context is wrong");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The id of the key that encrypted {@code ciphertext}. */
    public static String keyIdOf(String ciphertext) {
        return split(ciphertext)[1];
    }

    /** True when {@code ciphertext} was encrypted with a key other than the active one. */
    public boolean needsReEncryption(String ciphertext) {
        return !activeKeyId.equals(keyIdOf(ciphertext));
    }

    /** Decrypts with the old key and encrypts with the active one (key rotation). */
    public String reEncrypt(String ciphertext, String context) {
        return needsReEncryption(ciphertext) ? encrypt(decrypt(ciphertext, context), context) : ciphertext;
    }

    private static String[] split(String ciphertext) {
        if (ciphertext == null) {
            throw new CipherFailure("no ciphertext");
        }
        String[] parts = ciphertext.split(":", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0]) || !KEY_ID.matcher(parts[1]).matches()) {
            throw new CipherFailure("not a " + VERSION + " ciphertext");
        }
        return parts;
    }

    private static byte[] aad(String context) {
        return (context == null ? "" : context).getBytes(StandardCharsets.UTF_8);
    }

    /** A ciphertext could not be decrypted. The message never contains plaintext or key material. */
    public static class CipherFailure extends RuntimeException {
        public CipherFailure(String message) {
            super(message);
        }
    }
}

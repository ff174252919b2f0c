package io.reserva.uploads;

import java.time.Instant;

/** Signs a PUT of one object. */
interface UploadBackend {

    /**
     * @param key the object's key, {@code organization/type/id.ext}
     * @param baseUrl how the client reaches this server (the local backend's URLs are on it)
     */
    SignedUpload sign(String key, ImageFormat format, Long fileSize, Instant expiresAt, String baseUrl);
}

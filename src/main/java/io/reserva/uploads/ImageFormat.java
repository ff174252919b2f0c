package io.reserva.uploads;

import java.util.Arrays;
import java.util.Optional;

/** The image formats we accept, by content type, with the first bytes every such file starts with. */
enum ImageFormat {
    PNG("image/png", "png") {
        @Override
        boolean matches(byte[] head) {
            return startsWith(head, new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        }
    },
    JPEG("image/jpeg", "jpg") {
        @Override
        boolean matches(byte[] head) {
            return startsWith(head, new int[] {0xFF, 0xD8, 0xFF});
        }
    },
    WEBP("image/webp", "webp") {
        @Override
        boolean matches(byte[] head) {
            return head.length >= 12
                    && startsWith(head, new int[] {'R', 'I', 'F', 'F'})
                    && head[8] == 'W'
                    && head[9] == 'E'
                    && head[10] == 'B'
                    && head[11] == 'P';
        }
    };

    /** The largest file accepted: 5 MB. */
    static final long MAX_BYTES = 5L * 1024 * 1024;

    private final String contentType;
    private final String extension;

    ImageFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    String contentType() {
        return contentType;
    }

    String extension() {
        return extension;
    }

    abstract boolean matches(byte[] head);

    static Optional<ImageFormat> ofContentType(String contentType) {
        return Arrays.stream(values())
                .filter(format -> format.contentType.equalsIgnoreCase(contentType))
                .findFirst();
    }

    static Optional<ImageFormat> ofExtension(String extension) {
        return Arrays.stream(values())
                .filter(format -> format.extension.equals(extension))
                .findFirst();
    }

    private static boolean startsWith(byte[] head, int[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}

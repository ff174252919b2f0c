package io.reserva.uploads;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The image formats we accept, by content type. A file is one of them only if its header decodes: the signature
 * and the block that gives the picture's size (PNG's IHDR with its checksum, JPEG's start-of-frame, WebP's VP8,
 * VP8L or VP8X chunk), so that eight magic bytes and nothing else are refused.
 */
enum ImageFormat {
    PNG("image/png", "png") {
        @Override
        boolean decodes(InputStream in) throws IOException {
            byte[] head = in.readNBytes(33);
            if (head.length < 33
                    || !startsWith(head, new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
                    || int32(head, 8) != 13
                    || !ascii(head, 12, "IHDR")) {
                return false;
            }
            CRC32 crc = new CRC32();
            crc.update(head, 12, 17);
            int bitDepth = head[24];
            int colourType = head[25];
            return int32(head, 16) > 0
                    && int32(head, 20) > 0
                    && List.of(1, 2, 4, 8, 16).contains(bitDepth)
                    && List.of(0, 2, 3, 4, 6).contains(colourType)
                    && head[26] == 0
                    && head[27] == 0
                    && (head[28] == 0 || head[28] == 1)
                    && (crc.getValue() & 0xFFFFFFFFL) == (int32(head, 29) & 0xFFFFFFFFL);
        }
    },
    JPEG("image/jpeg", "jpg") {
        @Override
        boolean decodes(InputStream in) throws IOException {
            DataInputStream data = new DataInputStream(in);
            byte[] soi = data.readNBytes(2);
            if (soi.length < 2 || (soi[0] & 0xFF) != 0xFF || (soi[1] & 0xFF) != 0xD8) {
                return false;
            }
            // Walk the segments up to the start of frame, which gives the size; it comes before any scan.
            while (true) {
                int marker = data.read();
                if (marker != 0xFF) {
                    return false;
                }
                int type = data.read();
                while (type == 0xFF) {
                    type = data.read(); // fill bytes
                }
                if (type < 0 || type == 0xD9 || type == 0xDA) {
                    return false; // the end, or a scan, before any frame header
                }
                if (type == 0x01 || (type >= 0xD0 && type <= 0xD7)) {
                    continue; // markers without a length
                }
                byte[] lengthBytes = data.readNBytes(2);
                if (lengthBytes.length < 2) {
                    return false;
                }
                int length = ((lengthBytes[0] & 0xFF) << 8) | (lengthBytes[1] & 0xFF);
                if (length < 2) {
                    return false;
                }
                boolean startOfFrame = type >= 0xC0 && type <= 0xCF && type != 0xC4 && type != 0xC8 && type != 0xCC;
                if (startOfFrame) {
                    byte[] frame = data.readNBytes(6);
                    int height = frame.length < 6 ? 0 : ((frame[1] & 0xFF) << 8) | (frame[2] & 0xFF);
                    int width = frame.length < 6 ? 0 : ((frame[3] & 0xFF) << 8) | (frame[4] & 0xFF);
                    int components = frame.length < 6 ? 0 : frame[5] & 0xFF;
                    // A height of 0 is legal (given later by a DNL marker), a width of 0 is not.
                    return length >= 8 + 3 * components
                            && width > 0
                            && height >= 0
                            && components >= 1
                            && components <= 4;
                }
                if (data.skipBytes(length - 2) < length - 2) {
                    return false;
                }
            }
        }
    },
    WEBP("image/webp", "webp") {
        @Override
        boolean decodes(InputStream in) throws IOException {
            byte[] head = in.readNBytes(30);
            if (head.length < 30
                    || !ascii(head, 0, "RIFF")
                    || !ascii(head, 8, "WEBP")
                    || int32LittleEndian(head, 4) < 4 + 8 + 10) {
                return false;
            }
            if (ascii(head, 12, "VP8 ")) {
                // A lossy key frame: its tag's lowest bit is 0, then the start code 9D 01 2A and 14-bit sizes.
                int width = uint16LittleEndian(head, 26) & 0x3FFF;
                int height = uint16LittleEndian(head, 28) & 0x3FFF;
                return (head[20] & 0x01) == 0
                        && (head[23] & 0xFF) == 0x9D
                        && (head[24] & 0xFF) == 0x01
                        && (head[25] & 0xFF) == 0x2A
                        && width > 0
                        && height > 0;
            }
            if (ascii(head, 12, "VP8L")) {
                // A lossless image: the signature byte 0x2F, then width - 1 and height - 1 in 14 bits each.
                int bits = int32LittleEndian(head, 21);
                int version = (bits >>> 29) & 0x7;
                return (head[20] & 0xFF) == 0x2F && version == 0;
            }
            if (ascii(head, 12, "VP8X")) {
                // The extended format: flags, reserved bytes, then canvas width - 1 and height - 1 in 24 bits.
                return int32LittleEndian(head, 16) >= 10 && (head[21] | head[22] | head[23]) == 0;
            }
            return false;
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

    /** Whether the stream, read from its first byte, starts with this format's signature and a sound header. */
    abstract boolean decodes(InputStream in) throws IOException;

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

    private static boolean ascii(byte[] bytes, int offset, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (bytes[offset + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int int32(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 24)
                | ((bytes[offset + 1] & 0xFF) << 16)
                | ((bytes[offset + 2] & 0xFF) << 8)
                | (bytes[offset + 3] & 0xFF);
    }

    private static int int32LittleEndian(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF)
                | ((bytes[offset + 1] & 0xFF) << 8)
                | ((bytes[offset + 2] & 0xFF) << 16)
                | ((bytes[offset + 3] & 0xFF) << 24);
    }

    private static int uint16LittleEndian(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | ((bytes[offset + 1] & 0xFF) << 8);
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

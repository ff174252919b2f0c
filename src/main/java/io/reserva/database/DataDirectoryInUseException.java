package io.reserva.database;

import java.nio.file.Path;

/** Another running Reserva process holds the data directory: this one must not touch its PostgreSQL. */
class DataDirectoryInUseException extends IllegalStateException {

    DataDirectoryInUseException(Path dataDirectory) {
        super("The data directory " + dataDirectory + " is in use by another running Reserva process");
    }
}

package com.huifang.customer.imports.parse;

/** The file as a whole cannot be imported (no header, missing required column, not CSV/xlsx, unreadable). */
public class ImportFileException extends RuntimeException {

    public ImportFileException(String message) {
        super(message);
    }

    public ImportFileException(String message, Throwable cause) {
        super(message, cause);
    }
}

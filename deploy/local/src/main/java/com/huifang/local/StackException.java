package com.huifang.local;

/** The stack cannot start or run as asked; the message says why and where to look. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }
}

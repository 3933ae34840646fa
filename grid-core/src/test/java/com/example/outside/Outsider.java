package com.example.outside;

import java.io.Serializable;

/** An application's value class that no member allowlist names. */
public record Outsider(String text) implements Serializable {
}

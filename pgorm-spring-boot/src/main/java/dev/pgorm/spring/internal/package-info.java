/**
 * The auto-configuration and its parts: free to change, not part of the API. Exclude a piece by its
 * class name in {@code spring.autoconfigure.exclude}.
 */
package dev.pgorm.spring.internal;

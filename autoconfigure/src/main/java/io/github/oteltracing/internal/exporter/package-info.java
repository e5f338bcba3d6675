/**
 * Internal: no compatibility guarantee. Types here are public only so that the
 * starter's other packages can use them; they may change or go in any release.
 */
package io.github.oteltracing.internal.exporter;

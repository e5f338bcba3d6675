/**
 * Classes that break the house rules on purpose, one rule each, so that
 * {@code HouseRulesFixtureTests} can show every rule catching what it forbids. Never used.
 */
package io.github.oteltracing.archfixtures;

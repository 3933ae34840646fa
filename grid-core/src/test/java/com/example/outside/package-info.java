/**
 * Test classes outside grid's packages: what an application sends, which the members' deserialization
 * allowlist does not cover unless configured to.
 */
package com.example.outside;

/** grid's architecture rules (ArchUnit), checked over the classes of every module. */
package dev.grid.architecture;
